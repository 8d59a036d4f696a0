package auth

import (
	"context"
	"net/http"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// Principal is who a request acts for, handed to every protected handler.
type Principal struct {
	Site        string
	Role        string // emr.RoleUsers, emr.RolePatient or emr.RoleSystem
	Subject     string // user UUID, patient UUID or (system) client id
	ClientID    string
	Scopes      scope.Set
	PatientUUID string // launch context, or the patient a portal login is
	FHIRUser    string
	GrantID     string
	JTI         string
	Expires     time.Time

	claims *accessClaims // as signed, for introspection
}

type principalKey struct{}

// PrincipalFrom returns the principal the authorizer attached to ctx.
func PrincipalFrom(ctx context.Context) (*Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(*Principal)
	return p, ok
}

// WithPrincipal attaches p to ctx (for the authorizer and for tests).
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// Authenticate verifies the bearer token of r for site (RFC 6750 §2.1).
// A verified token is cached until it expires, so the signature is checked
// once; revocation is looked up on every call, so a revoked token fails on
// its next use on any process sharing the database.
func (s *Server) Authenticate(ctx context.Context, r *http.Request, site string) (*Principal, error) {
	token, err := bearerToken(r)
	if err != nil {
		return nil, err
	}
	now := s.now()
	p, err := s.verifiedToken(ctx, token)
	if err != nil {
		return nil, err
	}
	if !now.Before(p.Expires) {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token expired")
	}
	if p.Site != site {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token was issued for another site")
	}
	revoked, err := s.st.Tokens.Revoked(ctx, p.revocationIDs()...)
	if err != nil {
		return nil, err
	}
	if revoked {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token revoked")
	}
	if p.Role == emr.RoleSystem && !s.SystemScopesEnabled(ctx) {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "system scopes are switched off on this server")
	}
	return p, nil
}

// verifiedToken returns the principal of a validly signed access token of
// this server, from the cache when it was verified before. Expiry, site and
// revocation are the caller's to check.
func (s *Server) verifiedToken(ctx context.Context, token string) (*Principal, error) {
	if p := s.cache.get(token); p != nil {
		return p, nil
	}
	c, err := s.parseAccessToken(ctx, token)
	if err != nil {
		return nil, err
	}
	scopes, err := scope.ParseList(c.Scope)
	if err != nil {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token carries malformed scopes")
	}
	p := &Principal{
		Site: siteOfIssuer(c.Issuer), Role: c.Role, Subject: c.Subject, ClientID: c.ClientID,
		Scopes: scope.Set(scopes), PatientUUID: c.Patient, FHIRUser: c.FHIRUser,
		GrantID: c.GrantID, JTI: c.JTI, Expires: time.Unix(c.Expiry, 0), claims: c,
	}
	if c.Issuer != s.Issuer(p.Site) {
		return nil, emr.Errorf(emr.EUNAUTHORIZED, "token from another issuer")
	}
	s.cache.put(token, p, s.now())
	return p, nil
}

// revocationIDs are the revocation rows that end this principal's token:
// its own jti and, when it has one, its grant.
func (p *Principal) revocationIDs() []string {
	if p.GrantID != "" {
		return []string{p.JTI, p.GrantID}
	}
	return []string{p.JTI}
}

// revokedIn reports whether the token is among revoked ids.
func (p *Principal) revokedIn(revoked map[string]bool) bool {
	for _, id := range p.revocationIDs() {
		if revoked[id] {
			return true
		}
	}
	return false
}

func siteOfIssuer(iss string) string {
	i := strings.LastIndex(iss, "/oauth2/")
	if i < 0 {
		return ""
	}
	return iss[i+len("/oauth2/"):]
}

func bearerToken(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "")
	}
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", emr.Errorf(emr.EUNAUTHORIZED, "the Authorization header must be: Bearer <token>")
	}
	return strings.TrimSpace(token), nil
}

// Require returns middleware that authenticates every request against the
// {site} path value and hands the handler a Principal; failures are written
// with onError in the protocol's own shape. allow, when non-nil, decides
// whether the principal may use this route (role and scope); refusing gives
// an EFORBIDDEN error.
func (s *Server) Require(onError func(http.ResponseWriter, *http.Request, error), allow func(*Principal, *http.Request) error) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			site := r.PathValue("site")
			if err := s.Site(r.Context(), site); err != nil {
				onError(w, r, err)
				return
			}
			p, err := s.Authenticate(r.Context(), r, site)
			if err == nil && allow != nil {
				err = allow(p, r)
			}
			if err != nil {
				SetChallenge(w, err)
				onError(w, r, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
		})
	}
}

// SetChallenge sets WWW-Authenticate for a 401 or 403 as RFC 6750 §3 asks.
// A request that had no credentials gets a bare challenge (§3.1).
func SetChallenge(w http.ResponseWriter, err error) {
	switch emr.ErrorCode(err) {
	case emr.EUNAUTHORIZED:
		msg := emr.ErrorMessage(err)
		if msg == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="goemr"`)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="goemr", error="invalid_token", error_description="`+quoteSafe(msg)+`"`)
	case emr.EFORBIDDEN:
		w.Header().Set("WWW-Authenticate", `Bearer realm="goemr", error="insufficient_scope", error_description="`+quoteSafe(emr.ErrorMessage(err))+`"`)
	}
}

func quoteSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '"' || r == '\\' || r < 0x20 || r > 0x7e {
			return '\''
		}
		return r
	}, s)
}
