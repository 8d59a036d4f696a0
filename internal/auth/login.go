package auth

import (
	"net/http"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/web"
)

// handleLogin shows and checks the sign-in form of an authorization.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	sess, req, err := s.session(r)
	if err != nil {
		return err
	}
	data := map[string]any{
		"Title": "Sign in", "ClientName": req.ClientName, "CSRF": sess.CSRF,
		"Action": s.Issuer(sess.Site) + "/provider/login",
	}
	if r.Method == http.MethodGet {
		renderPage(w, http.StatusOK, "login.html", data)
		return nil
	}
	if err := checkCSRF(r, sess); err != nil {
		return err
	}
	role := normalizeRole(r.PostFormValue("user_role"))
	username, email := r.PostFormValue("username"), r.PostFormValue("email")
	data["Role"], data["Username"], data["Email"] = role, username, email
	acct, err := s.signIn(r.Context(), role, username, r.PostFormValue("password"), email, web.ClientIP(r))
	if err != nil {
		s.audit(r, "login", "failure", &emr.AuditEvent{Role: role, ClientID: req.ClientID, Detail: emr.ErrorMessage(err)})
		status := http.StatusUnauthorized
		switch emr.ErrorCode(err) {
		case emr.EUNAVAILABLE:
			status = http.StatusTooManyRequests
		case emr.EUNAUTHORIZED, emr.EINVALID:
		default:
			return err
		}
		data["Error"] = emr.ErrorMessage(err)
		renderPage(w, status, "login.html", data)
		return nil
	}
	if acct.Role != emr.RoleUsers && (req.EHRLaunch || req.LaunchPatient != "") {
		return &pageError{403, "Apps are launched from the EHR by clinic staff; sign in with a staff account."}
	}
	if req.LaunchUser != "" && acct.Subject != req.LaunchUser {
		// The launch context belongs to the clinician who opened the app.
		s.audit(r, "login", "failure", &emr.AuditEvent{Role: acct.Role, Subject: acct.Subject, ClientID: req.ClientID, Detail: "launch of another user"})
		return &pageError{403, "This app was launched by another user. Launch it again from your own session."}
	}
	s.audit(r, "login", "success", &emr.AuditEvent{Role: acct.Role, Subject: acct.Subject, ClientID: req.ClientID})
	// A new session id after sign-in defeats session fixation; the CSRF
	// token is renewed with it.
	oldID := sess.ID
	cookie := randomToken(32)
	sess.ID, sess.CSRF = tokenHash(cookie), randomToken(32)
	sess.Role, sess.Subject, sess.AuthTime = acct.Role, acct.Subject, s.now()
	if acct.Role == emr.RolePatient {
		sess.PatientUUID = acct.PatientUUID // a patient's context is always their own record
	}
	if err := s.st.Sessions.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	if err := s.st.Sessions.DeleteSession(r.Context(), oldID); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: cookie, Path: "/oauth2/" + sess.Site + "/",
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLife / time.Second),
	})
	next := "/scope-authorize-confirm"
	scopes, _ := scope.ParseList(req.Scope)
	if acct.Role == emr.RoleUsers && sess.PatientUUID == "" && (scope.Set(scopes).Has("launch/patient") || req.EHRLaunch) {
		next = "/smart/patient-select"
	}
	http.Redirect(w, r, s.Issuer(sess.Site)+next, http.StatusSeeOther)
	return nil
}

// normalizeRole accepts goemr's role names and OpenEMR's login-form values.
func normalizeRole(v string) string {
	switch strings.ToLower(v) {
	case "patient", "portal-api", "portal":
		return emr.RolePatient
	}
	return emr.RoleUsers
}

// signedIn loads a session that has passed the sign-in step.
func (s *Server) signedIn(r *http.Request) (*emr.LoginSession, *authRequest, error) {
	sess, req, err := s.session(r)
	if err != nil {
		return nil, nil, err
	}
	if sess.Subject == "" {
		return nil, nil, &pageError{400, "Sign in first."}
	}
	return sess, req, nil
}
