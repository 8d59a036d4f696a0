package auth

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/web"
)

// registrationRequest is RFC 7591 §2 client metadata as OpenEMR accepts it.
// jwks may be an object or a JSON string (OpenEMR accepts both).
type registrationRequest struct {
	ApplicationType         string          `json:"application_type"`
	ClientName              string          `json:"client_name"`
	RedirectURIs            []string        `json:"redirect_uris"`
	PostLogoutRedirectURIs  []string        `json:"post_logout_redirect_uris"`
	TokenEndpointAuthMethod string          `json:"token_endpoint_auth_method"`
	GrantTypes              []string        `json:"grant_types"`
	ResponseTypes           []string        `json:"response_types"`
	Scope                   string          `json:"scope"`
	Contacts                []string        `json:"contacts"`
	LogoURI                 string          `json:"logo_uri"`
	PolicyURI               string          `json:"policy_uri"`
	TosURI                  string          `json:"tos_uri"`
	InitiateLoginURI        string          `json:"initiate_login_uri"`
	JWKSURI                 string          `json:"jwks_uri"`
	JWKS                    json.RawMessage `json:"jwks"`
}

// defaultRegistrationScope is OpenEMR's default when scope is left out.
const defaultRegistrationScope = "openid email phone address api:oemr api:fhir api:port"

func metadataError(desc string) *oauthError { return oerr(400, "invalid_client_metadata", desc) }

// handleRegister is dynamic client registration (RFC 7591 §3).
func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) error {
	site := r.PathValue("site")
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		return metadataError("Content-Type must be application/json")
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return metadataError("the request body cannot be read: " + err.Error())
	}
	var req registrationRequest
	dec := json.NewDecoder(strings.NewReader(string(body)))
	if err := dec.Decode(&req); err != nil {
		return metadataError("the body is not valid client metadata JSON: " + err.Error())
	}
	if dec.More() {
		return metadataError("the body must hold one JSON object")
	}
	reg, err := s.register(r, site, &req)
	if err != nil {
		return err
	}
	resp := s.clientMetadata(reg.Client)
	if reg.Secret != "" {
		resp["client_secret"] = reg.Secret
	}
	resp["registration_access_token"] = reg.RegToken
	web.NoStore(w)
	web.WriteJSON(w, http.StatusCreated, "application/json", resp)
	return nil
}

// newClient validates the metadata and builds the client row, returning the
// one-time plain secret and registration access token alongside.
func (s *Server) newClient(r *http.Request, site string, req *registrationRequest) (*emr.Client, string, string, error) {
	confidential := req.ApplicationType == "private"
	if len(req.RedirectURIs) == 0 {
		return nil, "", "", onField("redirect_uris", oerr(400, "invalid_redirect_uri", "redirect_uris is required"))
	}
	for _, u := range req.RedirectURIs {
		if err := checkRedirectURI(u); err != nil {
			return nil, "", "", onField("redirect_uris", oerr(400, "invalid_redirect_uri", err.Error()))
		}
	}
	for _, u := range req.PostLogoutRedirectURIs {
		if err := checkRedirectURI(u); err != nil {
			return nil, "", "", onField("post_logout_redirect_uris", metadataError("post_logout_redirect_uris: "+err.Error()))
		}
	}
	for name, u := range map[string]string{"logo_uri": req.LogoURI, "policy_uri": req.PolicyURI, "tos_uri": req.TosURI, "initiate_login_uri": req.InitiateLoginURI, "jwks_uri": req.JWKSURI} {
		if u != "" {
			if err := checkWebURI(u); err != nil {
				return nil, "", "", onField(name, metadataError(name+": "+err.Error()))
			}
		}
	}
	jwks, err := parseClientJWKS(req.JWKS)
	if err != nil {
		return nil, "", "", onField("jwks", metadataError(err.Error()))
	}
	if jwks != "" && req.JWKSURI != "" {
		return nil, "", "", onField("jwks", metadataError("send jwks or jwks_uri, not both (RFC 7591 §2)"))
	}
	method, err := authMethodFor(req.TokenEndpointAuthMethod, confidential, jwks != "" || req.JWKSURI != "")
	if err != nil {
		return nil, "", "", onField("token_endpoint_auth_method", err)
	}
	scopes, err := s.registrationScopes(req.Scope, confidential, jwks != "" || req.JWKSURI != "")
	if err != nil {
		return nil, "", "", onField("scope", err)
	}
	if len(req.ClientName) > 255 {
		return nil, "", "", onField("client_name", metadataError("client_name is longer than 255 characters"))
	}
	if len(req.Contacts) > 20 {
		return nil, "", "", onField("contacts", metadataError("contacts lists more than 20 entries"))
	}
	c := &emr.Client{
		ID: newClientID(), Site: site, Name: req.ClientName, ApplicationType: req.ApplicationType,
		Role: emr.ClientRolePatient, Confidential: confidential,
		RedirectURIs: req.RedirectURIs, PostLogoutRedirectURIs: req.PostLogoutRedirectURIs,
		Scope: scope.Set(scopes).String(), GrantTypes: req.GrantTypes, ResponseTypes: req.ResponseTypes,
		TokenEndpointAuthMethod: method, JWKS: jwks, JWKSURI: req.JWKSURI, Contacts: req.Contacts,
		LogoURI: req.LogoURI, PolicyURI: req.PolicyURI, TosURI: req.TosURI, InitiateLoginURI: req.InitiateLoginURI,
		RegistrationURIPath: randomToken(16), Created: s.now(), Updated: s.now(),
	}
	if c.ApplicationType == "" {
		c.ApplicationType = "public"
	}
	var secret string
	if confidential {
		c.Role = emr.ClientRoleUser
		secret = randomToken(64)
		if c.SecretHash, err = HashClientSecret(secret); err != nil {
			return nil, "", "", err
		}
	}
	regToken := randomToken(32)
	c.RegistrationTokenHash = tokenHash(regToken)
	// --demo approves every app at once, unless an administrator turned
	// manual approval on: then the demo site behaves like any other.
	c.Enabled = !s.needsApproval(r, c, scopes) ||
		s.demo && s.setting(r.Context(), emr.SettingAppManualApproval) != "1"
	return c, secret, regToken, nil
}

// needsApproval applies oauth_app_manual_approval as OpenEMR describes it:
// with the setting on, every app waits for an administrator; otherwise only
// apps asking for user/ or system/ scopes (or EHR launch) wait, and patient
// standalone apps are approved at once (ONC information-blocking rules).
func (s *Server) needsApproval(r *http.Request, c *emr.Client, scopes []scope.Scope) bool {
	if s.setting(r.Context(), emr.SettingAppManualApproval) == "1" {
		return true
	}
	for _, sc := range scopes {
		if sc.Context == "user" || sc.Context == "system" || sc.Raw == "launch" {
			return true
		}
	}
	return false
}

func (s *Server) registrationScopes(raw string, confidential, hasKeys bool) ([]scope.Scope, error) {
	if strings.TrimSpace(raw) == "" {
		raw = defaultRegistrationScope
	}
	scopes, err := scope.ParseList(raw)
	if err != nil {
		return nil, metadataError("scope: " + err.Error())
	}
	for _, sc := range scopes {
		if err := s.catalog.Validate(sc); err != nil {
			return nil, metadataError("scope: " + err.Error())
		}
		if !confidential && (sc.Context == "user" || sc.Context == "system") {
			return nil, metadataError("scope " + sc.Raw + " needs a confidential client (application_type \"private\")")
		}
		if sc.Context == "system" && !hasKeys {
			return nil, metadataError("system/ scopes need jwks or jwks_uri for the client_credentials grant")
		}
	}
	return scopes, nil
}

func authMethodFor(asked string, confidential, hasKeys bool) (string, error) {
	if !confidential {
		if asked != "" && asked != AuthNone {
			return "", metadataError("a public client authenticates with token_endpoint_auth_method \"none\"")
		}
		return AuthNone, nil
	}
	switch asked {
	case "":
		return AuthSecretBasic, nil
	case AuthSecretBasic, AuthSecretPost:
		return asked, nil
	case AuthPrivateKeyJWT:
		if !hasKeys {
			return "", metadataError("private_key_jwt needs jwks or jwks_uri")
		}
		return asked, nil
	}
	return "", metadataError("token_endpoint_auth_method must be client_secret_basic, client_secret_post or private_key_jwt")
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
