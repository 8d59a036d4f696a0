package auth

import (
	"context"
	"net/http"
	"net/url"

	"goemr/internal/emr"
)

// Client authentication methods (RFC 7591 §2, OIDC Core §9).
const (
	AuthSecretBasic   = "client_secret_basic"
	AuthSecretPost    = "client_secret_post"
	AuthPrivateKeyJWT = "private_key_jwt"
	AuthNone          = "none"
)

// authenticatedClient is the outcome of client authentication.
type authenticatedClient struct {
	*emr.Client
	Method string
}

// authenticateClient identifies and authenticates the client of a token,
// introspection or revocation request (RFC 6749 §2.3, RFC 7523 §2.2).
// Confidential clients must prove themselves; a public client only names
// itself. A disabled or unknown client is invalid_client, always.
func (s *Server) authenticateClient(ctx context.Context, r *http.Request, form url.Values, audiences ...string) (*authenticatedClient, error) {
	c, _, err := s.authenticateClientWith(ctx, r, form, nil, audiences...)
	return c, err
}

// authenticateClientWith is authenticateClient that also looks up the
// revocation ids in also (a token's jti and grant), in the same database
// lookup that checks the client is not disabled, and returns which are
// revoked.
func (s *Server) authenticateClientWith(ctx context.Context, r *http.Request, form url.Values, also []string, audiences ...string) (*authenticatedClient, map[string]bool, error) {
	c, err := s.identifyClient(ctx, r, form)
	if err != nil {
		return nil, nil, err
	}
	changed := emr.ClientChangedID(c.ID, c.Updated)
	revoked, err := s.st.Tokens.RevokedIDs(ctx, append([]string{emr.ClientDisabledID(c.ID), changed}, also...)...)
	if err != nil {
		return nil, nil, err
	}
	if revoked[changed] { // an administrator edited the row since it was cached
		s.ForgetClient(c.ID)
		if c, err = s.clients.get(ctx, c.ID); emr.IsNotFound(err) {
			return nil, nil, invalidClient("unknown client")
		} else if err != nil {
			return nil, nil, err
		}
	}
	if revoked[emr.ClientDisabledID(c.ID)] {
		return nil, nil, invalidClient("the client is disabled or not yet approved")
	}
	ac, err := s.proveClient(ctx, r, form, c, audiences...)
	return ac, revoked, err
}

// identifyClient finds the client a request names (Basic user, client_id,
// or an assertion's issuer), from the client cache.
func (s *Server) identifyClient(ctx context.Context, r *http.Request, form url.Values) (*emr.Client, error) {
	id, secret, basic := r.BasicAuth()
	if basic {
		var err1, err2 error
		id, err1 = url.QueryUnescape(id) // §2.3.1: form-encoded before Basic
		_, err2 = url.QueryUnescape(secret)
		if err1 != nil || err2 != nil {
			return nil, invalidClient("malformed Basic credentials")
		}
		if form.Get("client_secret") != "" || form.Get("client_assertion") != "" {
			return nil, invalidRequest("use only one client authentication method")
		}
	}
	assertion := form.Get("client_assertion")
	if assertion != "" {
		if form.Get("client_assertion_type") != AssertionType {
			return nil, invalidClient("client_assertion_type must be " + AssertionType)
		}
		if form.Get("client_secret") != "" {
			return nil, invalidRequest("use only one client authentication method")
		}
		if id == "" {
			id = assertionIssuer(assertion)
		}
	} else if form.Get("client_assertion_type") != "" {
		return nil, invalidClient("client_assertion is missing")
	}
	if formID := form.Get("client_id"); formID != "" {
		if id != "" && id != formID {
			return nil, invalidClient("client_id does not match the client credentials")
		}
		id = formID
	}
	if id == "" {
		return nil, invalidClient("client authentication is required")
	}
	c, err := s.clients.get(ctx, id)
	if emr.IsNotFound(err) {
		return nil, invalidClient("unknown client")
	} else if err != nil {
		return nil, err
	}
	return c, nil
}

// proveClient checks the credentials the request presents for c.
func (s *Server) proveClient(ctx context.Context, r *http.Request, form url.Values, c *emr.Client, audiences ...string) (*authenticatedClient, error) {
	_, secret, basic := r.BasicAuth()
	if basic {
		secret, _ = url.QueryUnescape(secret) // checked in identifyClient
	}
	assertion := form.Get("client_assertion")
	switch {
	case assertion != "":
		if err := s.verifyAssertion(ctx, c, assertion, audiences...); err != nil {
			return nil, err
		}
		return &authenticatedClient{c, AuthPrivateKeyJWT}, nil
	case basic || form.Get("client_secret") != "":
		if !basic {
			secret = form.Get("client_secret")
		}
		if !c.Confidential || c.SecretHash == "" || !s.secrets.ok(c.ID, c.SecretHash, secret) {
			return nil, invalidClient("client authentication failed")
		}
		method := AuthSecretPost
		if basic {
			method = AuthSecretBasic
		}
		return &authenticatedClient{c, method}, nil
	case c.Confidential:
		return nil, invalidClient("a confidential client must authenticate")
	default:
		return &authenticatedClient{c, AuthNone}, nil
	}
}

// assertionIssuer reads iss from an unverified assertion only to find which
// client's keys to verify it with; verification follows.
func assertionIssuer(assertion string) string {
	var cl assertionClaims
	if err := unverifiedClaims(assertion, &cl); err != nil {
		return ""
	}
	return cl.Issuer
}
