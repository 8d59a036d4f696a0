package auth

import (
	"net/http"
	"net/url"
	"slices"

	"goemr/internal/emr"
)

// handleLogout is RP-initiated logout (OpenID Connect RP-Initiated Logout
// 1.0 §2). The id_token_hint must carry this server's valid signature (it may
// have expired); its grant and every token of it are revoked; the browser is
// sent on only to a post_logout_redirect_uri the client registered.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	q := r.URL.Query()
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			return &pageError{400, "The logout request cannot be read."}
		}
		q = r.PostForm
	}
	hint := q.Get("id_token_hint")
	if hint == "" {
		return &pageError{400, "id_token_hint is required to sign out of an app."}
	}
	var id idClaims
	typ, err := s.verifyJWT(r.Context(), hint, &id)
	if err != nil || typ == typAccess || id.Issuer != s.Issuer(site) || id.SessionID == "" {
		return &pageError{400, "The id_token_hint is not an ID token issued by this server."}
	}
	c, err := s.st.Clients.ClientByID(r.Context(), id.Audience)
	if err != nil && !emr.IsNotFound(err) {
		return err
	}
	redirect := q.Get("post_logout_redirect_uri")
	if redirect != "" && (c == nil || !slices.Contains(c.PostLogoutRedirectURIs, redirect)) {
		return &pageError{400, "The post_logout_redirect_uri is not registered for this app."}
	}
	if err := s.st.Tokens.RevokeGrant(r.Context(), id.SessionID, s.now()); err != nil && !emr.IsNotFound(err) {
		return err
	}
	if sess, _, err := s.session(r); err == nil {
		s.endSession(w, r, sess)
	}
	s.audit(r, "logout", "success", &emr.AuditEvent{Subject: id.Subject, ClientID: id.Audience})
	if redirect != "" {
		v := url.Values{}
		if st := q.Get("state"); st != "" {
			v.Set("state", st)
		}
		if len(v) > 0 {
			redirect = appendQuery(redirect, v)
		}
		http.Redirect(w, r, redirect, http.StatusSeeOther)
		return nil
	}
	renderPage(w, http.StatusOK, "error.html", map[string]any{"Title": "Signed out", "Message": "You have been signed out of the app."})
	return nil
}
