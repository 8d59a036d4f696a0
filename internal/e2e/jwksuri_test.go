package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/go-jose/go-jose/v4"
)

// TestJWKSURI: a backend client registered with jwks_uri; goemr fetches the
// set, honours Cache-Control, and refetches when the client rotates to a
// key with a new kid.
func TestJWKSURI(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		var mu sync.Mutex
		var fetches atomic.Int32
		current := map[string]any{}
		keyA, setA := RSAKey("a")
		keyB, setB := RSAKey("b")
		current = setA
		jwks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fetches.Add(1)
			mu.Lock()
			defer mu.Unlock()
			w.Header().Set("Cache-Control", "max-age=300")
			json.NewEncoder(w).Encode(current)
		}))
		defer jwks.Close()
		reg, _, err := s.Register(map[string]any{"application_type": "private", "redirect_uris": []string{"https://b.example.org/cb"},
			"token_endpoint_auth_method": "private_key_jwt", "jwks_uri": jwks.URL + "/jwks.json", "scope": "system/Patient.rs"})
		if err != nil {
			t.Fatal(err)
		}
		token := func(key jose.JSONWebKey) int {
			status, _, _ := PostForm(s.TokenURL(), url.Values{"grant_type": {"client_credentials"}, "scope": {"system/Patient.rs"},
				"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
				"client_assertion":      {Assertion(key, jose.RS384, reg.ClientID, s.TokenURL(), nil)}}, "", "")
			return status
		}
		for i := 0; i < 3; i++ {
			if st := token(keyA); st != 200 {
				t.Fatalf("token %d with key a: %d", i, st)
			}
		}
		if n := fetches.Load(); n != 1 {
			t.Errorf("jwks_uri fetched %d times for 3 tokens within max-age, want 1", n)
		}
		mu.Lock()
		current = setB
		mu.Unlock()
		if st := token(keyB); st != 200 {
			t.Fatalf("token after the client rotated to key b: %d", st)
		}
		if n := fetches.Load(); n != 2 {
			t.Errorf("jwks_uri fetched %d times, want a refetch on the unknown kid", n)
		}
		if st := token(keyA); st == 200 {
			t.Error("the retired key a still authenticates")
		}
	})
}
