package auth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"regexp"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// grantAuthorizationCode redeems an authorization code (RFC 6749 §4.1.3,
// RFC 7636 §4.6). A code works once: a second use revokes every token of its
// grant, as §4.1.2 advises.
func (s *Server) grantAuthorizationCode(ctx context.Context, site string, c *authenticatedClient, form url.Values, r *http.Request) (*tokenResponse, error) {
	code := form.Get("code")
	if code == "" {
		return nil, invalidRequest("code is required")
	}
	ac, err := s.st.Tokens.ConsumeAuthCode(ctx, tokenHash(code))
	switch emr.ErrorCode(err) {
	case "":
	case emr.ENOTFOUND:
		return nil, invalidGrant("the authorization code is invalid")
	case emr.ECONFLICT:
		if ac != nil && ac.ClientID == c.ID {
			if rerr := s.st.Tokens.RevokeGrant(ctx, ac.GrantID, s.now()); rerr != nil {
				return nil, rerr
			}
			s.audit(r, "token.revoke", "success", &emr.AuditEvent{ClientID: c.ID, Detail: "authorization code reused: grant revoked"})
		}
		return nil, invalidGrant("the authorization code was already used")
	default:
		return nil, err
	}
	if ac.ClientID != c.ID {
		return nil, invalidGrant("the authorization code was issued to another client")
	}
	if !s.now().Before(ac.Expires) {
		return nil, invalidGrant("the authorization code has expired")
	}
	if form.Get("redirect_uri") != ac.RedirectURI {
		return nil, invalidGrant("redirect_uri does not match the authorization request")
	}
	if err := checkVerifier(ac, form.Get("code_verifier")); err != nil {
		return nil, err
	}
	g, err := s.st.Tokens.GrantByID(ctx, ac.GrantID)
	if err != nil {
		return nil, err
	}
	if g.Revoked {
		return nil, invalidGrant("the authorization was revoked")
	}
	scopes, _ := scope.ParseList(g.Scope)
	return s.issue(ctx, c.Client, g, issueOptions{refresh: scope.Set(scopes).Has("offline_access")})
}

// verifierPattern is RFC 7636 §4.1: 43–128 unreserved characters.
var verifierPattern = regexp.MustCompile(`^[A-Za-z0-9\-._~]{43,128}$`)

// checkVerifier checks the PKCE code_verifier against the stored S256
// challenge (RFC 7636 §4.6). A verifier sent for a code that had no
// challenge is refused too: that is how a PKCE downgrade looks.
func checkVerifier(ac *emr.AuthCode, verifier string) error {
	if ac.Challenge == "" {
		if verifier != "" {
			return invalidGrant("code_verifier sent, but the authorization request had no code_challenge")
		}
		return nil
	}
	if verifier == "" {
		return invalidGrant("code_verifier is required")
	}
	if !verifierPattern.MatchString(verifier) {
		return invalidGrant("code_verifier must be 43 to 128 unreserved characters")
	}
	sum := sha256.Sum256([]byte(verifier))
	if !equalStrings(base64.RawURLEncoding.EncodeToString(sum[:]), ac.Challenge) {
		return invalidGrant("code_verifier does not match the code_challenge")
	}
	return nil
}
