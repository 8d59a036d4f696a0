package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestRegistration checks RFC 7591 validation and the RFC 7592 read.
func TestRegistration(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		_, jwks := RSAKey("k")
		tests := []struct {
			name      string
			meta      map[string]any
			wantCode  string
			wantError bool
		}{
			{"openemr example (private)", map[string]any{"application_type": "private", "redirect_uris": []string{"https://client.example.org/callback"},
				"post_logout_redirect_uris": []string{"https://client.example.org/logout/callback"}, "client_name": "A Private App",
				"token_endpoint_auth_method": "client_secret_post", "contacts": []string{"me@example.org", "them@example.org"},
				"scope": "openid offline_access api:oemr api:fhir api:port user/allergy.read user/allergy.write user/Patient.read patient/patient.read"}, "", false},
			{"default scope", map[string]any{"redirect_uris": []string{"https://a.example.org/cb"}}, "", false},
			{"no redirect uris", map[string]any{"client_name": "x"}, "invalid_redirect_uri", true},
			{"http on a public host", map[string]any{"redirect_uris": []string{"http://a.example.org/cb"}}, "invalid_redirect_uri", true},
			{"fragment", map[string]any{"redirect_uris": []string{"https://a.example.org/cb#x"}}, "invalid_redirect_uri", true},
			{"relative", map[string]any{"redirect_uris": []string{"/cb"}}, "invalid_redirect_uri", true},
			{"unknown scope", map[string]any{"redirect_uris": []string{Callback}, "scope": "openid patient/Unicorn.read"}, "invalid_client_metadata", true},
			{"user scope on a public client", map[string]any{"redirect_uris": []string{Callback}, "scope": "user/Patient.rs"}, "invalid_client_metadata", true},
			{"system scope without keys", map[string]any{"application_type": "private", "redirect_uris": []string{Callback}, "scope": "system/Patient.rs"}, "invalid_client_metadata", true},
			{"bad auth method", map[string]any{"application_type": "private", "redirect_uris": []string{Callback}, "token_endpoint_auth_method": "tls_client_auth"}, "invalid_client_metadata", true},
			{"jwks and jwks_uri", map[string]any{"application_type": "private", "redirect_uris": []string{Callback}, "jwks": jwks, "jwks_uri": "https://a.example.org/jwks"}, "invalid_client_metadata", true},
			{"jwks as a string", map[string]any{"application_type": "private", "redirect_uris": []string{Callback}, "jwks": mustJSON(jwks), "token_endpoint_auth_method": "private_key_jwt", "scope": "system/Patient.rs"}, "", false},
			{"wrong type", map[string]any{"redirect_uris": "https://a.example.org/cb"}, "invalid_client_metadata", true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				reg, status, err := s.Register(tt.meta)
				if tt.wantError {
					if err == nil || !strings.Contains(err.Error(), tt.wantCode) || status != 400 {
						t.Fatalf("status %d err %v, want 400 %s", status, err, tt.wantCode)
					}
					return
				}
				if err != nil || status != 201 {
					t.Fatalf("status %d err %v", status, err)
				}
				private := tt.meta["application_type"] == "private"
				if (reg.ClientSecret != "") != private {
					t.Errorf("client_secret %q for application_type %v", reg.ClientSecret, tt.meta["application_type"])
				}
				// RFC 7592 read with the registration access token…
				got := readClient(t, reg.RegistrationClientURI, reg.RegistrationAccessToken)
				if got["client_id"] != reg.ClientID || got["client_secret"] != nil {
					t.Errorf("client read = %v", got)
				}
				// …and not without it.
				if readStatus(t, reg.RegistrationClientURI, "wrong") != 401 {
					t.Error("client read with a wrong token did not answer 401")
				}
			})
		}
		t.Run("not json", func(t *testing.T) {
			resp, err := http.Post(s.Issuer()+"/registration", "text/plain", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var m map[string]any
			json.NewDecoder(resp.Body).Decode(&m)
			if resp.StatusCode != 400 || m["error"] != "invalid_client_metadata" {
				t.Errorf("text/plain registration: %d %v", resp.StatusCode, m)
			}
		})
		t.Run("huge body", func(t *testing.T) {
			big := bytes.Repeat([]byte("a"), 11<<20)
			resp, err := http.Post(s.Issuer()+"/registration", "application/json", bytes.NewReader(big))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 413 {
				t.Errorf("11 MiB body: %d, want 413", resp.StatusCode)
			}
		})
	})
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// clientRead is the RFC 7592 read of a client with a registration token.
func clientRead(t *testing.T, uri, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, uri, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}

func readClient(t *testing.T, uri, token string) map[string]any {
	t.Helper()
	status, raw := clientRead(t, uri, token)
	var m map[string]any
	if status != 200 || json.Unmarshal(raw, &m) != nil {
		t.Fatalf("client read: %d %s", status, raw)
	}
	return m
}

func readStatus(t *testing.T, uri, token string) int {
	t.Helper()
	status, _ := clientRead(t, uri, token)
	return status
}
