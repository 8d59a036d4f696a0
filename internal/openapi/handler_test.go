package openapi

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	if err := Mount(mux, testBase); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// The transport must not decode gzip itself: the tests look at it.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func TestHandlerServesUI(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		path, ctype string
		contains    []string
	}{
		{"/swagger/", "text/html; charset=utf-8", []string{`src="swagger-ui-bundle.js"`, `src="swagger-initializer.js"`, `href="swagger-ui.css"`}},
		{"/swagger/index.html", "text/html; charset=utf-8", []string{`src="swagger-ui-bundle.js"`}},
		{"/swagger/swagger-ui-bundle.js", "text/javascript; charset=utf-8", []string{"SwaggerUIBundle"}},
		{"/swagger/swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8", []string{"SwaggerUIStandalonePreset"}},
		{"/swagger/swagger-ui.css", "text/css; charset=utf-8", []string{".swagger-ui"}},
		{"/swagger/oauth2-redirect.html", "text/html; charset=utf-8", []string{`src="oauth2-redirect.js"`}},
		{"/swagger/oauth2-redirect.js", "text/javascript; charset=utf-8", []string{"swaggerUIRedirectOauth2"}},
		{"/swagger/favicon-32x32.png", "image/png", []string{"PNG"}},
		{"/swagger/LICENSE", "text/plain; charset=utf-8", []string{"Apache License"}},
		{"/swagger/swagger-initializer.js", "text/javascript; charset=utf-8", []string{
			"usePkceWithAuthorizationCodeGrant: true", `"openid api:oemr `, "user/patient.s", `"oauth2-redirect.html"`,
		}},
	}
	for _, tt := range tests {
		res, body := get(t, srv.URL+tt.path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", tt.path, res.Status)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, got, tt.ctype)
		}
		for _, s := range tt.contains {
			if !bytes.Contains(body, []byte(s)) {
				t.Errorf("GET %s: body lacks %q", tt.path, s)
			}
		}
		csp := res.Header.Get("Content-Security-Policy")
		if html := strings.HasSuffix(tt.ctype, "html; charset=utf-8"); html != (csp != "") {
			t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
		}
	}
}

func TestHandlerServesDocument(t *testing.T) {
	srv := testServer(t)
	res, body := get(t, srv.URL+"/swagger/openapi.json")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET openapi.json: %s %s", res.Status, res.Header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Servers []struct {
			URL string `json:"url"`
		} `json:"servers"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.OpenAPI != "3.0.3" || len(doc.Servers) != 1 || doc.Servers[0].URL != testBase {
		t.Errorf("openapi.json: openapi %q, servers %+v", doc.OpenAPI, doc.Servers)
	}
	want, err := Document(testBase)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(body, want) {
		t.Error("served document differs from Document")
	}
}

func TestHandlerCachingAndCompression(t *testing.T) {
	srv := testServer(t)
	url := srv.URL + "/swagger/swagger-ui-bundle.js"
	plainRes, plain := get(t, url)
	etag := plainRes.Header.Get("ETag")
	if etag == "" || plainRes.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, plainRes.Header.Get("Cache-Control"))
	}
	if res, _ := get(t, url, "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %s, want 304", res.Status)
	}
	res, body := get(t, url, "Accept-Encoding", "br, gzip")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("ETag") == etag {
		t.Fatalf("gzip: Content-Encoding %q, ETag %q", res.Header.Get("Content-Encoding"), res.Header.Get("ETag"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, plain) {
		t.Errorf("gzip body does not decode to the file (err %v)", err)
	}
	if res, _ := get(t, url, "Accept-Encoding", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent although refused with q=0")
	}
}

func TestHandlerNotFound(t *testing.T) {
	srv := testServer(t)
	for _, path := range []string{"/swagger/nope.js", "/swagger/ui/index.html", "/swagger/swagger-ui-bundle.js.map", "/swagger/VERSION/x"} {
		if res, _ := get(t, srv.URL+path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", path, res.Status)
		}
	}
	if res, _ := get(t, srv.URL+"/swagger"); res.StatusCode/100 != 3 || res.Header.Get("Location") != "/swagger/" {
		t.Errorf("GET /swagger: %s to %q, want a redirect to /swagger/", res.Status, res.Header.Get("Location"))
	}
}
