package auth

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/config"
	"goemr/internal/emr"
	"goemr/internal/web"
)

// checkRedirectURI: absolute, https (or http on a loopback host, RFC 8252
// §7.3), no fragment (RFC 6749 §3.1.2). Custom schemes of native apps are
// accepted when they contain a dot (RFC 8252 §7.1, reverse domain names).
func checkRedirectURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return errors.New("redirect URI " + raw + " must be an absolute URI")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return errors.New("redirect URI " + raw + " must not contain a fragment")
	}
	switch u.Scheme {
	case "https":
		if u.Host == "" {
			return errors.New("redirect URI " + raw + " has no host")
		}
	case "http":
		if !config.IsLoopbackHost(u.Hostname()) {
			return errors.New("redirect URI " + raw + ": http is only allowed on loopback hosts; use https")
		}
	default:
		if !strings.Contains(u.Scheme, ".") {
			return errors.New("redirect URI " + raw + ": scheme must be https, http on loopback, or a reverse-domain private scheme")
		}
	}
	return nil
}

// checkWebURI is for other metadata URLs: https, or http on loopback.
func checkWebURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return errors.New(raw + " is not an absolute URL")
	}
	if u.Scheme == "https" || (u.Scheme == "http" && config.IsLoopbackHost(u.Hostname())) {
		return nil
	}
	return errors.New(raw + " must use https")
}

// parseClientJWKS accepts jwks as an object or as a JSON string holding one,
// keeps only public keys and returns it as JSON text.
func parseClientJWKS(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return "", nil
	}
	var text string
	if json.Unmarshal(raw, &text) == nil {
		raw = json.RawMessage(text)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(raw, &set); err != nil {
		return "", errors.New("jwks is not a JSON Web Key Set: " + err.Error())
	}
	if len(set.Keys) == 0 {
		return "", errors.New("jwks has no keys")
	}
	var pub jose.JSONWebKeySet
	for _, k := range set.Keys {
		if !k.Valid() {
			return "", errors.New("jwks holds an invalid key")
		}
		pub.Keys = append(pub.Keys, k.Public())
	}
	out, err := json.Marshal(pub)
	return string(out), err
}

// clientMetadata is the registration response (RFC 7591 §3.2.1) and the
// client read response (RFC 7592 §3), without secrets.
func (s *Server) clientMetadata(c *emr.Client) map[string]any {
	m := map[string]any{
		"client_id":                  c.ID,
		"client_id_issued_at":        c.Created.Unix(),
		"client_secret_expires_at":   0,
		"registration_client_uri":    s.Issuer(c.Site) + "/client/" + c.RegistrationURIPath,
		"application_type":           c.ApplicationType,
		"client_name":                c.Name,
		"client_role":                c.Role,
		"redirect_uris":              nonNil(c.RedirectURIs),
		"post_logout_redirect_uris":  nonNil(c.PostLogoutRedirectURIs),
		"token_endpoint_auth_method": c.TokenEndpointAuthMethod,
		"grant_types":                nonNil(c.GrantTypes),
		"response_types":             nonNil(c.ResponseTypes),
		"scope":                      c.Scope,
		"contacts":                   nonNil(c.Contacts),
		"enabled":                    c.Enabled,
	}
	for k, v := range map[string]string{"logo_uri": c.LogoURI, "policy_uri": c.PolicyURI, "tos_uri": c.TosURI, "initiate_login_uri": c.InitiateLoginURI, "jwks_uri": c.JWKSURI} {
		if v != "" {
			m[k] = v
		}
	}
	if c.JWKS != "" {
		m["jwks"] = json.RawMessage(c.JWKS)
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// handleClientRead is RFC 7592 §2.1: the registration access token reads its
// client's metadata. Secrets are stored hashed, so client_secret is not
// returned (OpenEMR decrypts and returns it).
func (s *Server) handleClientRead(w http.ResponseWriter, r *http.Request) error {
	token, err := bearerToken(r)
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="goemr"`)
		return oerr(401, "invalid_token", "the registration access token is required")
	}
	c, err := s.st.Clients.ClientByRegistrationPath(r.Context(), r.PathValue("path"))
	if err != nil && !emr.IsNotFound(err) {
		return err
	}
	// Unknown path and wrong token look the same (RFC 7592 §2: 401).
	if c == nil || c.Site != r.PathValue("site") || !equalStrings(c.RegistrationTokenHash, tokenHash(token)) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="goemr", error="invalid_token"`)
		return oerr(401, "invalid_token", "the registration access token is not valid for this client")
	}
	web.NoStore(w)
	web.WriteJSON(w, http.StatusOK, "application/json", s.clientMetadata(c))
	return nil
}
