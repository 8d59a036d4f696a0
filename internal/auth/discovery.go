package auth

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// Grant and response types that really work; discovery lists only these.
var (
	grantTypes        = []string{"authorization_code", "refresh_token", "client_credentials"}
	tokenAuthMethods  = []string{AuthSecretBasic, AuthSecretPost, AuthPrivateKeyJWT, AuthNone}
	assertionAlgNames = []string{"RS384", "ES384"}
	smartCapabilities = []string{
		"launch-ehr", "launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
		"sso-openid-connect", "context-ehr-patient", "context-ehr-encounter", "context-standalone-patient", "context-banner", "context-style",
		"permission-offline", "permission-patient", "permission-user", "permission-v1", "permission-v2",
		"authorize-post",
	}
)

// grantTypesFor adds the password grant when the setting turns it on.
func (s *Server) grantTypesFor(r *http.Request) []string {
	gts := append([]string(nil), grantTypes...)
	if m := s.setting(r.Context(), emr.SettingPasswordGrant); m == "1" || m == "2" || m == "3" {
		gts = append(gts, "password")
	}
	return gts
}

// serverMetadata is what OIDC discovery and SMART configuration share: the
// endpoints and what they support, all of it real.
func (s *Server) serverMetadata(r *http.Request, iss string) map[string]any {
	return map[string]any{
		"issuer":                                           iss,
		"authorization_endpoint":                           iss + "/authorize",
		"token_endpoint":                                   iss + "/token",
		"jwks_uri":                                         iss + "/jwk",
		"userinfo_endpoint":                                iss + "/userinfo",
		"registration_endpoint":                            iss + "/registration",
		"introspection_endpoint":                           iss + "/introspect",
		"revocation_endpoint":                              iss + "/revoke",
		"scopes_supported":                                 s.catalog.Supported(),
		"response_types_supported":                         []string{"code"},
		"grant_types_supported":                            s.grantTypesFor(r),
		"code_challenge_methods_supported":                 []string{"S256"},
		"token_endpoint_auth_methods_supported":            tokenAuthMethods,
		"token_endpoint_auth_signing_alg_values_supported": assertionAlgNames,
	}
}

// handleOpenIDConfiguration serves OpenID Connect Discovery 1.0 §3.
func (s *Server) handleOpenIDConfiguration(w http.ResponseWriter, r *http.Request) error {
	m := s.serverMetadata(r, s.Issuer(r.PathValue("site")))
	m["end_session_endpoint"] = m["issuer"].(string) + "/logout"
	m["response_modes_supported"] = []string{"query"}
	m["subject_types_supported"] = []string{"public"}
	m["id_token_signing_alg_values_supported"] = []string{"RS256"}
	m["introspection_endpoint_auth_methods_supported"] = tokenAuthMethods[:3]
	m["revocation_endpoint_auth_methods_supported"] = tokenAuthMethods
	m["claims_supported"] = []string{"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid", "fhirUser", "name", "given_name", "family_name", "email"}
	m["claims_parameter_supported"] = false
	m["request_parameter_supported"] = false
	m["request_uri_parameter_supported"] = false
	m["ui_locales_supported"] = []string{"en-US"}
	w.Header().Set("Cache-Control", "public, max-age=300")
	web.WriteJSON(w, http.StatusOK, "application/json", m)
	return nil
}

// HandleSMARTConfiguration serves SMART App Launch 2.x
// `.well-known/smart-configuration` for the FHIR base of {site}. Its issuer
// is the OAuth issuer, so the id_token iss matches (SMART requires it with
// sso-openid-connect).
func (s *Server) HandleSMARTConfiguration(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	if err := s.Site(r.Context(), site); err != nil {
		return err
	}
	m := s.serverMetadata(r, s.Issuer(site))
	m["capabilities"] = smartCapabilities
	w.Header().Set("Cache-Control", "public, max-age=300")
	web.WriteJSON(w, http.StatusOK, "application/json", m)
	return nil
}

// handleJWKS publishes the public signing keys (RFC 7517). Clients may keep
// them a short while; rotation publishes the new key before it signs.
func (s *Server) handleJWKS(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "public, max-age=60")
	web.WriteJSON(w, http.StatusOK, "application/json", s.keys.JWKS())
	return nil
}

// handleSmartStyle serves the SMART style document a token's smart_style_url
// points to (SMART App Launch "Styling").
func (s *Server) handleSmartStyle(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	web.WriteJSON(w, http.StatusOK, "application/json", map[string]any{
		"color_background":     "#f5f7fa",
		"color_error":          "#b3261e",
		"color_highlight":      "#1f5fa8",
		"color_modal_backdrop": "rgba(0,0,0,0.4)",
		"color_success":        "#2e7d32",
		"color_text":           "#1b1f24",
		"dim_border_radius":    "6px",
		"dim_font_size":        "16px",
		"dim_spacing_size":     "16px",
		"font_family_body":     "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
		"font_family_heading":  "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
	})
	return nil
}
