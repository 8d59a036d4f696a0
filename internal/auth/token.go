package auth

import (
	"context"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// grantHandler handles one grant_type at the token endpoint (RFC 6749 §4).
// Each grant is its own handler; the endpoint only authenticates the client
// and dispatches, in the manner of ory/fosite's handler chain.
type grantHandler func(ctx context.Context, site string, c *authenticatedClient, form url.Values, r *http.Request) (*tokenResponse, error)

func (s *Server) grantHandlers() map[string]grantHandler {
	return map[string]grantHandler{
		"authorization_code": s.grantAuthorizationCode,
		"refresh_token":      s.grantRefreshToken,
		"password":           s.grantPassword,
		"client_credentials": s.grantClientCredentials,
	}
}

// handleToken is the token endpoint (RFC 6749 §3.2).
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	form, err := postForm(r)
	if err != nil {
		return err
	}
	gt := form.Get("grant_type")
	h, ok := s.grants[gt]
	if gt == "" {
		return invalidRequest("grant_type is required")
	}
	if !ok {
		return oerr(400, "unsupported_grant_type", "grant_type "+gt+" is not supported")
	}
	s.identifyRefreshClient(r, form)
	c, err := s.authenticateClient(r.Context(), r, form, s.tokenURL(site), s.Issuer(site))
	if err != nil {
		s.audit(r, "token.client_auth", "failure", &emr.AuditEvent{ClientID: form.Get("client_id"), Detail: gt + ": " + toOAuth(err).Description})
		return err
	}
	if c.Site != site {
		return invalidClient("the client is registered for another site")
	}
	resp, err := h(r.Context(), site, c, form, r)
	if err != nil {
		s.audit(r, "token.issue", "failure", &emr.AuditEvent{ClientID: c.ID, Detail: gt + ": " + toOAuth(err).Description})
		return err
	}
	s.audit(r, "token.issue", "success", &emr.AuditEvent{ClientID: c.ID, PatientUUID: resp.Patient, Detail: gt})
	s.noteClientUse(r.Context(), c.ID)
	web.NoStore(w)
	web.WriteJSON(w, http.StatusOK, "application/json", resp)
	return nil
}

// postForm reads an application/x-www-form-urlencoded POST body (RFC 6749
// §3.2 requires that encoding; parameters in the query string are ignored).
func postForm(r *http.Request) (url.Values, error) {
	if r.Method != http.MethodPost {
		return nil, invalidRequest("use POST")
	}
	ct := r.Header.Get("Content-Type")
	if !hasMediaType(ct, "application/x-www-form-urlencoded") {
		return nil, invalidRequest("Content-Type must be application/x-www-form-urlencoded")
	}
	if err := r.ParseForm(); err != nil {
		return nil, invalidRequest("the request body cannot be read: " + err.Error())
	}
	for k, v := range r.PostForm {
		if len(v) > 1 {
			return nil, invalidRequest("parameter " + k + " is repeated") // §3.2
		}
	}
	return r.PostForm, nil
}

// hasMediaType reports whether a Content-Type header names mediaType,
// ignoring parameters such as charset.
func hasMediaType(header, mediaType string) bool {
	mt, _, err := mime.ParseMediaType(header)
	return err == nil && strings.EqualFold(mt, mediaType)
}

// identifyRefreshClient lets a public client refresh without repeating its
// client_id (RFC 6749 §6 asks only confidential clients to authenticate;
// fhirclient sends just the refresh token): the token names its client. A
// confidential client found this way still fails authentication.
func (s *Server) identifyRefreshClient(r *http.Request, form url.Values) {
	if form.Get("grant_type") != "refresh_token" || form.Get("client_id") != "" || form.Get("client_assertion") != "" || r.Header.Get("Authorization") != "" {
		return
	}
	if rt, err := s.st.Tokens.RefreshTokenByHash(r.Context(), tokenHash(form.Get("refresh_token"))); err == nil {
		form.Set("client_id", rt.ClientID)
	}
}
