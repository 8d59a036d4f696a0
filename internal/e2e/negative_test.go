package e2e

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"golang.org/x/oauth2"
)

// authCode runs the pages for a public client and returns a fresh code.
func authCode(t *testing.T, s *Server, clientID, scope, challenge string, extra url.Values) string {
	t.Helper()
	q := url.Values{"response_type": {"code"}, "client_id": {clientID}, "redirect_uri": {Callback},
		"scope": {scope}, "state": {"s"}}
	if challenge != "" {
		q.Set("code_challenge", challenge)
		q.Set("code_challenge_method", "S256")
	}
	for k, v := range extra {
		q[k] = v
	}
	back, err := NewBrowser().Authorize(s.Issuer()+"/authorize?"+q.Encode(), Patient, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Query().Get("code") == "" {
		t.Fatalf("no code: %s", back)
	}
	return back.Query().Get("code")
}

// TestNegativeMatrix: every refusal carries the RFC's error code.
func TestNegativeMatrix(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		pub, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid offline_access patient/Patient.rs"})
		if err != nil {
			t.Fatal(err)
		}
		backend, key := backendClient(t, s)
		verifier := oauth2.GenerateVerifier()
		challenge := oauth2.S256ChallengeFromVerifier(verifier)
		token := func(form url.Values) (int, map[string]any) {
			code, body, err := PostForm(s.TokenURL(), form, "", "")
			if err != nil {
				t.Fatal(err)
			}
			return code, body
		}
		codeForm := func(code, v string) url.Values {
			f := url.Values{"grant_type": {"authorization_code"}, "client_id": {pub.ClientID}, "code": {code}, "redirect_uri": {Callback}}
			if v != "\x00" {
				f.Set("code_verifier", v)
			}
			return f
		}
		assertionForm := func(a string) url.Values {
			return url.Values{"grant_type": {"client_credentials"}, "scope": {"system/Patient.rs"},
				"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}, "client_assertion": {a}}
		}
		otherKey := func() jose.JSONWebKey { k, _ := RSAKey("k1"); return k }

		tests := []struct {
			name     string
			form     func() url.Values
			wantCode string
		}{
			{"missing verifier", func() url.Values { return codeForm(authCode(t, s, pub.ClientID, "openid", challenge, nil), "\x00") }, "invalid_grant"},
			{"blank verifier", func() url.Values { return codeForm(authCode(t, s, pub.ClientID, "openid", challenge, nil), "") }, "invalid_grant"},
			{"wrong verifier", func() url.Values {
				return codeForm(authCode(t, s, pub.ClientID, "openid", challenge, nil), oauth2.GenerateVerifier())
			}, "invalid_grant"},
			{"plain: verifier equals challenge", func() url.Values {
				return codeForm(authCode(t, s, pub.ClientID, "openid", challenge, nil), challenge)
			}, "invalid_grant"},
			{"reused code", func() url.Values {
				c := authCode(t, s, pub.ClientID, "openid", challenge, nil)
				if st, body := token(codeForm(c, verifier)); st != 200 {
					t.Fatalf("first use: %d %v", st, body)
				}
				return codeForm(c, verifier)
			}, "invalid_grant"},
			{"redirect_uri mismatch", func() url.Values {
				f := codeForm(authCode(t, s, pub.ClientID, "openid", challenge, nil), verifier)
				f.Set("redirect_uri", "http://127.0.0.1:1/other")
				return f
			}, "invalid_grant"},
			{"unknown client", func() url.Values { f := codeForm("x", verifier); f.Set("client_id", "nobody"); return f }, "invalid_client"},
			{"bad code", func() url.Values { return codeForm("not-a-code", verifier) }, "invalid_grant"},
			{"refresh without offline_access", func() url.Values {
				c := authCode(t, s, pub.ClientID, "openid patient/Patient.rs", challenge, nil)
				st, body := token(codeForm(c, verifier))
				if st != 200 || body["refresh_token"] != nil {
					t.Fatalf("token without offline_access: %d %v", st, body)
				}
				return url.Values{"grant_type": {"refresh_token"}, "client_id": {pub.ClientID}, "refresh_token": {"made-up"}}
			}, "invalid_grant"},
			{"expired assertion", func() url.Values {
				return assertionForm(Assertion(key, jose.RS384, backend.ClientID, s.TokenURL(), func(c map[string]any) {
					c["exp"] = time.Now().Add(-10 * time.Minute).Unix()
				}))
			}, "invalid_client"},
			{"replayed jti", func() url.Values {
				a := Assertion(key, jose.RS384, backend.ClientID, s.TokenURL(), nil)
				if st, body := token(assertionForm(a)); st != 200 {
					t.Fatalf("first use: %d %v", st, body)
				}
				return assertionForm(a)
			}, "invalid_client"},
			{"wrong alg RS256", func() url.Values {
				return assertionForm(Assertion(key, jose.RS256, backend.ClientID, s.TokenURL(), nil))
			}, "invalid_client"},
			{"wrong aud", func() url.Values {
				return assertionForm(Assertion(key, jose.RS384, backend.ClientID, s.FHIRBase(), nil))
			}, "invalid_client"},
			{"unregistered key", func() url.Values {
				return assertionForm(Assertion(otherKey(), jose.RS384, backend.ClientID, s.TokenURL(), nil))
			}, "invalid_client"},
			{"bad assertion type", func() url.Values {
				f := assertionForm(Assertion(key, jose.RS384, backend.ClientID, s.TokenURL(), nil))
				f.Set("client_assertion_type", "urn:bogus")
				return f
			}, "invalid_client"},
			{"bad grant type", func() url.Values { return url.Values{"grant_type": {"urn:bogus"}, "client_id": {pub.ClientID}} }, "unsupported_grant_type"},
			{"user scope with client_credentials", func() url.Values {
				f := assertionForm(Assertion(key, jose.RS384, backend.ClientID, s.TokenURL(), nil))
				f.Set("scope", "user/Patient.rs")
				return f
			}, "invalid_scope"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				status, body := token(tt.form())
				if status != http.StatusBadRequest && status != http.StatusUnauthorized {
					t.Errorf("status %d, want 400 or 401", status)
				}
				if body["error"] != tt.wantCode {
					t.Errorf("error = %v (%v), want %s", body["error"], body["error_description"], tt.wantCode)
				}
			})
		}
		t.Run("plain code_challenge_method refused at authorize", func(t *testing.T) {
			q := url.Values{"response_type": {"code"}, "client_id": {pub.ClientID}, "redirect_uri": {Callback}, "scope": {"openid"},
				"state": {"s"}, "code_challenge": {challenge}, "code_challenge_method": {"plain"}}
			page, err := NewBrowser().Get(s.Issuer() + "/authorize?" + q.Encode())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.Location, "error=invalid_request") || strings.Contains(page.Location, "code=") {
				t.Errorf("plain PKCE: redirect %q, want error=invalid_request", page.Location)
			}
		})
		t.Run("wrong aud issues no code and no redirect", func(t *testing.T) {
			q := url.Values{"response_type": {"code"}, "client_id": {pub.ClientID}, "redirect_uri": {Callback}, "scope": {"openid"},
				"state": {"s"}, "code_challenge": {challenge}, "code_challenge_method": {"S256"}, "aud": {"https://evil.example.org/fhir"}}
			page, err := NewBrowser().Get(s.Issuer() + "/authorize?" + q.Encode())
			if err != nil {
				t.Fatal(err)
			}
			if page.Location != "" || page.Status != http.StatusBadRequest {
				t.Errorf("wrong aud: status %d, redirect %q; want a 400 page and no redirect", page.Status, page.Location)
			}
		})
		t.Run("public client without PKCE", func(t *testing.T) {
			q := url.Values{"response_type": {"code"}, "client_id": {pub.ClientID}, "redirect_uri": {Callback}, "scope": {"openid"}, "state": {"s"}}
			page, _ := NewBrowser().Get(s.Issuer() + "/authorize?" + q.Encode())
			if !strings.Contains(page.Location, "error=invalid_request") {
				t.Errorf("no PKCE: redirect %q", page.Location)
			}
		})
		t.Run("password grant when disabled", func(t *testing.T) {
			s2 := StartPlain(t, Fresh(t, b))
			reg, _, err := s2.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid patient/Patient.rs"})
			if err != nil {
				t.Fatal(err)
			}
			status, body, _ := PostForm(s2.TokenURL(), url.Values{"grant_type": {"password"}, "client_id": {reg.ClientID},
				"user_role": {"patient"}, "username": {"x"}, "password": {"y"}, "email": {"z"}, "scope": {"openid"}}, "", "")
			if status != 400 || body["error"] != "unsupported_grant_type" {
				t.Errorf("password grant off: %d %v", status, body)
			}
		})
	})
}
