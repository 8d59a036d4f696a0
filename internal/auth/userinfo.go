package auth

import (
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// handleUserinfo is the OpenID Connect UserInfo endpoint (OIDC Core §5.3):
// a token with the openid scope reads the claims of its subject.
func (s *Server) handleUserinfo(w http.ResponseWriter, r *http.Request) error {
	p, _ := PrincipalFrom(r.Context())
	g := &emr.Grant{Site: p.Site, Role: p.Role, Subject: p.Subject}
	claims := map[string]any{"sub": p.Subject}
	if p.FHIRUser != "" {
		claims["fhirUser"] = p.FHIRUser
	}
	if p.Scopes.Has("profile") || p.Scopes.Has("email") {
		given, family, email, err := s.subjectProfile(r.Context(), g)
		if err != nil {
			return err
		}
		if p.Scopes.Has("profile") {
			claims["given_name"], claims["family_name"] = given, family
			claims["name"] = strings.TrimSpace(given + " " + family)
		}
		if p.Scopes.Has("email") && email != "" {
			claims["email"] = email
		}
	}
	web.NoStore(w)
	web.WriteJSON(w, http.StatusOK, "application/json", claims)
	return nil
}

// requireOpenID is the userinfo route's rule: an openid token of a person.
func requireOpenID(p *Principal, r *http.Request) error {
	if !p.Scopes.Has("openid") || p.Role == emr.RoleSystem {
		return emr.Errorf(emr.EFORBIDDEN, "userinfo needs a token with the openid scope")
	}
	return nil
}

// writeBearerError writes a protected auth endpoint's error (RFC 6750 §3).
func writeBearerError(w http.ResponseWriter, r *http.Request, err error) {
	if emr.ErrorCode(err) == emr.EUNAUTHORIZED && emr.ErrorMessage(err) == "" {
		err = emr.Errorf(emr.EUNAUTHORIZED, "a bearer token is required")
	}
	writeOAuthError(w, r, err)
}
