package auth

import (
	"encoding/json"
	"net/http"
	"time"

	"goemr/internal/emr"
)

// sessionCookie names the login-session cookie. It holds only a random id;
// the session row (in the database, shared by all processes) holds the rest.
const (
	sessionCookie = "goemr_oauth"
	sessionLife   = 30 * time.Minute
)

// startSession stores a validated authorization request in a new login
// session and sends the browser to the login page.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, site string, req *authRequest) error {
	id := randomToken(32)
	now := s.now()
	sess := &emr.LoginSession{
		ID: tokenHash(id), Site: site, CSRF: randomToken(32), Request: req.encode(),
		PatientUUID: req.LaunchPatient, Created: now, Expires: now.Add(sessionLife),
	}
	if err := s.st.Sessions.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: id, Path: "/oauth2/" + site + "/",
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLife / time.Second),
	})
	http.Redirect(w, r, s.Issuer(site)+"/provider/login", http.StatusSeeOther)
	return nil
}

// session loads the browser's login session and its authorization request.
func (s *Server) session(r *http.Request) (*emr.LoginSession, *authRequest, error) {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, nil, &pageError{400, "No authorization is in progress in this browser. Start again from the app."}
	}
	sess, err := s.st.Sessions.SessionByID(r.Context(), tokenHash(ck.Value))
	if emr.IsNotFound(err) {
		return nil, nil, &pageError{400, "This sign-in has ended or expired. Start again from the app."}
	} else if err != nil {
		return nil, nil, err
	}
	if !s.now().Before(sess.Expires) || sess.Site != r.PathValue("site") {
		return nil, nil, &pageError{400, "This sign-in has expired. Start again from the app."}
	}
	var req authRequest
	if err := json.Unmarshal([]byte(sess.Request), &req); err != nil {
		return nil, nil, err
	}
	return sess, &req, nil
}

// checkCSRF compares the form's token with the session's (synchronizer token
// pattern; the SameSite=Lax cookie is a second layer).
func checkCSRF(r *http.Request, sess *emr.LoginSession) error {
	if !equalStrings(r.PostFormValue("csrf_token_form"), sess.CSRF) {
		return &pageError{403, "The form expired or did not come from this server. Go back, reload and try again."}
	}
	return nil
}

func (s *Server) endSession(w http.ResponseWriter, r *http.Request, sess *emr.LoginSession) {
	if err := s.st.Sessions.DeleteSession(r.Context(), sess.ID); err != nil && !emr.IsNotFound(err) {
		s.log.Error("delete login session", "err", err)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/oauth2/" + sess.Site + "/", MaxAge: -1, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode})
}

// codeLife is how long an authorization code lives; RFC 6749 §4.1.2
// recommends at most ten minutes, goemr uses one.
const codeLife = 60 * time.Second
