package openapi

import "strings"

// securitySchemeName is the scheme's name in OpenEMR's own document (§5).
const securitySchemeName = "openemr_auth"

// baseScopes are the scopes every client asks for besides route scopes.
var baseScopes = map[string]string{
	"openid":         "Sign in (OpenID Connect)",
	"offline_access": "A refresh token, to stay signed in",
	"api:oemr":       "Use the Standard API (staff users)",
	"api:port":       "Use the Patient Portal API (patients)",
}

// securityScheme is OAuth2 against this server's own authorization server
// for site default: the authorization-code flow, which the server runs with
// PKCE (S256) only.
func (b *builder) securityScheme() *securityScheme {
	scopes := map[string]string{}
	for s, d := range baseScopes {
		scopes[s] = d
	}
	for s, d := range b.scopes {
		scopes[s] = d
	}
	token := b.base + "/oauth2/default/token"
	return &securityScheme{
		Type: "oauth2",
		Description: "OAuth2 authorization code with PKCE (S256). Each operation lists the scopes it needs: " +
			"the API's gate scope (api:oemr for /api, api:port for /portal) and the scope derived from the route, " +
			"in SMART v2 form (user/patient.s); the v1 forms (user/patient.read, user/patient.write) are accepted too.",
		Flows: oauthFlows{AuthorizationCode: oauthFlow{
			AuthorizationURL: b.base + "/oauth2/default/authorize",
			TokenURL:         token,
			RefreshURL:       token,
			Scopes:           scopes,
		}},
	}
}

// scopeDescription says what a derived scope permits.
func scopeDescription(ctx, res, perm string) string {
	what := map[string]string{
		"r": "read one record", "s": "list and search", "c": "create", "u": "update", "d": "delete",
	}[perm]
	if strings.HasPrefix(perm, "$") {
		what = "run the " + perm + " operation"
	}
	api := "Standard API"
	if ctx == "patient" {
		api = "Patient Portal API, the patient's own records"
	}
	return res + ": " + what + " (" + api + ")"
}

// staffScopes are the scopes Swagger UI preselects: a staff sign-in with
// every Standard API scope. Patient scopes need a patient sign-in and are
// left for the user to pick; Swagger UI never uses a refresh token.
func (s *spec) staffScopes() []string {
	out := []string{"openid", "api:oemr"}
	scheme := s.Components.SecuritySchemes[securitySchemeName]
	for _, sc := range sortedKeys(scheme.Flows.AuthorizationCode.Scopes) {
		if strings.HasPrefix(sc, "user/") {
			out = append(out, sc)
		}
	}
	return out
}
