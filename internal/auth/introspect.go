package auth

import (
	"context"
	"net/http"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// handleIntrospect is token introspection (RFC 7662). The caller must be an
// authenticated confidential client (a resource server); it may ask about
// any token of its site. Anything not active, or unknown, is just
// {"active":false} (§2.2).
func (s *Server) handleIntrospect(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	form, err := postForm(r)
	if err != nil {
		return err
	}
	token := form.Get("token")
	refresh := form.Get("token_type_hint") == "refresh_token" || !strings.Contains(token, ".")
	// An access token's signature is checked (or found in the cache) first;
	// its revocation rows are then read in the same lookup that checks the
	// calling client is not disabled: one round trip for both.
	var p *Principal
	var also []string
	if token != "" && !refresh {
		if p, err = s.verifiedToken(r.Context(), token); err == nil {
			also = p.revocationIDs()
		} else {
			p = nil
		}
	}
	c, revoked, err := s.authenticateClientWith(r.Context(), r, form, also, s.tokenURL(site), s.Issuer(site), s.Issuer(site)+"/introspect")
	if err != nil {
		return err
	}
	if c.Method == AuthNone {
		return invalidClient("introspection needs client authentication")
	}
	var resp map[string]any
	switch {
	case p != nil:
		resp = s.describeAccess(p, site, revoked)
	case token != "" && refresh:
		if resp, err = s.introspectRefresh(r.Context(), token); err != nil {
			return err
		}
	}
	if resp == nil {
		resp = map[string]any{"active": false}
	}
	web.NoStore(w)
	web.WriteJSON(w, http.StatusOK, "application/json", resp)
	return nil
}

// describeAccess is the RFC 7662 answer for a verified access token, or nil
// when it is not active (expired, revoked, or of another site).
func (s *Server) describeAccess(p *Principal, site string, revoked map[string]bool) map[string]any {
	if p.Site != site || !s.now().Before(p.Expires) || p.revokedIn(revoked) {
		return nil
	}
	c := p.claims
	resp := map[string]any{
		"active": true, "scope": c.Scope, "client_id": c.ClientID, "sub": c.Subject, "exp": c.Expiry,
		"iat": c.IssuedAt, "nbf": c.NotBefore, "iss": c.Issuer, "aud": c.Audience, "jti": c.JTI, "token_type": "Bearer",
	}
	if c.Patient != "" {
		resp["patient"] = c.Patient
	}
	if c.FHIRUser != "" {
		resp["fhirUser"] = c.FHIRUser
	}
	return resp
}

func (s *Server) introspectRefresh(ctx context.Context, token string) (map[string]any, error) {
	rt, err := s.st.Tokens.RefreshTokenByHash(ctx, tokenHash(token))
	if emr.IsNotFound(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if rt.Revoked || !s.now().Before(rt.Expires) {
		return nil, nil
	}
	g, err := s.st.Tokens.GrantByID(ctx, rt.GrantID)
	if err != nil || g.Revoked {
		return nil, err
	}
	resp := map[string]any{
		"active": true, "scope": rt.Scope, "client_id": rt.ClientID, "sub": g.Subject,
		"exp": rt.Expires.Unix(), "iat": rt.Created.Unix(), "iss": s.Issuer(g.Site), "token_type": "refresh_token",
	}
	if g.PatientUUID != "" {
		resp["patient"] = g.PatientUUID
	}
	return resp, nil
}

// handleRevoke is token revocation (RFC 7009). Revoking a refresh token
// revokes its whole grant, access tokens included (§2.1). Unknown or
// already-invalid tokens are answered 200 as §2.2 asks.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	form, err := postForm(r)
	if err != nil {
		return err
	}
	c, err := s.authenticateClient(r.Context(), r, form, s.tokenURL(site), s.Issuer(site), s.Issuer(site)+"/revoke")
	if err != nil {
		return err
	}
	token := form.Get("token")
	if token == "" {
		return invalidRequest("token is required")
	}
	if strings.Contains(token, ".") && form.Get("token_type_hint") != "refresh_token" {
		if ac, err := s.parseAccessToken(r.Context(), token); err == nil && ac.Issuer == s.Issuer(site) {
			if ac.ClientID != c.ID {
				return oerr(400, "unauthorized_client", "the token was issued to another client")
			}
			if err := s.st.Tokens.RevokeToken(r.Context(), ac.JTI, time.Unix(ac.Expiry, 0)); err != nil {
				return err
			}
			s.audit(r, "token.revoke", "success", &emr.AuditEvent{ClientID: c.ID, Subject: ac.Subject, Detail: "access token"})
		}
	} else if rt, err := s.st.Tokens.RefreshTokenByHash(r.Context(), tokenHash(token)); err == nil {
		if rt.ClientID != c.ID {
			return oerr(400, "unauthorized_client", "the token was issued to another client")
		}
		if err := s.st.Tokens.RevokeGrant(r.Context(), rt.GrantID, s.now()); err != nil {
			return err
		}
		s.audit(r, "token.revoke", "success", &emr.AuditEvent{ClientID: c.ID, Detail: "refresh token and its grant"})
	} else if !emr.IsNotFound(err) {
		return err
	}
	web.NoStore(w)
	w.WriteHeader(http.StatusOK)
	return nil
}
