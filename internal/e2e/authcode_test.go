package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

const patientAppScopes = "openid fhirUser offline_access launch/patient patient/Patient.rs patient/Observation.rs patient/Condition.rs"

// TestAuthorizationCodePKCE drives the real login, patient-pick and consent
// pages with golang.org/x/oauth2 as the client: a SMART standalone launch of
// a public app, with one resource scope unticked at consent.
func TestAuthorizationCodePKCE(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, b, "")
			reg, _, err := s.Register(map[string]any{
				"application_type": "public", "client_name": "Standalone app",
				"redirect_uris": []string{Callback}, "scope": patientAppScopes,
			})
			if err != nil {
				t.Fatal(err)
			}
			cfg := &oauth2.Config{
				ClientID: reg.ClientID, RedirectURL: Callback, Scopes: strings.Fields(patientAppScopes),
				Endpoint: oauth2.Endpoint{AuthURL: s.Issuer() + "/authorize", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInParams},
			}
			verifier := oauth2.GenerateVerifier()
			authURL := cfg.AuthCodeURL("st4te", oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("aud", s.FHIRBase()), oauth2.SetAuthURLParam("nonce", "n0nce"))
			back, err := NewBrowser().Authorize(authURL, Staff, []string{"patient/Observation.rs"})
			if err != nil {
				t.Fatal(err)
			}
			if back.Query().Get("state") != "st4te" || back.Query().Get("code") == "" {
				t.Fatalf("redirect back = %s", back)
			}
			ctx := context.Background()
			tok, err := cfg.Exchange(ctx, back.Query().Get("code"), oauth2.VerifierOption(verifier))
			if err != nil {
				t.Fatal(err)
			}
			granted, _ := tok.Extra("scope").(string)
			if strings.Contains(granted, "patient/Observation.rs") || !strings.Contains(granted, "patient/Condition.rs") {
				t.Errorf("granted scope %q should lack the unticked Observation scope and keep Condition", granted)
			}
			if tok.RefreshToken == "" || tok.Extra("patient") == "" || tok.Extra("need_patient_banner") != true {
				t.Errorf("token response lacks refresh_token / patient / need_patient_banner: %+v", tok)
			}
			checkIDToken(t, s, tok.Extra("id_token").(string), reg.ClientID)
			checkStyle(t, tok.Extra("smart_style_url").(string))
			checkUserinfo(t, s, tok.AccessToken)

			// Refresh rotates: the new refresh token works, the old is refused.
			fresh, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
			if err != nil {
				t.Fatal(err)
			}
			if fresh.AccessToken == tok.AccessToken || fresh.RefreshToken == "" || fresh.RefreshToken == tok.RefreshToken {
				t.Fatalf("refresh did not rotate: %+v", fresh)
			}
			again, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: fresh.RefreshToken}).Token()
			if err != nil {
				t.Fatalf("rotated refresh token refused: %v", err)
			}
			_, err = cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
			if re, ok := err.(*oauth2.RetrieveError); !ok || re.ErrorCode != "invalid_grant" {
				t.Fatalf("reused refresh token: err = %v, want invalid_grant", err)
			}
			// Reuse means the token leaked: the whole grant is now revoked.
			if code := userinfoStatus(t, s, again.AccessToken); code != http.StatusUnauthorized {
				t.Errorf("access token after refresh-token reuse: %d, want 401", code)
			}
		})
	}
}

// TestPatientPortalLogin: a patient signs in with username, password and
// e-mail; the token is bound to that patient.
func TestPatientPortalLogin(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		reg, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid fhirUser launch/patient patient/Patient.rs"})
		if err != nil {
			t.Fatal(err)
		}
		cfg := &oauth2.Config{ClientID: reg.ClientID, RedirectURL: Callback, Scopes: []string{"openid", "fhirUser", "launch/patient", "patient/Patient.rs"},
			Endpoint: oauth2.Endpoint{AuthURL: s.Issuer() + "/authorize", TokenURL: s.TokenURL(), AuthStyle: oauth2.AuthStyleInParams}}
		v := oauth2.GenerateVerifier()
		wrong := Patient
		wrong.Email = "someone@else.example"
		page, err := NewBrowser().Authorize(cfg.AuthCodeURL("x", oauth2.S256ChallengeOption(v)), wrong, nil)
		if err == nil {
			t.Fatalf("a wrong e-mail signed in: %v", page)
		}
		back, err := NewBrowser().Authorize(cfg.AuthCodeURL("x", oauth2.S256ChallengeOption(v)), Patient, nil)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := cfg.Exchange(context.Background(), back.Query().Get("code"), oauth2.VerifierOption(v))
		if err != nil {
			t.Fatal(err)
		}
		if tok.RefreshToken != "" {
			t.Error("refresh token issued without offline_access")
		}
		fhirUser := checkIDToken(t, s, tok.Extra("id_token").(string), reg.ClientID)
		if want := s.FHIRBase() + "/Patient/" + tok.Extra("patient").(string); fhirUser != want {
			t.Errorf("fhirUser = %q, want %q", fhirUser, want)
		}
	})
}

// checkIDToken verifies the id_token with the published JWKS, as a client
// does, and returns its fhirUser claim.
func checkIDToken(t *testing.T, s *Server, idToken, clientID string) string {
	t.Helper()
	resp, err := http.Get(s.Issuer() + "/jwk")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var set jose.JSONWebKeySet
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		t.Fatal(err)
	}
	jws, err := jose.ParseSigned(idToken, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	keys := set.Key(jws.Signatures[0].Header.KeyID)
	if len(keys) != 1 {
		t.Fatalf("id_token kid %q not in the JWKS", jws.Signatures[0].Header.KeyID)
	}
	payload, err := jws.Verify(keys[0].Key)
	if err != nil {
		t.Fatal(err)
	}
	var c map[string]any
	json.Unmarshal(payload, &c)
	if c["iss"] != s.Issuer() || c["aud"] != clientID {
		t.Errorf("id_token iss/aud = %v/%v", c["iss"], c["aud"])
	}
	fu, _ := c["fhirUser"].(string)
	if !strings.HasPrefix(fu, s.FHIRBase()+"/") {
		t.Errorf("fhirUser %q is not an absolute URL under the FHIR base", fu)
	}
	return fu
}

func checkStyle(t *testing.T, u string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || m["color_background"] == nil {
		t.Errorf("smart_style_url did not serve a style document: %v %v", err, m)
	}
}

func checkUserinfo(t *testing.T, s *Server, token string) {
	t.Helper()
	if code := userinfoStatus(t, s, token); code != 200 {
		t.Fatalf("userinfo = %d", code)
	}
}

func userinfoStatus(t *testing.T, s *Server, token string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.Issuer()+"/userinfo", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode == 401 && resp.Header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	if resp.StatusCode != 200 {
		t.Logf("userinfo %d: %s", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	return resp.StatusCode
}
