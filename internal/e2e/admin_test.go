package e2e

import (
	"net/url"
	"os/exec"
	"strings"
	"testing"
)

// goemrCLI runs an admin subcommand against the server's database.
func goemrCLI(t *testing.T, s *Server, stdin string, args ...string) string {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	args = append(args, "--data-dir", s.DataDir)
	if s.Backend.DSN != "" {
		args = append(args, "--db", s.Backend.DSN)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("goemr %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// TestManualApproval: without --demo, an app asking for user/ scopes waits
// for `goemr client approve`; a disabled client is invalid_client; users
// and settings are managed from the command line.
func TestManualApproval(t *testing.T) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := StartPlain(t, b)
			goemrCLI(t, s, "s3cret-pass\n", "user", "add", "--username", "doc", "--fname", "Dana", "--lname", "Doc", "--npi", "1234567893", "--password-stdin")
			if out := goemrCLI(t, s, "", "user", "list"); !strings.Contains(out, "doc") {
				t.Fatalf("user list: %s", out)
			}
			goemrCLI(t, s, "", "config", "set", "oauth_password_grant", "1")
			if out := goemrCLI(t, s, "", "config", "get", "oauth_password_grant"); strings.TrimSpace(out) != "1" {
				t.Fatalf("config get: %q", out)
			}
			reg := confidentialClient(t, s)
			if reg.Enabled {
				t.Fatal("a client asking for user/ scopes was enabled without approval")
			}
			form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"doc"}, "password": {"s3cret-pass"}, "scope": {"openid user/Patient.rs"}}
			if status, body, _ := PostForm(s.TokenURL(), form, reg.ClientID, reg.ClientSecret); status != 401 || body["error"] != "invalid_client" {
				t.Fatalf("unapproved client: %d %v", status, body)
			}
			goemrCLI(t, s, "", "client", "approve", reg.ClientID)
			if out := goemrCLI(t, s, "", "client", "show", reg.ClientID); !strings.Contains(out, `"enabled": true`) {
				t.Fatalf("client show after approve:\n%s", out)
			}
			status, tok, _ := PostForm(s.TokenURL(), form, reg.ClientID, reg.ClientSecret)
			if status != 200 {
				t.Fatalf("approved client: %d %v", status, tok)
			}
			if userinfoStatus(t, s, tok["access_token"].(string)) != 200 {
				t.Fatal("fresh token refused")
			}
			goemrCLI(t, s, "", "client", "disable", reg.ClientID)
			if userinfoStatus(t, s, tok["access_token"].(string)) != 401 {
				t.Error("a disabled client's access token still works")
			}
			if status, body, _ := PostForm(s.TokenURL(), form, reg.ClientID, reg.ClientSecret); status != 401 || body["error"] != "invalid_client" {
				t.Fatalf("disabled client: %d %v", status, body)
			}
			goemrCLI(t, s, "", "user", "disable", "doc")
			goemrCLI(t, s, "", "client", "enable", reg.ClientID)
			if status, body, _ := PostForm(s.TokenURL(), form, reg.ClientID, reg.ClientSecret); status != 400 || body["error"] != "invalid_grant" {
				t.Fatalf("disabled user: %d %v", status, body)
			}
			// A patient-only public app is approved at once (ONC information blocking).
			pub, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid launch/patient patient/Patient.rs"})
			if err != nil || !pub.Enabled {
				t.Fatalf("patient app: %v enabled=%v", err, pub != nil && pub.Enabled)
			}
			goemrCLI(t, s, "", "client", "delete", pub.ClientID)
			if out := goemrCLI(t, s, "", "client", "list"); strings.Contains(out, pub.ClientID) {
				t.Fatalf("deleted client still listed:\n%s", out)
			}
		})
	}
}
