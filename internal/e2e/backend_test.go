package e2e

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2/clientcredentials"
)

// backendClient registers a SMART Backend Services client with an inline
// RS384 JWKS.
func backendClient(t *testing.T, s *Server) (*Registered, jose.JSONWebKey) {
	t.Helper()
	key, jwks := RSAKey("k1")
	reg, _, err := s.Register(map[string]any{
		"application_type": "private", "client_name": "Bulk client", "redirect_uris": []string{"https://bulk.example.org/cb"},
		"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks,
		"scope": "system/Patient.rs system/Observation.rs system/Group.$export",
	})
	if err != nil {
		t.Fatal(err)
	}
	return reg, key
}

// TestClientCredentials runs SMART Backend Services with x/oauth2's
// clientcredentials package and an RS384 assertion.
func TestClientCredentials(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, b, "")
			reg, key := backendClient(t, s)
			cfg := clientcredentials.Config{
				ClientID: reg.ClientID, TokenURL: s.TokenURL(), Scopes: []string{"system/Patient.rs", "system/Group.$export"},
				EndpointParams: url.Values{
					"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
					"client_assertion":      {Assertion(key, jose.RS384, reg.ClientID, s.TokenURL(), nil)},
				},
			}
			tok, err := cfg.Token(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if tok.RefreshToken != "" || tok.Extra("id_token") != nil {
				t.Error("client_credentials must not return refresh or id tokens")
			}
			if life := time.Until(tok.Expiry); life > 5*time.Minute+5*time.Second || life < 4*time.Minute {
				t.Errorf("system token lives %v, want 5 minutes", life)
			}
			if got := tok.Extra("scope"); got != "system/Patient.rs system/Group.$export" {
				t.Errorf("scope = %v", got)
			}
			// The same assertion again is a replay.
			if _, err := cfg.Token(context.Background()); err == nil {
				t.Fatal("replayed assertion accepted")
			}
			// Disabling the client ends the tokens it already has.
			rs := confidentialClient(t, s) // a resource server that introspects
			active := func() any {
				_, body, _ := PostForm(s.Issuer()+"/introspect", url.Values{"token": {tok.AccessToken}}, rs.ClientID, rs.ClientSecret)
				return body["active"]
			}
			if active() != true {
				t.Fatal("system token not active")
			}
			goemrCLI(t, s, "", "client", "disable", reg.ClientID)
			if active() != false {
				t.Error("a disabled client's system token is still active")
			}
			goemrCLI(t, s, "", "client", "enable", reg.ClientID)
			cfg.EndpointParams.Set("client_assertion", Assertion(key, jose.RS384, reg.ClientID, s.TokenURL(), nil))
			again, err := cfg.Token(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			tok = again
			if active() != true {
				t.Error("a token issued after re-enabling is not active")
			}
		})
	}
}
