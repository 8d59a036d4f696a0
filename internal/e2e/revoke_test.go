package e2e

import (
	"net/url"
	"testing"
)

// passwordToken gets a token with OpenEMR's password grant (on in --demo).
func passwordToken(t *testing.T, s *Server, reg *Registered, scope string) map[string]any {
	t.Helper()
	status, body, err := PostForm(s.TokenURL(), url.Values{"grant_type": {"password"}, "user_role": {"users"},
		"username": {"admin"}, "password": {"pass"}, "scope": {scope}}, reg.ClientID, reg.ClientSecret)
	if err != nil || status != 200 {
		t.Fatalf("password grant: %d %v %v", status, body, err)
	}
	return body
}

func confidentialClient(t *testing.T, s *Server) *Registered {
	t.Helper()
	reg, _, err := s.Register(map[string]any{"application_type": "private", "client_name": "Confidential app",
		"redirect_uris": []string{"https://app.example.org/cb"}, "post_logout_redirect_uris": []string{"https://app.example.org/bye"},
		"scope": "openid fhirUser offline_access profile email api:oemr api:fhir user/Patient.rs user/patient.rs"})
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestRevocationAcrossProcesses: two goemr processes share one database; a
// token revoked through one fails on its very next use on the other, and
// introspection on both says inactive.
func TestRevocationAcrossProcesses(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			a := Start(t, b, "")
			// Behind a load balancer every process has the same public base URL.
			other := Start(t, b, a.DataDir, "--base-url", a.URL) // same SQLite file or PostgreSQL database
			reg := confidentialClient(t, a)
			tok := passwordToken(t, a, reg, "openid offline_access user/Patient.rs")
			access, refresh := tok["access_token"].(string), tok["refresh_token"].(string)
			if code := userinfoStatus(t, other, access); code != 200 {
				t.Fatalf("token from process A on process B: %d", code)
			}
			introspect := func(s *Server, token string) map[string]any {
				_, body, err := PostForm(s.Issuer()+"/introspect", url.Values{"token": {token}}, reg.ClientID, reg.ClientSecret)
				if err != nil {
					t.Fatal(err)
				}
				return body
			}
			if got := introspect(other, access); got["active"] != true || got["client_id"] != reg.ClientID || got["scope"] == nil || got["exp"] == nil {
				t.Fatalf("introspection of a live token: %v", got)
			}
			if got := introspect(other, refresh); got["active"] != true {
				t.Fatalf("introspection of a live refresh token: %v", got)
			}
			status, body, _ := PostForm(a.Issuer()+"/revoke", url.Values{"token": {access}}, reg.ClientID, reg.ClientSecret)
			if status != 200 {
				t.Fatalf("revoke: %d %v", status, body)
			}
			if code := userinfoStatus(t, other, access); code != 401 {
				t.Errorf("revoked token on the other process: %d, want 401", code)
			}
			if got := introspect(other, access); got["active"] != false {
				t.Errorf("introspection of a revoked token: %v", got)
			}
			// Revoking the refresh token ends the grant: it cannot be used.
			PostForm(a.Issuer()+"/revoke", url.Values{"token": {refresh}, "token_type_hint": {"refresh_token"}}, reg.ClientID, reg.ClientSecret)
			status, body, _ = PostForm(other.TokenURL(), url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}, reg.ClientID, reg.ClientSecret)
			if status != 400 || body["error"] != "invalid_grant" {
				t.Errorf("refresh with a revoked refresh token: %d %v", status, body)
			}
			if got := introspect(a, "not-a-token"); got["active"] != false || len(got) != 1 {
				t.Errorf("introspection of garbage: %v", got)
			}
		})
	}
}
