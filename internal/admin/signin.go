package admin

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// The sign-in form has no session yet, so its CSRF token is a double-submit
// cookie: a random value in an HttpOnly SameSite=Strict cookie that the form
// must echo (OWASP CSRF Prevention Cheat Sheet, "signed double-submit").
const signinCookie = "goemr_staff_signin"

type signinData struct {
	Username string
	Next     string
}

func (s *Server) handleSigninForm(w http.ResponseWriter, r *http.Request) error {
	if me, err := s.loadSession(r.Context(), r); err != nil {
		return err
	} else if me != nil {
		http.Redirect(w, r, s.safeNext(r, r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	s.showSignin(w, r, http.StatusOK, &signinData{Next: r.URL.Query().Get("next")}, "")
	return nil
}

func (s *Server) showSignin(w http.ResponseWriter, r *http.Request, status int, d *signinData, msg string) {
	token := randomToken()
	http.SetCookie(w, s.cookie(r.PathValue("site"), signinCookie, token, int(idleLife.Seconds())))
	s.render(w, r, status, "signin.html", &view{Title: "Sign in", CSRF: token, Error: msg, Data: d})
}

// handleSignin checks the password with the authorization server's staff
// sign-in (same accounts, hashing and failure throttling) and starts a new
// session.
func (s *Server) handleSignin(w http.ResponseWriter, r *http.Request) error {
	d := &signinData{Username: strings.TrimSpace(r.PostFormValue("username")), Next: r.PostFormValue("next")}
	ck, err := r.Cookie(signinCookie)
	if err != nil || !equalTokens(r.PostFormValue("csrf"), ck.Value) {
		s.showSignin(w, r, http.StatusForbidden, d, "The form expired. Please sign in again.")
		return nil
	}
	uuid, err := s.auth.SignInStaff(r.Context(), d.Username, r.PostFormValue("password"), web.ClientIP(r))
	switch emr.ErrorCode(err) {
	case "":
	case emr.EUNAUTHORIZED:
		s.audit(r, "admin.signin", "failure", &emr.AuditEvent{Subject: d.Username})
		s.showSignin(w, r, http.StatusUnauthorized, d, "The username or password is wrong.")
		return nil
	case emr.EUNAVAILABLE:
		s.audit(r, "admin.signin", "failure", &emr.AuditEvent{Subject: d.Username, Detail: "throttled"})
		s.showSignin(w, r, http.StatusTooManyRequests, d, "Too many failed attempts. Try again in 15 minutes.")
		return nil
	default:
		return err
	}
	u, err := s.st.Users.UserByUUID(r.Context(), uuid)
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	http.SetCookie(w, s.cookie(r.PathValue("site"), signinCookie, "", -1))
	s.audit(r, "admin.signin", "success", &emr.AuditEvent{Role: emr.RoleUsers, Subject: u.UUID})
	http.Redirect(w, r, s.safeNext(r, d.Next), http.StatusSeeOther)
	return nil
}

func (s *Server) handleSignout(w http.ResponseWriter, r *http.Request, me *staff) error {
	s.endSession(w, r)
	s.audit(r, "admin.signout", "success", &emr.AuditEvent{Role: emr.RoleUsers, Subject: me.User.UUID})
	http.Redirect(w, r, path(r.PathValue("site"), "signin"), http.StatusSeeOther)
	return nil
}

// safeNext keeps a post-sign-in target only when it is one of this site's
// pages, so the form cannot be used as an open redirect.
func (s *Server) safeNext(r *http.Request, next string) string {
	home := path(r.PathValue("site"), "")
	if strings.HasPrefix(next, home) && !strings.ContainsAny(next, "\\\r\n") && !strings.HasPrefix(next, "//") {
		return next
	}
	return home
}

// audit records a security event of the pages.
func (s *Server) audit(r *http.Request, event, outcome string, e *emr.AuditEvent) {
	e.Time, e.Event, e.Outcome = s.now(), event, outcome
	e.Site, e.IP = r.PathValue("site"), web.ClientIP(r)
	e.Method, e.Path = r.Method, r.URL.Path
	if err := s.st.Audit.RecordAudit(r.Context(), e); err != nil {
		s.log.Error("write audit", "event", event, "err", err)
	}
}
