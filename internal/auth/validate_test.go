package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

func TestCheckRedirectURI(t *testing.T) {
	tests := []struct {
		uri string
		ok  bool
	}{
		{"https://app.example.org/cb", true},
		{"https://app.example.org/cb?x=1", true},
		{"http://127.0.0.1:8080/cb", true},
		{"http://localhost/cb", true},
		{"http://[::1]:9/cb", true},
		{"org.example.app:/callback", true},
		{"http://app.example.org/cb", false},
		{"http://10.0.0.1/cb", false},
		{"https://app.example.org/cb#frag", false},
		{"https:///nohost", false},
		{"/relative", false},
		{"javascript:alert(1)", false},
		{"myapp:/cb", false},
		{"", false},
	}
	for _, tt := range tests {
		if err := checkRedirectURI(tt.uri); (err == nil) != tt.ok {
			t.Errorf("checkRedirectURI(%q) = %v, want ok=%v", tt.uri, err, tt.ok)
		}
	}
}

func TestMaxAge(t *testing.T) {
	tests := map[string]time.Duration{
		"":                     0,
		"max-age=60":           time.Minute,
		"public, max-age=3600": time.Hour,
		"no-store, max-age=60": 0,
		"no-cache":             0,
		"max-age=9999999":      24 * time.Hour,
		"max-age=abc":          0,
		`max-age="120"`:        2 * time.Minute,
		"private, MAX-AGE=30 ": 30 * time.Second,
	}
	for in, want := range tests {
		if got := maxAge(in); got != want {
			t.Errorf("maxAge(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCheckVerifier(t *testing.T) {
	verifier := strings.Repeat("a", 43)
	sum := sha256.Sum256([]byte(verifier))
	challenge := base64.RawURLEncoding.EncodeToString(sum[:])
	tests := []struct {
		name      string
		challenge string
		verifier  string
		ok        bool
	}{
		{"match", challenge, verifier, true},
		{"no pkce at all", "", "", true},
		{"verifier without challenge (downgrade)", "", verifier, false},
		{"missing", challenge, "", false},
		{"wrong", challenge, strings.Repeat("b", 43), false},
		{"too short", challenge, "abc", false},
		{"too long", challenge, strings.Repeat("a", 129), false},
		{"bad characters", challenge, strings.Repeat("a", 42) + "!", false},
		{"plain: verifier = challenge", challenge, challenge, false},
	}
	for _, tt := range tests {
		err := checkVerifier(&emr.AuthCode{Challenge: tt.challenge}, tt.verifier)
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

func TestPasswords(t *testing.T) {
	// A hash as PHP's password_hash writes it ($2y$), for the password "pass".
	php := "$2y$10$" + "1234567890123456789012" // salt
	if CheckPassword(php+"bogus", "pass") {
		t.Fatal("malformed PHP hash accepted")
	}
	h, err := HashPassword("pass")
	if err != nil {
		t.Fatal(err)
	}
	y := "$2y$" + h[4:] // same hash with PHP's prefix
	if !CheckPassword(y, "pass") || CheckPassword(y, "wrong") {
		t.Error("$2y$ hash does not verify like $2a$")
	}
	if CheckPassword("", "pass") {
		t.Error("empty hash verified")
	}
	secret := strings.Repeat("s", 86) // longer than bcrypt's 72-byte limit
	sh, err := HashClientSecret(secret)
	if err != nil {
		t.Fatal(err)
	}
	if !checkClientSecret(sh, secret) || checkClientSecret(sh, secret[:72]) {
		t.Error("client secret beyond 72 bytes is not fully checked")
	}
}

func TestAuthMethodFor(t *testing.T) {
	tests := []struct {
		asked              string
		confidential, keys bool
		want               string
		wantErr            bool
	}{
		{"", false, false, AuthNone, false},
		{"none", false, false, AuthNone, false},
		{"client_secret_basic", false, false, "", true},
		{"", true, false, AuthSecretBasic, false},
		{"client_secret_post", true, false, AuthSecretPost, false},
		{"private_key_jwt", true, false, "", true},
		{"private_key_jwt", true, true, AuthPrivateKeyJWT, false},
		{"tls_client_auth", true, true, "", true},
	}
	for _, tt := range tests {
		got, err := authMethodFor(tt.asked, tt.confidential, tt.keys)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("authMethodFor(%q, %v, %v) = %q, %v", tt.asked, tt.confidential, tt.keys, got, err)
		}
	}
}

func TestDescribeScope(t *testing.T) {
	for raw, want := range map[string]string{
		"patient/Observation.rs": "Read Observation",
		"user/Patient.cruds":     "Read, create, update, delete Patient",
		"patient/*.read":         "Read all record types",
		"offline_access":         "Stay signed in (refresh access without asking again)",
		"system/Group.$export":   "Run $export on Group",
		"patient/Condition.rs?category=problem-list-item": "Read Condition (category problem-list-item)",
	} {
		sc, err := scope.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := describeScope(sc); got != want {
			t.Errorf("describeScope(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestNewClientID: client ids never start with a dash or underscore, so
// they can be passed to goemr's commands as they are.
func TestNewClientID(t *testing.T) {
	for i := 0; i < 2000; i++ {
		if id := newClientID(); id[0] == '-' || id[0] == '_' || len(id) != 43 {
			t.Fatalf("client id %q", id)
		}
	}
}
