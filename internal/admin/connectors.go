package admin

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
)

// connectorField is one setting of the Connectors form (OpenEMR's
// Administration → Globals → Connectors).
type connectorField struct {
	Name    string
	Label   string
	Hint    string
	Kind    string // "switch" (checkbox, 1 or 0), "select", "url" or "number"
	Options [][2]string
	Value   string // in force, or as typed when the form was refused
}

// connectorFields lists the form in order; each value is checked by
// emr.ValidateSetting.
func connectorFields() []*connectorField {
	return []*connectorField{
		{Name: emr.SettingRestAPI, Label: "Standard API", Kind: "switch",
			Hint: "/apis/{site}/api/… Off, every request is answered 501 with a message."},
		{Name: emr.SettingRestPortalAPI, Label: "Patient Portal API", Kind: "switch",
			Hint: "/apis/{site}/portal/… Off, every request is answered 501 with a message."},
		{Name: emr.SettingRestFHIRAPI, Label: "FHIR API", Kind: "switch",
			Hint: "/apis/{site}/fhir/…, metadata included. Off, every request is answered 501 with an OperationOutcome."},
		{Name: emr.SettingSystemScopes, Label: "System scopes (SMART Backend Services)", Kind: "switch",
			Hint: "Off, client_credentials tokens are refused and those already issued stop working."},
		{Name: emr.SettingPasswordGrant, Label: "Password grant", Kind: "select",
			Options: [][2]string{{"0", "Off"}, {"1", "Staff users only"}, {"2", "Patients only"}, {"3", "Staff users and patients"}},
			Hint:    "The OAuth2 password grant is not part of SMART; leave it off unless an OpenEMR client needs it."},
		{Name: emr.SettingAppManualApproval, Label: "Every new app waits for an administrator's approval", Kind: "switch",
			Hint: "Off, patient standalone apps are approved when they register; apps asking for user/ or system/ scopes always wait."},
		{Name: emr.SettingSiteAddr, Label: "Site address", Kind: "url",
			Hint: "The public https:// address used in every absolute URL (issuer, FHIR base). Applies when goemr next starts."},
		{Name: emr.SettingAccessTokenLifetime, Label: "Access token lifetime (seconds)", Kind: "number",
			Hint: "60 to 86400."},
		{Name: emr.SettingRefreshTokenLifetime, Label: "Refresh token lifetime (seconds)", Kind: "number",
			Hint: "3600 to 31622400 (366 days); SMART asks for at least three months for offline access."},
		{Name: emr.SettingSystemTokenLifetime, Label: "System (client_credentials) token lifetime (seconds)", Kind: "number",
			Hint: "60 to 3600."},
	}
}

func (s *Server) handleConnectors(w http.ResponseWriter, r *http.Request, me *staff) error {
	all, err := s.st.Settings.Settings(r.Context())
	if err != nil {
		return err
	}
	fields := connectorFields()
	for _, f := range fields {
		f.Value = all[f.Name]
	}
	s.render(w, r, http.StatusOK, "connectors.html", &view{Title: "Connectors", Nav: "connectors", Me: me, Flash: flashOf(r), Data: fields})
	return nil
}

// handleConnectorsSave checks every field first and saves nothing unless
// all are valid; the changed settings apply to the next request (the
// store's settings cache is reset on write).
func (s *Server) handleConnectorsSave(w http.ResponseWriter, r *http.Request, me *staff) error {
	all, err := s.st.Settings.Settings(r.Context())
	if err != nil {
		return err
	}
	fields, errs := connectorFields(), fieldErrors{}
	for _, f := range fields {
		f.Value = strings.TrimSpace(r.PostFormValue(f.Name))
		if f.Kind == "switch" && f.Value == "" {
			f.Value = "0" // an unticked checkbox is not sent
		}
		if err := emr.ValidateSetting(f.Name, f.Value); err != nil {
			errs.add(f.Name, "Not a valid value. "+f.Hint)
		}
	}
	if len(errs) > 0 {
		s.render(w, r, http.StatusBadRequest, "connectors.html", &view{Title: "Connectors", Nav: "connectors", Me: me,
			Error: "Nothing was saved: correct the fields marked below.", Errors: errs, Data: fields})
		return nil
	}
	var changed []string
	for _, f := range fields {
		if all[f.Name] == f.Value {
			continue
		}
		if err := s.st.Settings.SetSetting(r.Context(), f.Name, f.Value); err != nil {
			return err
		}
		changed = append(changed, f.Name+"="+f.Value)
	}
	if len(changed) > 0 {
		s.auditChange(r, me, "settings.change", &emr.AuditEvent{Detail: strings.Join(changed, " ")})
	}
	redirectDone(w, r, "connectors", "connectors-saved")
	return nil
}
