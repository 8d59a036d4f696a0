package auth

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/config"
)

// FuzzCheckRedirectURI: whatever is accepted is absolute, has no fragment,
// and is https, http on a loopback host, or a private reverse-domain scheme.
func FuzzCheckRedirectURI(f *testing.F) {
	for _, s := range []string{"https://a.example.org/cb", "http://127.0.0.1:8080/cb", "org.example.app:/cb", "http://evil.example#@127.0.0.1/", "https://a/b#c", "javascript:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if checkRedirectURI(raw) != nil {
			return
		}
		u, err := url.Parse(raw)
		if err != nil || !u.IsAbs() || strings.Contains(raw, "#") {
			t.Fatalf("accepted %q", raw)
		}
		switch {
		case u.Scheme == "https" && u.Host != "":
		case u.Scheme == "http" && config.IsLoopbackHost(u.Hostname()):
		case strings.Contains(u.Scheme, "."):
		default:
			t.Fatalf("accepted %q (scheme %q, host %q)", raw, u.Scheme, u.Host)
		}
	})
}

// FuzzParseClientJWKS: no input panics, and what is kept holds no private key.
func FuzzParseClientJWKS(f *testing.F) {
	f.Add(`{"keys":[{"kty":"RSA","n":"sXch","e":"AQAB"}]}`)
	f.Add(`"{\"keys\":[]}"`)
	f.Add(`{"keys":[{"kty":"EC","crv":"P-384","x":"AA","y":"AA","d":"AA"}]}`)
	f.Fuzz(func(t *testing.T, raw string) {
		out, err := parseClientJWKS(json.RawMessage(raw))
		if err != nil || out == "" {
			return
		}
		for _, private := range []string{`"d":`, `"p":`, `"q":`} {
			if strings.Contains(out, private) {
				t.Fatalf("kept a private member: %s", out)
			}
		}
	})
}
