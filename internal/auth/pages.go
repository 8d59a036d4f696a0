package auth

import (
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"

	"goemr/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

var pages = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// renderPage writes an HTML page with headers that keep it out of frames and
// caches and allow no script at all.
func renderPage(w http.ResponseWriter, status int, name string, data any) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		slog.Error("render page", "page", name, "err", err)
	}
}

// writePageError shows an error of a browser-facing endpoint as a page.
func writePageError(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pageError
	if !errors.As(err, &pe) {
		oe := toOAuth(err)
		if oe.Status >= 500 {
			slog.Error("authorization page", "path", r.URL.Path, "request_id", web.RequestID(r.Context()), "err", err)
			pe = &pageError{500, "Something went wrong on the server. Please try again."}
		} else {
			pe = &pageError{oe.Status, oe.Description}
		}
	}
	renderPage(w, pe.Status, "error.html", map[string]any{"Title": "Cannot continue", "Message": pe.Message})
}
