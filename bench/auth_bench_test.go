package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/auth"
	"goemr/internal/demo"
	"goemr/internal/e2e"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// Routes of the no-op handler: the same handler, mounted bare and behind
// the authorizer, on one mux, with paths of the same length.
const (
	plainPath  = "/apis/default/plain/noop"
	securePath = "/apis/default/token/noop"
)

// authEnv is an in-process authorization server over one temporary
// database, with a valid access token for the demo admin.
type authEnv struct {
	name       string
	mux        *http.ServeMux
	token      string // access token of admin, from the password grant
	rsID       string // confidential client, client_secret_basic
	rsSecret   string
	backendID  string // SMART Backend Services client, RS384 private_key_jwt
	backendKey jose.JSONWebKey
}

// authEnvs builds an authEnv per database engine: SQLite always, PostgreSQL
// when GOEMR_TEST_PG is set.
func authEnvs(b *testing.B) []authEnv {
	b.Helper()
	ctx := context.Background()
	var out []authEnv
	for _, d := range emrtest.DBs(b) {
		st := store.New(d.DB)
		if _, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword); err != nil {
			b.Fatal(err)
		}
		srv, err := auth.New(ctx, auth.Stores{
			Users: st, Patients: st, Clients: st, Tokens: st, Keys: st, Sessions: st,
			Settings: st, Sites: st, Audit: st, Throttle: st,
		}, auth.Options{BaseURL: "http://goemr.bench", Demo: true, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		mux := http.NewServeMux()
		srv.Routes(mux)
		noop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		mux.Handle("GET /apis/{site}/plain/noop", noop)
		mux.Handle("GET /apis/{site}/token/noop", srv.Require(writeError, nil)(noop))
		e := authEnv{name: d.Name, mux: mux}
		e.rsID, e.rsSecret = registerClient(b, mux, map[string]any{
			"token_endpoint_auth_method": "client_secret_basic", "scope": passwordScope,
		})
		var jwks map[string]any
		e.backendKey, jwks = e2e.RSAKey("bench-k1")
		e.backendID, _ = registerClient(b, mux, map[string]any{
			"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks, "scope": backendScope,
		})
		var tok struct {
			AccessToken string `json:"access_token"`
		}
		serveJSON(b, mux, e.passwordRequest(), http.StatusOK, &tok)
		if tok.AccessToken == "" {
			b.Fatal("no access token")
		}
		e.token = tok.AccessToken
		out = append(out, e)
	}
	return out
}

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	http.Error(w, err.Error(), http.StatusUnauthorized)
}

// Scopes of the benchmark clients.
const (
	passwordScope = "openid api:oemr user/Patient.rs"
	backendScope  = "system/Patient.rs system/Observation.rs"
)

// registerClient registers a confidential client with the given metadata
// over the registration endpoint and returns its id and secret.
func registerClient(b *testing.B, mux *http.ServeMux, meta map[string]any) (id, secret string) {
	b.Helper()
	meta["application_type"] = "private"
	meta["client_name"] = "bench"
	meta["redirect_uris"] = []string{"https://bench.example.org/cb"}
	raw, _ := json.Marshal(meta)
	req := httptest.NewRequest(http.MethodPost, "/oauth2/default/registration", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	var reg struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	serveJSON(b, mux, req, http.StatusCreated, &reg)
	return reg.ClientID, reg.ClientSecret
}

// passwordRequest is a password grant for admin/pass (user_role=users).
func (e *authEnv) passwordRequest() *http.Request {
	form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"},
		"password": {"pass"}, "scope": {passwordScope}}
	return e.formRequest("/oauth2/default/token", form, true)
}

// formRequest is a form POST, with the confidential client's Basic
// credentials when basic is set.
func (e *authEnv) formRequest(path string, form url.Values, basic bool) *http.Request {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(url.QueryEscape(e.rsID), url.QueryEscape(e.rsSecret))
	}
	return req
}

func serveJSON(b *testing.B, h http.Handler, req *http.Request, want int, dst any) {
	b.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	body, _ := io.ReadAll(w.Body)
	if w.Code != want {
		b.Fatalf("%s %s: %d %s", req.Method, req.URL.Path, w.Code, body)
	}
	if err := json.Unmarshal(body, dst); err != nil {
		b.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
}

// benchRoute serves path through the mux b.N times and checks every answer.
func benchRoute(b *testing.B, e authEnv, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	check := func() {
		w := httptest.NewRecorder()
		e.mux.ServeHTTP(w, req)
		if w.Code != http.StatusNoContent {
			b.Fatalf("GET %s: %d %s", path, w.Code, w.Body)
		}
	}
	check() // the first call verifies the signature and fills the token cache
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		check()
	}
}

// BenchmarkNoopRoute is the baseline: a no-op handler behind the mux only.
// The request carries the same bearer token, unread.
func BenchmarkNoopRoute(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) { benchRoute(b, e, plainPath) })
	}
}

// BenchmarkNoopRouteAuthenticated is the same handler behind
// (*auth.Server).Require: site check, token cache hit, expiry and site
// checks, and the revocation lookup in the database that every call makes.
// The difference from BenchmarkNoopRoute is the latency the authorizer adds
// to each authenticated request once the token is cached.
func BenchmarkNoopRouteAuthenticated(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) { benchRoute(b, e, securePath) })
	}
}

// benchRouteParallel is benchRoute from 16 goroutines at once (8 per
// GOMAXPROCS on this 2-CPU machine), like the load generator's 16
// connections: ns/op is then the CPU cost per request rather than the
// latency of one.
func benchRouteParallel(b *testing.B, e authEnv, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	w := httptest.NewRecorder()
	e.mux.ServeHTTP(w, req) // fills the token cache
	if w.Code != http.StatusNoContent {
		b.Fatalf("GET %s: %d %s", path, w.Code, w.Body)
	}
	b.ResetTimer()
	b.ReportAllocs()
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+e.token)
		for pb.Next() {
			w := httptest.NewRecorder()
			e.mux.ServeHTTP(w, req)
			if w.Code != http.StatusNoContent {
				b.Errorf("GET %s: %d %s", path, w.Code, w.Body)
				return
			}
		}
	})
}

// BenchmarkNoopRouteParallel and BenchmarkNoopRouteAuthenticatedParallel
// are the two benchmarks above under concurrency.
func BenchmarkNoopRouteParallel(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) { benchRouteParallel(b, e, plainPath) })
	}
}

func BenchmarkNoopRouteAuthenticatedParallel(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) { benchRouteParallel(b, e, securePath) })
	}
}
