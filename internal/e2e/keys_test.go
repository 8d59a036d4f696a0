package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

// TestKeyRotation: after `goemr key rotate` new tokens carry the new kid,
// tokens signed by the old key keep working, and the JWKS publishes both.
func TestKeyRotation(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		reg := confidentialClient(t, s)
		before := passwordToken(t, s, reg, "openid user/Patient.rs")["access_token"].(string)
		out := goemrCLI(t, s, "", "key", "rotate")
		if !strings.Contains(out, "new signing key") {
			t.Fatalf("key rotate: %s", out)
		}
		// The running process reloads its key ring within seconds.
		var after string
		for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(500 * time.Millisecond) {
			after = passwordToken(t, s, reg, "openid user/Patient.rs")["access_token"].(string)
			if kidOf(t, before) != kidOf(t, after) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the running server still signs with the old key %s", kidOf(t, before))
			}
		}
		for _, tok := range []string{before, after} {
			if code := userinfoStatus(t, s, tok); code != 200 {
				t.Errorf("token with kid %s: %d", kidOf(t, tok), code)
			}
		}
		_, _, jwks := getJSON(t, s.Issuer()+"/jwk", nil)
		if n := len(jwks["keys"].([]any)); n != 2 {
			t.Errorf("JWKS has %d keys, want the old and the new", n)
		}
		for _, k := range jwks["keys"].([]any) {
			for _, private := range []string{"d", "p", "q", "dp", "dq", "qi"} {
				if k.(map[string]any)[private] != nil {
					t.Fatalf("JWKS leaks private member %q", private)
				}
			}
		}
	})
}

func kidOf(t *testing.T, jwt string) string {
	t.Helper()
	var hdr struct{ Kid string }
	b, err := decodeSegment(strings.Split(jwt, ".")[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := jsonUnmarshal(b, &hdr); err != nil {
		t.Fatal(err)
	}
	return hdr.Kid
}

// TestAuthorizePost: SMART authorize-post, the request as a form body.
func TestAuthorizePost(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		pub, _, err := s.Register(map[string]any{"redirect_uris": []string{Callback}, "scope": "openid patient/Patient.rs"})
		if err != nil {
			t.Fatal(err)
		}
		br := NewBrowser()
		page, err := br.Submit(s.Issuer()+"/authorize", url.Values{"response_type": {"code"}, "client_id": {pub.ClientID},
			"redirect_uri": {Callback}, "scope": {"openid patient/Patient.rs"}, "state": {"p"},
			"code_challenge": {strings.Repeat("A", 43)}, "code_challenge_method": {"S256"}, "aud": {s.FHIRBase()}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page.URL.Path, "/provider/login") || page.Status != 200 {
			t.Fatalf("POST authorize led to %s (%d)", page.URL, page.Status)
		}
		if !strings.Contains(page.Body, "csrf_token_form") {
			t.Fatal("login page has no CSRF field")
		}
	})
}

// TestTLSAndAudit serves HTTPS with a certificate of the test's own, then
// checks the audit table recorded the sign-in and token events.
func TestTLSAndAudit(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		dir := t.TempDir()
		cert, key := selfSigned(t, dir)
		s := Start(t, b, "", "--tls-cert", cert, "--tls-key", key)
		if !strings.HasPrefix(s.URL, "https://") {
			t.Fatalf("URL %s", s.URL)
		}
		reg := confidentialClient(t, s)
		passwordToken(t, s, reg, "openid user/Patient.rs")
		PostForm(s.TokenURL(), url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"bad"}}, reg.ClientID, reg.ClientSecret)
		db, err := sqldb.Open(context.Background(), sqldb.Options{DSN: b.DSN, DataDir: s.DataDir})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		events, err := store.New(db).ListAudit(context.Background(), emr.AuditFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range events {
			seen[e.Event+"/"+e.Outcome] = true
			if strings.Contains(e.Detail, reg.ClientSecret) || strings.Contains(e.Detail, "pass") && e.Event == "login" && strings.Contains(e.Detail, "password=") {
				t.Errorf("audit row leaks a secret: %+v", e)
			}
		}
		for _, want := range []string{"client.register/success", "login/success", "login/failure", "token.issue/success", "token.issue/failure"} {
			if !seen[want] {
				t.Errorf("no %s audit event; have %v", want, seen)
			}
		}
		if b.DSN == "" {
			if fi, err := os.Stat(filepath.Join(s.DataDir, "goemr.db")); err != nil || fi.Mode().Perm()&0o077 != 0 {
				t.Errorf("database file mode: %v %v", fi.Mode(), err)
			}
		}
	})
}

func selfSigned(t *testing.T, dir string) (string, string) {
	t.Helper()
	priv, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(priv)
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600)
	// The test's own HTTP clients trust this certificate.
	pool := x509.NewCertPool()
	pool.AddCert(mustParse(der))
	tr := http.DefaultTransport.(*http.Transport)
	old := tr.TLSClientConfig
	tr.TLSClientConfig = &tls.Config{RootCAs: pool}
	t.Cleanup(func() { tr.TLSClientConfig = old })
	return cert, key
}

func mustParse(der []byte) *x509.Certificate {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		panic(err)
	}
	return c
}
