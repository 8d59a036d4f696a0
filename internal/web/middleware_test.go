package web

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"goemr/internal/emr"
)

func TestMiddleware(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/panic" {
			panic("boom")
		}
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "too big", http.StatusRequestEntityTooLarge)
			return
		}
		w.Write(b)
	})
	h := Chain(echo, WithRequestID, WithLog(log), WithSecurityHeaders, WithBodyLimit(8))
	tests := []struct {
		name, path, body string
		chunked          bool
		status           int
	}{
		{"small body", "/", "hello", false, 200},
		{"declared too large", "/", "0123456789", false, 413},
		{"streamed too large", "/", "0123456789", true, 413},
		{"panic", "/panic", "", false, 500},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodPost, tt.path, strings.NewReader(tt.body))
		if tt.chunked {
			req.ContentLength = -1
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, rec.Code, tt.status)
		}
		if rec.Header().Get("X-Request-Id") == "" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: missing request id or security headers: %v", tt.name, rec.Header())
		}
		if rec.Body.Len() == 0 {
			t.Errorf("%s: empty body", tt.name)
		}
	}
}

func TestHandle(t *testing.T) {
	var got error
	h := Handle(func(w http.ResponseWriter, r *http.Request, err error) { got = err; w.WriteHeader(418) },
		func(w http.ResponseWriter, r *http.Request) error { return errors.New("x") })
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if got == nil || rec.Code != 418 {
		t.Fatalf("error not routed to the error writer: %v %d", got, rec.Code)
	}
}

// API answers are never stored by a browser; other paths keep their own
// caching.
func TestAPIAnswersAreNotStored(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/apis/default/fhir/Binary/x" {
			w.Header().Set("Cache-Control", "private, no-store, max-age=0")
		}
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
	})
	h := WithSecurityHeaders(ok)
	for path, want := range map[string]string{
		"/apis/default/fhir/Patient/1": "no-store",
		"/apis/default/api/patient":    "no-store",
		"/apis/default/fhir/Binary/x":  "private, no-store, max-age=0",
		"/swagger/index.html":          "",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if got := rec.Header().Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", path, got, want)
		}
	}
}

func TestStatus(t *testing.T) {
	for code, want := range map[string]int{
		emr.EINVALID: 400, emr.EUNAUTHORIZED: 401, emr.EFORBIDDEN: 403, emr.ENOTFOUND: 404,
		emr.ECONFLICT: 409, emr.EUNAVAILABLE: 503, emr.EINTERNAL: 500, "": 500,
	} {
		if got := Status(code); got != want {
			t.Errorf("Status(%q) = %d, want %d", code, got, want)
		}
	}
}
