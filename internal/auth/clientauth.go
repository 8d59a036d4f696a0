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
	id, secret, basic := r.BasicAuth()
	if basic {
		var err1, err2 error
		id, err1 = url.QueryUnescape(id) // §2.3.1: form-encoded before Basic
		secret, err2 = url.QueryUnescape(secret)
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
	c, err := s.st.Clients.ClientByID(ctx, id)
	if emr.IsNotFound(err) {
		return nil, invalidClient("unknown client")
	} else if err != nil {
		return nil, err
	}
	if !c.Enabled {
		return nil, invalidClient("the client is disabled or not yet approved")
	}
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
