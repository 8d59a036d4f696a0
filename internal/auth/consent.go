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
	Raw        string
	Label      string
	Fixed      bool             // part of how the app works (openid, launch/patient, api:*), not a data grant
	Categories []categoryOption // narrower granular scopes the user may pick instead
}

// categoryOption is one ?category= narrowing of a resource scope.
type categoryOption struct {
	Raw   string // e.g. patient/Observation.rs?category=…|laboratory
	Label string // the category code
}

// fixedScopes are granted with the authorization itself; every other scope
// (each resource scope and offline_access) can be unticked.
var fixedScopes = map[string]string{
	"openid": "Confirm who you are (OpenID Connect)", "fhirUser": "Know which FHIR user you are",
	"profile": "Your name", "email": "Your e-mail address", "launch/patient": "Work with the chosen patient's record",
	"api:oemr": "Use the OpenEMR API", "api:fhir": "Use the FHIR API", "api:port": "Use the patient portal API",
	"online_access":    "Access while you are signed in",
	"launch":           "Open in the patient context the EHR launched it with",
	"launch/encounter": "Work with the encounter the app was opened from",
}

// claimScopes ask for one OpenID Connect claim each (OIDC Core §5.4, §5.1);
// unlike fixedScopes they can be unticked.
var claimScopes = map[string]string{
	"phone": "Your phone number", "address": "Your postal address", "name": "Your full name",
	"given_name": "Your first name", "family_name": "Your last name", "nickname": "Your nickname",
	"phone_verified": "Whether your phone number is verified", "email_verified": "Whether your e-mail address is verified",
}

// scopeLabel is the readable description of a scope, the one wording the
// consent page and the app registration page share.
func scopeLabel(sc scope.Scope) string {
	if label, ok := fixedScopes[sc.Raw]; ok {
		return label
	}
	return describeScope(sc)
}

func (s *Server) consentItems(raw string) []consentItem {
	scopes, _ := scope.ParseList(raw)
	items := make([]consentItem, 0, len(scopes))
	for _, sc := range scopes {
		if _, ok := fixedScopes[sc.Raw]; ok {
			items = append(items, consentItem{Raw: sc.Raw, Label: scopeLabel(sc), Fixed: true})
			continue
		}
		items = append(items, consentItem{Raw: sc.Raw, Label: scopeLabel(sc), Categories: s.categoryOptions(sc)})
	}
	return items
}

// categoryOptions offers, for an unconstrained resource scope whose resource
// has granular categories (Condition, Observation, DocumentReference), the
// category-restricted scopes the user may grant instead.
func (s *Server) categoryOptions(sc scope.Scope) []categoryOption {
	if sc.Context == "" || sc.Resource == "*" || sc.Operation != "" || len(sc.Constraints) > 0 || !sc.Perms.Any(scope.R|scope.S) {
		return nil
	}
	var out []categoryOption
	for _, cat := range s.catalog.Categories(sc.Context, sc.Resource) {
		perms := sc.Perms & (scope.R | scope.S)
		narrowed, err := scope.Parse(sc.Context + "/" + sc.Resource + "." + perms.String() + "?category=" + cat)
		if err != nil {
			continue
		}
		_, code, _ := strings.Cut(cat, "|")
		out = append(out, categoryOption{Raw: narrowed.String(), Label: code})
	}
	return out
}

// grantedScopes is what the consent form grants: each ticked requested scope,
// except that a resource scope for which the user ticked categories is
// replaced by those category-restricted scopes.
func (s *Server) grantedScopes(requested []scope.Scope, ticked []string) scope.Set {
	var granted scope.Set
	for _, sc := range requested {
		var narrowed scope.Set
		for _, opt := range s.categoryOptions(sc) {
			if slices.Contains(ticked, opt.Raw) {
				n, _ := scope.Parse(opt.Raw)
				narrowed = append(narrowed, n)
			}
		}
		switch {
		case len(narrowed) > 0:
			granted = append(granted, narrowed...)
		case slices.Contains(ticked, sc.Raw):
			granted = append(granted, sc)
		}
	}
	return granted
}

func describeScope(sc scope.Scope) string {
	if sc.Raw == "offline_access" {
		return "Stay signed in (refresh access without asking again)"
	}
	if sc.Context == "" {
		if label, ok := claimScopes[sc.Raw]; ok {
			return label
		}
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
	if req.EHRLaunch {
		return &pageError{400, "Choose the patient to launch the app for."}
	}
	scopes, _ := scope.ParseList(req.Scope)
	set := scope.Set(scopes)
	if set.Has("launch/patient") && sess.PatientUUID == "" && sess.Role == emr.RoleUsers {
		http.Redirect(w, r, s.Issuer(sess.Site)+"/smart/patient-select", http.StatusSeeOther)
		return nil
	}
	data := map[string]any{
		"Title": "Allow access?", "ClientName": req.ClientName, "CSRF": sess.CSRF,
		"Scopes": s.consentItems(fitRole(sess.Role, scopes).String()), "Action": s.Issuer(sess.Site) + "/scope-authorize-confirm",
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
	granted := fitRole(sess.Role, s.grantedScopes(requested, r.PostForm["scope"]))
	if granted.Has("launch/patient") && sess.PatientUUID == "" {
		return &pageError{400, "Choose a patient first."}
	}
	now := s.now()
	g := &emr.Grant{
		ID: newID(), Site: sess.Site, ClientID: req.ClientID, Role: sess.Role, Subject: sess.Subject,
		Scope: granted.String(), Nonce: req.Nonce, AuthTime: sess.AuthTime, Created: now,
		Expires: s.grantExpiry(r.Context(), granted),
	}
	if granted.Has("launch/patient") || granted.Has("launch") || sess.Role == emr.RolePatient {
		g.PatientUUID = sess.PatientUUID
	}
	if granted.Has("launch") || granted.Has("launch/encounter") {
		g.EncounterUUID = req.LaunchEncounter // set only by an EHR launch from an encounter
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
