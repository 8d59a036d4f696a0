package auth

import (
	"context"
	"net/http"
	"net/url"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// grantClientCredentials is SMART Backend Services (client_credentials,
// RFC 6749 §4.4) for system/ scopes. The client must authenticate with a
// signed JWT assertion (RFC 7523); a shared secret is not enough for
// population-level access. Tokens are short-lived and never refreshable.
func (s *Server) grantClientCredentials(ctx context.Context, site string, c *authenticatedClient, form url.Values, r *http.Request) (*tokenResponse, error) {
	if !s.SystemScopesEnabled(ctx) {
		return nil, errSystemScopesOff
	}
	if c.Method != AuthPrivateKeyJWT {
		return nil, invalidClient("client_credentials requires private_key_jwt client authentication (SMART Backend Services)")
	}
	raw := form.Get("scope")
	if raw == "" {
		return nil, invalidScope("scope is required")
	}
	asked, err := scope.ParseList(raw)
	if err != nil {
		return nil, invalidScope(err.Error())
	}
	for _, a := range asked {
		if a.Context != "system" {
			return nil, invalidScope("client_credentials grants only system/ scopes; " + a.Raw + " is not one")
		}
	}
	granted, err := s.requestedScopes(c.Client, raw, true)
	if err != nil {
		return nil, err
	}
	// The credentials grant id changes whenever the client row does, so it
	// is read fresh, not from the client cache.
	fresh, err := s.st.Clients.ClientByID(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	g := &emr.Grant{
		Site: site, ClientID: c.ID, Role: emr.RoleSystem, Subject: c.ID,
		Scope: scope.Set(granted).String(), AuthTime: now, Created: now,
	}
	return s.issue(ctx, fresh, g, issueOptions{})
}
