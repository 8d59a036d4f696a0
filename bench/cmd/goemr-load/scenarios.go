package main

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/e2e"
)

// Scenario names, in the order they run.
const (
	scClientCredentials = "client_credentials"
	scPassword          = "password"
	scIntrospect        = "introspect"
)

var allScenarios = append([]string{scClientCredentials, scPassword, scIntrospect, scPatientRead, scPatientSearch, scProblems, scPatientCreate}, append(fhirScenarios, exportScenarios...)...)

// Scopes the benchmark clients register and ask for.
const (
	backendScope  = "system/Patient.rs system/Observation.rs"
	passwordScope = "openid api:oemr user/Patient.rs"
)

// setup is what the scenarios need from a running goemr: the clients they
// registered over HTTP and an access token to introspect.
type setup struct {
	base       string // http://127.0.0.1:PORT
	backendID  string // SMART Backend Services client (private_key_jwt, RS384)
	backendKey jose.JSONWebKey
	rsID       string // confidential client (client_secret_basic)
	rsSecret   string
	token      string // a valid access token from the password grant
	api        *apiSample
}

func (s *setup) tokenURL() string { return s.base + "/oauth2/default/token" }

// register registers the two clients and obtains the access token.
func register(base string) (*setup, error) {
	srv := &e2e.Server{URL: base}
	key, jwks := e2e.RSAKey("bench-k1")
	backend, _, err := srv.Register(map[string]any{
		"application_type": "private", "client_name": "bench backend services",
		"redirect_uris":              []string{"https://bench.example.org/cb"},
		"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks, "scope": backendScope,
	})
	if err != nil {
		return nil, err
	}
	rs, _, err := srv.Register(map[string]any{
		"application_type": "private", "client_name": "bench resource server",
		"redirect_uris":              []string{"https://bench.example.org/cb"},
		"token_endpoint_auth_method": "client_secret_basic", "scope": passwordScope,
	})
	if err != nil {
		return nil, err
	}
	if !backend.Enabled || !rs.Enabled || rs.ClientSecret == "" {
		return nil, fmt.Errorf("clients not enabled at registration (is --demo on?)")
	}
	s := &setup{base: base, backendID: backend.ClientID, backendKey: key, rsID: rs.ClientID, rsSecret: rs.ClientSecret}
	code, body, err := e2e.PostForm(s.tokenURL(), passwordForm(), s.rsID, s.rsSecret)
	if err != nil {
		return nil, err
	}
	tok, _ := body["access_token"].(string)
	if code != 200 || tok == "" {
		return nil, fmt.Errorf("password grant: %d %v", code, body)
	}
	s.token = tok
	return s, nil
}

func passwordForm() url.Values {
	return url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"},
		"password": {"pass"}, "scope": {passwordScope}}
}

func introspectForm(token string) url.Values {
	return url.Values{"token": {token}, "token_type_hint": {"access_token"}}
}

func clientCredentialsForm(assertion string) url.Values {
	return url.Values{"grant_type": {"client_credentials"}, "scope": {"system/Patient.rs"},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion}}
}

// formRequest is a raw HTTP/1.1 form POST; basic is "" or "id:secret".
func formRequest(host, path string, form url.Values, basicID, basicSecret string) []byte {
	body := form.Encode()
	b := make([]byte, 0, 256+len(body))
	b = append(b, "POST "+path+" HTTP/1.1\r\nHost: "+host+"\r\n"...)
	b = append(b, "Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n"...)
	if basicID != "" {
		cred := url.QueryEscape(basicID) + ":" + url.QueryEscape(basicSecret) // RFC 6749 §2.3.1
		b = append(b, "Authorization: Basic "+base64.StdEncoding.EncodeToString([]byte(cred))+"\r\n"...)
	}
	b = append(b, "Content-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"...)
	return append(b, body...)
}

// assertions signs n RS384 client assertions, each with its own jti, on
// every CPU, before a timed run starts.
func assertions(s *setup, n int) []string {
	return e2e.Assertions(s.backendKey, s.backendID, s.tokenURL(), n)
}

// requests builds the request source of a scenario for a server at host.
// For client_credentials against goemr every request carries a fresh
// assertion from signed; the ceiling (reuse) gets the first of them over
// and over: the same bytes on the wire, and it checks nothing.
func requests(sc string, s *setup, host string, signed []string, reuse bool) source {
	switch sc {
	case scClientCredentials:
		if len(signed) == 0 {
			panic("client_credentials needs signed assertions")
		}
		if reuse {
			return fixed(formRequest(host, "/oauth2/default/token", clientCredentialsForm(signed[0]), "", ""))
		}
		reqs := make([][]byte, len(signed))
		for i, a := range signed {
			reqs[i] = formRequest(host, "/oauth2/default/token", clientCredentialsForm(a), "", "")
		}
		return &pool{reqs: reqs}
	case scPassword:
		return fixed(formRequest(host, "/oauth2/default/token", passwordForm(), s.rsID, s.rsSecret))
	case scIntrospect:
		return fixed(formRequest(host, "/oauth2/default/introspect", introspectForm(s.token), s.rsID, s.rsSecret))
	case scPatientRead, scPatientSearch, scProblems, scPatientCreate:
		return apiRequests(sc, s, host)
	case scFHIRRead, scFHIRSearch, scFHIRVitals, scFHIRCondition, scFHIRMatrix:
		return fhirRequests(sc, s, host)
	}
	panic("unknown scenario " + sc)
}
