package admin

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// handleLaunch opens an app from the chart (SMART App Launch 2.x §"EHR
// Launch"): the authorization server records a single-use launch context
// (the signed-in user, this patient and, when one was chosen, one of the
// patient's encounters) and the browser is sent to the app's launch URL
// with iss (the FHIR base URL) and launch.
func (s *Server) handleLaunch(w http.ResponseWriter, r *http.Request, me *staff) error {
	ctx, site := r.Context(), r.PathValue("site")
	p, err := s.chartPatient(ctx, r.PathValue("uuid"))
	if err != nil {
		return err
	}
	clientID := strings.TrimSpace(r.PostFormValue("client_id"))
	encounter := strings.TrimSpace(r.PostFormValue("encounter"))
	ev := &emr.AuditEvent{Role: emr.RoleUsers, Subject: me.User.UUID, ClientID: clientID, PatientUUID: p.Str("uuid"), PatientID: p.Str("pid")}
	if clientID == "" {
		return &pageError{http.StatusBadRequest, "Choose the app to launch."}
	}
	if encounter != "" {
		// The encounter must be one of this patient's: the launch context
		// grants the app access to it (SMART "launch/encounter").
		_, err := s.st.Records.Get(ctx, resource.Encounter, emr.Eq("uuid", encounter), emr.Eq("pid", p["pid"]))
		if err != nil && !emr.IsNotFound(err) {
			return err
		} else if err != nil {
			ev.Detail = "not an encounter of the patient"
			s.audit(r, "admin.launch", "failure", ev)
			return s.showChart(w, r, me, http.StatusBadRequest,
				map[string]string{"encounter": "Choose one of this patient's encounters, or no encounter."}, clientID)
		}
	}
	target, err := s.auth.LaunchFromEHR(ctx, site, clientID, me.User.UUID, p.Str("uuid"), encounter)
	if err != nil {
		ev.Detail = emr.ErrorCode(err)
		s.audit(r, "admin.launch", "failure", ev)
		if code := emr.ErrorCode(err); code == emr.ENOTFOUND || code == emr.EINVALID {
			return &pageError{http.StatusBadRequest, "This app cannot be launched: " + emr.ErrorMessage(err) + "."}
		}
		return err
	}
	if encounter != "" {
		ev.Detail = "encounter " + encounter
	}
	s.audit(r, "admin.launch", "success", ev)
	http.Redirect(w, r, target, http.StatusSeeOther)
	return nil
}
