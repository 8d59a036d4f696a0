package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The load client must read chunked and sized bodies alike, count only
// 200 answers, and report every other status as an error.
func TestRunLoad(t *testing.T) {
	big := strings.Repeat("x", 10_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		switch r.URL.Path {
		case "/chunked":
			w.Write([]byte(big[:3000])) // over net/http's buffer: sent chunked
			w.(http.Flusher).Flush()
			w.Write([]byte(big))
		case "/fail":
			http.Error(w, "no", http.StatusTeapot)
		default:
			w.Write([]byte(`{}`))
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	form := url.Values{"a": {"b"}}

	ok := runLoad(host, 0, fixed(formRequest(host, "/chunked", form, "id", "secret")), 2, 50*time.Millisecond, 200*time.Millisecond, nil)
	if !ok.Valid() || ok.Count == 0 || ok.P50 <= 0 || ok.P99 < ok.P50 {
		t.Fatalf("chunked run: %+v", ok)
	}
	bad := runLoad(host, 0, fixed(formRequest(host, "/fail", form, "", "")), 2, 0, 100*time.Millisecond, nil)
	if bad.Valid() || bad.Errors == 0 || bad.Statuses[http.StatusTeapot] != bad.Errors || bad.Count != 0 {
		t.Fatalf("failing run: %+v", bad)
	}
	p := &pool{reqs: [][]byte{formRequest(host, "/", form, "", "")}}
	ex := runLoad(host, 0, p, 1, 0, 100*time.Millisecond, nil)
	if !ex.Exhausted || ex.Valid() {
		t.Fatalf("exhausted pool not reported: %+v", ex)
	}
}
