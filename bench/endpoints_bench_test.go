package bench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime/pprof"
	"strings"
	"testing"

	"goemr/internal/e2e"
)

// These benchmarks run one endpoint in process, without the network, so
// that `go test -cpuprofile` shows where an endpoint's time goes. The
// server's work is labelled part=server; anything the benchmark does to
// prepare (signing client assertions) is not, so
//
//	go tool pprof -tagfocus part=server bench.test cpu.out
//
// shows the server alone. Throughput is measured by cmd/goemr-load; these
// are for profiles and per-request cost.

var serverLabels = pprof.Labels("part", "server")

// serve runs one request through the mux under the server label and
// checks the status.
func serve(b *testing.B, mux http.Handler, req *http.Request, want int) {
	w := httptest.NewRecorder()
	pprof.Do(context.Background(), serverLabels, func(context.Context) { mux.ServeHTTP(w, req) })
	if w.Code != want {
		b.Fatalf("%s %s: %d %s", req.Method, req.URL.Path, w.Code, w.Body)
	}
}

// BenchmarkIntrospect: a confidential client (client_secret_basic, its
// secret already verified once) introspects a valid access token.
func BenchmarkIntrospect(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) {
			form := url.Values{"token": {e.token}, "token_type_hint": {"access_token"}}
			b.ReportAllocs()
			for b.Loop() {
				req := e.formRequest("/oauth2/default/introspect", form, true)
				w := httptest.NewRecorder()
				pprof.Do(context.Background(), serverLabels, func(context.Context) { e.mux.ServeHTTP(w, req) })
				if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"active":true`) {
					b.Fatalf("introspect: %d %s", w.Code, w.Body)
				}
			}
		})
	}
}

// BenchmarkClientCredentials: SMART Backend Services, one fresh RS384
// assertion per grant, all signed (timer stopped) before the loop.
func BenchmarkClientCredentials(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) {
			b.StopTimer()
			signed := signAssertions(e, b.N)
			b.ReportAllocs()
			b.StartTimer()
			for i := 0; i < b.N; i++ {
				form := url.Values{"grant_type": {"client_credentials"}, "scope": {"system/Patient.rs"},
					"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
					"client_assertion":      {signed[i]}}
				serve(b, e.mux, e.formRequest("/oauth2/default/token", form, false), http.StatusOK)
			}
		})
	}
}

// BenchmarkPasswordGrant: the password grant for admin/pass.
func BenchmarkPasswordGrant(b *testing.B) {
	for _, e := range authEnvs(b) {
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				serve(b, e.mux, e.passwordRequest(), http.StatusOK)
			}
		})
	}
}

func signAssertions(e authEnv, n int) []string {
	return e2e.Assertions(e.backendKey, e.backendID, "http://goemr.bench/oauth2/default/token", n)
}
