package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func getJSON(t *testing.T, u string, hdr map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, resp.Header, m
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestDiscovery checks the OIDC and SMART documents the certification
// checks read (SMART group 1 discovery tests).
func TestDiscovery(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		_, _, oidc := getJSON(t, s.Issuer()+"/.well-known/openid-configuration", nil)
		_, _, smart := getJSON(t, s.FHIRBase()+"/.well-known/smart-configuration", nil)
		if oidc["issuer"] != s.Issuer() || smart["issuer"] != s.Issuer() {
			t.Errorf("issuers: oidc %v smart %v, want %s", oidc["issuer"], smart["issuer"], s.Issuer())
		}
		for _, doc := range []map[string]any{oidc, smart} {
			if got := strs(doc["code_challenge_methods_supported"]); !slices.Equal(got, []string{"S256"}) {
				t.Errorf("code_challenge_methods_supported = %v", got)
			}
			for _, k := range []string{"authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint", "introspection_endpoint", "revocation_endpoint", "scopes_supported", "grant_types_supported", "response_types_supported", "token_endpoint_auth_methods_supported"} {
				if doc[k] == nil {
					t.Errorf("missing %s", k)
				}
			}
			for _, sc := range strs(doc["scopes_supported"]) {
				if strings.Contains(sc, "[") {
					t.Errorf("scopes_supported is not flat: %q", sc)
				}
			}
			if got := strs(doc["response_types_supported"]); !slices.Equal(got, []string{"code"}) {
				t.Errorf("response_types_supported = %v", got)
			}
		}
		for _, k := range []string{"userinfo_endpoint", "end_session_endpoint"} {
			if oidc[k] == nil {
				t.Errorf("oidc discovery lacks %s", k)
			}
		}
		caps := strs(smart["capabilities"])
		for _, c := range []string{"launch-ehr", "context-ehr-patient", "context-ehr-encounter", "launch-standalone", "client-public", "client-confidential-symmetric", "client-confidential-asymmetric",
			"sso-openid-connect", "context-standalone-patient", "context-banner", "context-style", "permission-offline",
			"permission-patient", "permission-user", "permission-v1", "permission-v2", "authorize-post"} {
			if !slices.Contains(caps, c) {
				t.Errorf("capability %s missing", c)
			}
		}
		if got := strs(smart["token_endpoint_auth_signing_alg_values_supported"]); !slices.Contains(got, "RS384") || !slices.Contains(got, "ES384") {
			t.Errorf("assertion algs = %v", got)
		}
		status, _, body := getJSON(t, s.URL+"/oauth2/elsewhere/.well-known/openid-configuration", nil)
		if status != 400 || body["error"] == nil {
			t.Errorf("unknown site: %d %v", status, body)
		}
		status, _, body = getJSON(t, s.URL+"/apis/elsewhere/fhir/.well-known/smart-configuration", nil)
		if status != 400 || body["error"] == nil {
			t.Errorf("unknown site (smart): %d %v", status, body)
		}
		status, _, body = getJSON(t, s.URL+"/no/such/route", nil)
		if status != 404 || body["error"] == nil {
			t.Errorf("unknown route: %d %v", status, body)
		}
	})
}

// TestCORS: browser apps may call the token endpoint from a registered
// origin, never with credentials; other origins get no CORS headers.
func TestCORS(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		if _, _, err := s.Register(map[string]any{"redirect_uris": []string{"https://app.example.org/cb"}, "scope": "openid patient/Patient.rs"}); err != nil {
			t.Fatal(err)
		}
		preflight := func(origin string) http.Header {
			req, _ := http.NewRequest(http.MethodOptions, s.TokenURL(), nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.Header
		}
		h := preflight("https://app.example.org")
		if h.Get("Access-Control-Allow-Origin") != "https://app.example.org" || h.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("registered origin: %v", h)
		}
		if h := preflight("https://evil.example.org"); h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("unregistered origin allowed: %v", h)
		}
	})
}

// TestLogout: RP-initiated logout checks the id_token_hint signature,
// redirects only to a registered URI and revokes the grant's tokens.
func TestLogout(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		reg := confidentialClient(t, s)
		tok := passwordToken(t, s, reg, "openid offline_access user/Patient.rs")
		idToken, access := tok["id_token"].(string), tok["access_token"].(string)
		br := NewBrowser()
		br.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		forged := idToken[:strings.LastIndex(idToken, ".")+1] + "AAAA"
		if p, _ := br.Get(s.Issuer() + "/logout?id_token_hint=" + url.QueryEscape(forged)); p.Status != 400 {
			t.Errorf("forged id_token_hint: %d", p.Status)
		}
		if p, _ := br.Get(s.Issuer() + "/logout?id_token_hint=" + url.QueryEscape(idToken) + "&post_logout_redirect_uri=" + url.QueryEscape("https://evil.example.org/")); p.Status != 400 || p.Location != "" {
			t.Errorf("unregistered post_logout_redirect_uri: %d %q", p.Status, p.Location)
		}
		if userinfoStatus(t, s, access) != 200 {
			t.Fatal("token died before logout")
		}
		p, _ := br.Get(s.Issuer() + "/logout?id_token_hint=" + url.QueryEscape(idToken) + "&state=xyz&post_logout_redirect_uri=" + url.QueryEscape("https://app.example.org/bye"))
		if p.Status != 303 || p.Location != "https://app.example.org/bye?state=xyz" {
			t.Errorf("logout: %d %q", p.Status, p.Location)
		}
		if userinfoStatus(t, s, access) != 401 {
			t.Error("access token still works after logout")
		}
		status, body, _ := PostForm(s.TokenURL(), url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok["refresh_token"].(string)}}, reg.ClientID, reg.ClientSecret)
		if status != 400 || body["error"] != "invalid_grant" {
			t.Errorf("refresh after logout: %d %v", status, body)
		}
	})
}

// TestLoginThrottle: repeated failures lock the account for a while, even
// for the right password.
func TestLoginThrottle(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		reg := confidentialClient(t, s)
		try := func(pw string) (int, map[string]any) {
			status, body, _ := PostForm(s.TokenURL(), url.Values{"grant_type": {"password"}, "user_role": {"users"},
				"username": {"admin"}, "password": {pw}, "scope": {"openid"}}, reg.ClientID, reg.ClientSecret)
			return status, body
		}
		// A success clears the account's count: 4 + 4 failures with a
		// success between them do not lock it.
		for round := 0; round < 2; round++ {
			for i := 0; i < 4; i++ {
				if status, body := try("wrong"); status != 400 || body["error"] != "invalid_grant" {
					t.Fatalf("failure %d: %d %v", i, status, body)
				}
			}
			if status, body := try("pass"); status != 200 {
				t.Fatalf("round %d: right password after 4 failures: %d %v", round, status, body)
			}
		}
		for i := 0; i < 5; i++ {
			if status, body := try("wrong"); status != 400 || body["error"] != "invalid_grant" {
				t.Fatalf("failure %d: %d %v", i, status, body)
			}
		}
		if status, body := try("pass"); status != 429 {
			t.Fatalf("right password after 5 failures: %d %v, want 429", status, body)
		}
	})
}
