package auth

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// consentItem is one line of the consent page.
type consentItem struct {
	Raw   string
	Label string
	Fixed bool // part of how the app works (openid, launch/patient, api:*), not a data grant
}

// fixedScopes are granted with the authorization itself; every other scope
// (each resource scope and offline_access) can be unticked.
var fixedScopes = map[string]string{
	"openid": "Confirm who you are (OpenID Connect)", "fhirUser": "Know which FHIR user you are",
	"profile": "Your name", "email": "Your e-mail address", "launch/patient": "Work with the chosen patient's record",
	"api:oemr": "Use the OpenEMR API", "api:fhir": "Use the FHIR API", "api:port": "Use the patient portal API",
	"online_access": "Access while you are signed in",
}

func consentItems(raw string) []consentItem {
	scopes, _ := scope.ParseList(raw)
	items := make([]consentItem, 0, len(scopes))
	for _, sc := range scopes {
		if label, ok := fixedScopes[sc.Raw]; ok {
			items = append(items, consentItem{sc.Raw, label, true})
			continue
		}
		items = append(items, consentItem{Raw: sc.Raw, Label: describeScope(sc)})
	}
	return items
}

func describeScope(sc scope.Scope) string {
	if sc.Raw == "offline_access" {
		return "Stay signed in (refresh access without asking again)"
	}
	if sc.Context == "" {
		return sc.Raw
	}
	var verbs []string
	for _, v := range []struct {
		p    scope.Perm
		word string
	}{{scope.R | scope.S, "read"}, {scope.C, "create"}, {scope.U, "update"}, {scope.D, "delete"}} {
		if sc.Perms.Any(v.p) {
			verbs = append(verbs, v.word)
		}
	}
	what := sc.Resource
	if what == "*" {
		what = "all record types"
	}
	if sc.Operation != "" {
		return "Run " + sc.Operation + " on " + what
	}
	label := strings.Join(verbs, ", ") + " " + what
	if cat := sc.Constraints.Get("category"); cat != "" {
		label += " (category " + cat + ")"
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

// handleConsent shows the consent page.
func (s *Server) handleConsent(w http.ResponseWriter, r *http.Request) error {
	sess, req, err := s.signedIn(r)
	if err != nil {
		return err
	}
	scopes, _ := scope.ParseList(req.Scope)
	set := scope.Set(scopes)
	if set.Has("launch/patient") && sess.PatientUUID == "" {
		http.Redirect(w, r, s.Issuer(sess.Site)+"/smart/patient-select", http.StatusSeeOther)
		return nil
	}
	data := map[string]any{
		"Title": "Allow access?", "ClientName": req.ClientName, "CSRF": sess.CSRF,
		"Scopes": consentItems(req.Scope), "Action": s.Issuer(sess.Site) + "/scope-authorize-confirm",
		"Offline":      set.Has("offline_access"),
		"OfflineUntil": s.now().Add(s.seconds(r.Context(), emr.SettingRefreshTokenLifetime)).Format("2 January 2006"),
	}
	if sess.PatientUUID != "" {
		if p, err := s.st.Patients.PatientByUUID(r.Context(), sess.PatientUUID); err == nil {
			data["PatientName"] = p.Fname + " " + p.Lname
		}
	}
	renderPage(w, http.StatusOK, "consent.html", data)
	return nil
}

// handleConsentConfirm finishes the authorization: the granted scope is what
// stayed ticked (SMART App Launch: the server may grant less than asked), a
// single-use code is issued and the browser goes back to the app.
func (s *Server) handleConsentConfirm(w http.ResponseWriter, r *http.Request) error {
	sess, req, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if err := checkCSRF(r, sess); err != nil {
		return err
	}
	s.endSession(w, r, sess)
	if r.PostFormValue("proceed") != "allow" {
		s.audit(r, "authorize", "failure", &emr.AuditEvent{Role: sess.Role, Subject: sess.Subject, ClientID: req.ClientID, Detail: "denied by the user"})
		redirectWithError(w, r, req, oerr(0, "access_denied", "the user denied access"))
		return nil
	}
	requested, _ := scope.ParseList(req.Scope)
	ticked := r.PostForm["scope"]
	var granted scope.Set
	for _, sc := range requested {
		if slices.Contains(ticked, sc.Raw) {
			granted = append(granted, sc)
		}
	}
	if granted.Has("launch/patient") && sess.PatientUUID == "" {
		return &pageError{400, "Choose a patient first."}
	}
	now := s.now()
	g := &emr.Grant{
		ID: newID(), Site: sess.Site, ClientID: req.ClientID, Role: sess.Role, Subject: sess.Subject,
		Scope: granted.String(), Nonce: req.Nonce, AuthTime: sess.AuthTime, Created: now,
		Expires: s.grantExpiry(r.Context(), granted),
	}
	if granted.Has("launch/patient") || sess.Role == emr.RolePatient {
		g.PatientUUID = sess.PatientUUID
	}
	code := randomToken(32)
	ac := &emr.AuthCode{
		Hash: tokenHash(code), GrantID: g.ID, ClientID: req.ClientID, RedirectURI: req.RedirectURI,
		Challenge: req.CodeChallenge, ChallengeMethod: req.CodeChallengeMethod, Expires: now.Add(codeLife),
	}
	if err := s.st.Tokens.CreateGrant(r.Context(), g); err != nil {
		return err
	}
	if err := s.st.Tokens.CreateAuthCode(r.Context(), ac); err != nil {
		return err
	}
	s.audit(r, "authorize", "success", &emr.AuditEvent{Role: g.Role, Subject: g.Subject, ClientID: g.ClientID, PatientUUID: g.PatientUUID, Detail: "scope=" + g.Scope})
	q := url.Values{"code": {code}}
	if req.State != "" {
		q.Set("state", req.State)
	}
	http.Redirect(w, r, appendQuery(req.RedirectURI, q), http.StatusSeeOther)
	return nil
}
