package openapi

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"text/template"

	"goemr/internal/resource"
	"goemr/internal/web"
)

//go:embed ui
var uiFS embed.FS

// Prefix is where the handler serves: the UI at /swagger/ and the document
// at /swagger/openapi.json (DESIGN.md §4).
const Prefix = "/swagger/"

// Mount serves the OpenAPI document and Swagger UI on mux under Prefix.
func Mount(mux *http.ServeMux, baseURL string) error {
	h, err := Handler(baseURL)
	if err != nil {
		return err
	}
	mux.Handle("GET "+Prefix, h)
	return nil
}

// Handler serves the OpenAPI document of resource.Routes for a server
// whose Site Address is baseURL, and Swagger UI over it, under Prefix.
// Everything is built here, once; requests only copy bytes.
func Handler(baseURL string) (http.Handler, error) {
	return newHandler(strings.TrimRight(baseURL, "/"), resource.Routes)
}

type handler struct {
	assets map[string]*asset // by name under Prefix; "" is the index
	csp    string
}

func newHandler(base string, routes []*resource.Route) (*handler, error) {
	s, err := build(base, routes)
	if err != nil {
		return nil, err
	}
	doc, err := marshal(s)
	if err != nil {
		return nil, err
	}
	start, err := initializer(s.staffScopes())
	if err != nil {
		return nil, err
	}
	h := &handler{assets: map[string]*asset{}, csp: pageCSP(base)}
	files, err := fs.Sub(uiFS, "ui")
	if err != nil {
		return nil, err
	}
	err = fs.WalkDir(files, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		body, err := fs.ReadFile(files, name)
		h.assets[name] = newAsset(name, body)
		return err
	})
	if err != nil {
		return nil, err
	}
	h.assets["openapi.json"] = newAsset("openapi.json", doc)
	h.assets["swagger-initializer.js"] = newAsset("swagger-initializer.js", start)
	h.assets[""] = h.assets["index.html"]
	return h, nil
}

func marshal(s *spec) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("openapi: %w", err)
	}
	return buf.Bytes(), nil
}

// initializer renders ui/swagger-initializer.js with the scopes the
// Authorize dialog preselects.
func initializer(scopes []string) ([]byte, error) {
	t, err := template.ParseFS(uiFS, "ui/swagger-initializer.js")
	if err != nil {
		return nil, err
	}
	list, err := json.Marshal(strings.Join(scopes, " "))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, struct{ Scopes string }{string(list)}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pageCSP is the Content-Security-Policy of the UI's pages. Swagger UI
// needs only its own scripts (no inline script, no eval), but it sets
// inline style attributes, hence 'unsafe-inline' for styles alone; its
// stylesheet draws icons from data: URIs and downloads show as blob: URLs.
// It calls the API and the token endpoint at the Site Address, which may
// not be the origin the page was loaded from.
func pageCSP(base string) string {
	connect := "'self'"
	if u, err := url.Parse(base); err == nil && u.Scheme != "" && u.Host != "" {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: blob:; connect-src " + connect + "; object-src 'none'; " +
		"frame-ancestors 'none'; base-uri 'self'"
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	a := h.assets[name]
	if !ok || a == nil {
		web.WriteJSON(w, http.StatusNotFound, "", map[string]string{"error": "not_found", "error_description": "no such file: " + r.URL.Path})
		return
	}
	if a.html {
		w.Header().Set("Content-Security-Policy", h.csp)
	}
	a.serve(w, r)
}
