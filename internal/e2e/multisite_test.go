package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"
)

// TestMultisite (issue: multisite): `goemr site add` gives a running server
// a second site with its own database, users, clients and keys; tokens
// of one site are refused on the other; unknown sites are a 400 before
// any authentication.
func TestMultisite(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, Fresh(t, b), t.TempDir())
			out := goemrCLI(t, s, "", "site", "add", "clinic2", "--name", "Second Clinic")
			if !strings.Contains(out, "clinic2") {
				t.Fatalf("site add: %s", out)
			}
			if out, err := tryCLI(s, "", "site", "add", "clinic2"); err == nil {
				t.Errorf("second add of a site succeeded: %s", out)
			}
			if out, err := tryCLI(s, "", "site", "add", ".."); err == nil {
				t.Errorf("site id .. accepted: %s", out)
			}
			if out := goemrCLI(t, s, "", "site", "list"); !strings.Contains(out, "default") || !strings.Contains(out, "Second Clinic") {
				t.Errorf("site list: %s", out)
			}
			goemrCLI(t, s, "doc2-pass\n", "user", "add", "--site", "clinic2", "--username", "doc2", "--password-stdin")
			goemrCLI(t, s, "", "config", "set", "--site", "clinic2", "oauth_password_grant", "3")
			scope := "openid api:oemr user/patient.crus"
			site2 := siteToken(t, s, "clinic2", "doc2", "doc2-pass", scope)
			site1 := siteToken(t, s, "default", "admin", "pass", scope)

			status, body := apiGet(t, s, "/apis/clinic2/api/patient", site2)
			if status != 200 || !strings.Contains(string(body), `"data":[]`) {
				t.Errorf("clinic2 patients: %d %s", status, body)
			}
			status, body = apiGet(t, s, "/apis/default/api/patient", site1)
			if status != 200 || strings.Contains(string(body), `"data":[]`) {
				t.Errorf("default patients: %d %.200s", status, body)
			}
			if status, body := apiGet(t, s, "/apis/default/api/patient", site2); status != 401 {
				t.Errorf("clinic2 token on default: %d %s", status, body)
			}
			if status, body := apiGet(t, s, "/apis/clinic2/api/patient", site1); status != 401 {
				t.Errorf("default token on clinic2: %d %s", status, body)
			}
			// OpenEMR's registration page names its site in ?site=.
			if status, body := apiGet(t, s, "/interface/smart/register-app.php?site=clinic2", ""); status != 200 ||
				!strings.Contains(string(body), "/interface/smart/register-app.php?site=clinic2") {
				t.Errorf("clinic2 registration page: %d %.300s", status, body)
			}
			for _, p := range []string{"/apis/nosuch/api/version", "/apis/nosuch/api/patient", "/apis/../api/version", "/apis/a%20b/api/version"} {
				if status, body := apiGet(t, s, p, ""); status != 400 {
					t.Errorf("%s: %d %s", p, status, body)
				}
			}
			status, _, _ = PostForm(s.URL+"/oauth2/nosuch/token", url.Values{"grant_type": {"client_credentials"}}, "", "")
			if status != 400 {
				t.Errorf("token on unknown site: %d", status)
			}
			// The second site has keys of its own.
			_, jwks1 := apiGet(t, s, "/oauth2/default/jwks", "")
			_, jwks2 := apiGet(t, s, "/oauth2/clinic2/jwks", "")
			if len(jwks2) < 20 || bytes.Equal(jwks1, jwks2) {
				t.Errorf("sites share signing keys:\n%s\n%s", jwks1, jwks2)
			}
		})
	}
}

// tryCLI runs the goemr binary like goemrCLI but returns its failure.
func tryCLI(s *Server, stdin string, args ...string) (string, error) {
	bin, err := Binary()
	if err != nil {
		return "", err
	}
	args = append(args, "--data-dir", s.DataDir)
	if s.Backend.DSN != "" {
		args = append(args, "--db", s.Backend.DSN)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// siteToken registers a confidential client on site and returns a staff
// password-grant token for username/password.
func siteToken(t *testing.T, s *Server, site, username, password, scope string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"client_name": "multisite", "application_type": "private",
		"redirect_uris": []string{"https://app.example.org/cb"}, "token_endpoint_auth_method": "client_secret_post", "scope": scope})
	resp, err := http.Post(s.URL+"/oauth2/"+site+"/registration", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var reg map[string]any
	if resp.StatusCode != 201 || json.Unmarshal(raw, &reg) != nil {
		t.Fatalf("register on %s: %d %s", site, resp.StatusCode, raw)
	}
	form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {username}, "password": {password},
		"scope": {scope}, "client_id": {reg["client_id"].(string)}, "client_secret": {reg["client_secret"].(string)}}
	status, tok, err := PostForm(s.URL+"/oauth2/"+site+"/token", form, "", "")
	if err != nil || status != 200 {
		t.Fatalf("token on %s: %d %v %v", site, status, tok, err)
	}
	return tok["access_token"].(string)
}

func apiGet(t *testing.T, s *Server, path, token string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", s.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}
