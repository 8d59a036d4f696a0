package auth

import (
	"context"
	"net/http"
	"net/url"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// grantRefreshToken exchanges a refresh token (RFC 6749 §6). Refresh tokens
// rotate: each use returns a new one and retires the old. Presenting a
// retired one again means it leaked, so the whole grant is revoked (OAuth 2.0
// Security BCP, RFC 9700 §4.14.2).
func (s *Server) grantRefreshToken(ctx context.Context, site string, c *authenticatedClient, form url.Values, r *http.Request) (*tokenResponse, error) {
	raw := form.Get("refresh_token")
	if raw == "" {
		return nil, invalidRequest("refresh_token is required")
	}
	hash := tokenHash(raw)
	rt, err := s.st.Tokens.RefreshTokenByHash(ctx, hash)
	if emr.IsNotFound(err) {
		return nil, invalidGrant("the refresh token is invalid")
	} else if err != nil {
		return nil, err
	}
	if rt.ClientID != c.ID {
		return nil, invalidGrant("the refresh token was issued to another client")
	}
	if rt.Revoked {
		if err := s.st.Tokens.RevokeGrant(ctx, rt.GrantID, s.now()); err != nil {
			return nil, err
		}
		s.audit(r, "token.revoke", "success", &emr.AuditEvent{ClientID: c.ID, Detail: "refresh token reused: grant revoked"})
		return nil, invalidGrant("the refresh token was already used or revoked")
	}
	if !s.now().Before(rt.Expires) {
		return nil, invalidGrant("the refresh token has expired")
	}
	g, err := s.st.Tokens.GrantByID(ctx, rt.GrantID)
	if err != nil {
		return nil, err
	}
	if g.Revoked {
		return nil, invalidGrant("the authorization was revoked")
	}
	// §6: a narrower scope may be asked for, never a wider one.
	if req := form.Get("scope"); req != "" {
		asked, err := scope.ParseList(req)
		if err != nil {
			return nil, invalidScope(err.Error())
		}
		orig, _ := scope.ParseList(rt.Scope)
		for _, a := range asked {
			if !scope.Set(orig).Contains(a) {
				return nil, invalidScope("scope " + a.Raw + " was not granted originally")
			}
		}
		narrowed := *g
		narrowed.Scope = scope.Set(asked).String()
		g = &narrowed
	}
	resp, err := s.issue(ctx, c.Client, g, issueOptions{refresh: true, rotateFrom: hash})
	if err != nil {
		return nil, err
	}
	s.audit(r, "token.refresh", "success", &emr.AuditEvent{ClientID: c.ID, Subject: g.Subject})
	return resp, nil
}
