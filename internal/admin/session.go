package admin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"time"

	"goemr/internal/emr"
)

// Staff sessions (OWASP Session Management Cheat Sheet): the cookie holds
// only a random id; the row, keyed by its SHA-256, is in the shared
// oauth_sessions table marked as a staff session. A session ends after
// idleLife without a request or absoluteLife after sign-in, whichever
// comes first.
const (
	sessionCookie = "goemr_staff"
	staffMarker   = "staff" // the Request column of a staff session row
	idleLife      = 30 * time.Minute
	absoluteLife  = 12 * time.Hour
	// slideEvery bounds the writes that keep an active session alive: the
	// idle expiry moves at most once a minute.
	slideEvery = time.Minute
)

// staff is the signed-in user of a request.
type staff struct {
	User    *emr.User
	Session *emr.LoginSession
}

// IsAdmin: Administration pages need OpenEMR's admin/super.
func (m *staff) IsAdmin() bool { return m.User.ACL.Allows("admin", "super", false) }

// CanSeePatients: the chart needs patients/demo (view).
func (m *staff) CanSeePatients() bool { return m.User.ACL.Allows("patients", "demo", false) }

type staffKey struct{}

// staffOf is the signed-in user a requireStaff handler runs for (nil on
// public pages).
func staffOf(r *http.Request) *staff {
	m, _ := r.Context().Value(staffKey{}).(*staff)
	return m
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(v string) string {
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])
}

func equalTokens(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func (s *Server) cookie(site, name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: name, Value: value, Path: path(site, ""), MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode,
	}
}

// startSession creates a fresh session for a user who just signed in: a new
// id every time (rotation at login), the old session, if any, ended.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *emr.User) error {
	s.endSession(w, r)
	site := r.PathValue("site")
	id, now := randomToken(), s.now()
	sess := &emr.LoginSession{
		ID: hashToken(id), Site: site, CSRF: randomToken(), Request: staffMarker,
		Role: emr.RoleUsers, Subject: u.UUID, AuthTime: now, Created: now, Expires: now.Add(idleLife),
	}
	if err := s.st.Sessions.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	http.SetCookie(w, s.cookie(site, sessionCookie, id, 0))
	return nil
}

// loadSession returns the live session of the request and its user, or nil.
func (s *Server) loadSession(ctx context.Context, r *http.Request) (*staff, error) {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, nil
	}
	sess, err := s.st.Sessions.SessionByID(ctx, hashToken(ck.Value))
	if emr.IsNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	now := s.now()
	if sess.Request != staffMarker || sess.Site != r.PathValue("site") ||
		!now.Before(sess.Expires) || !now.Before(sess.Created.Add(absoluteLife)) {
		return nil, nil
	}
	u, err := s.st.Users.UserByUUID(ctx, sess.Subject)
	if emr.IsNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if !u.Active { // a disabled user is signed out at once
		return nil, nil
	}
	if next := now.Add(idleLife); next.Sub(sess.Expires) >= slideEvery {
		sess.Expires = minTime(next, sess.Created.Add(absoluteLife))
		if err := s.st.Sessions.UpdateSession(ctx, sess); err != nil && !emr.IsNotFound(err) {
			return nil, err
		}
	}
	return &staff{User: u, Session: sess}, nil
}

// endSession deletes the request's session row and its cookie.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return
	}
	if err := s.st.Sessions.DeleteSession(r.Context(), hashToken(ck.Value)); err != nil {
		s.log.Error("delete staff session", "err", err)
	}
	http.SetCookie(w, s.cookie(r.PathValue("site"), sessionCookie, "", -1))
}

// staffHandler is a page handler that runs for a signed-in user.
type staffHandler func(w http.ResponseWriter, r *http.Request, me *staff) error

// requireStaff runs h for a signed-in user who passes allowed; anyone else
// is sent to the sign-in page (and back here afterwards), or gets 403. A
// POST must carry the session's CSRF token (synchronizer token pattern;
// SameSite=Strict is a second layer).
func (s *Server) requireStaff(allowed func(*staff) bool, h staffHandler) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		me, err := s.loadSession(r.Context(), r)
		if err != nil {
			return err
		}
		if me == nil {
			target := path(r.PathValue("site"), "signin")
			if r.Method == http.MethodGet {
				target += "?" + url.Values{"next": {r.URL.RequestURI()}}.Encode()
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return nil
		}
		r = r.WithContext(context.WithValue(r.Context(), staffKey{}, me))
		if allowed != nil && !allowed(me) {
			return &pageError{http.StatusForbidden, "Your account does not have permission to open this page."}
		}
		if r.Method == http.MethodPost && !equalTokens(r.PostFormValue("csrf"), me.Session.CSRF) {
			return &pageError{http.StatusForbidden, "The form expired or did not come from this server. Go back, reload the page and try again."}
		}
		return h(w, r, me)
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
