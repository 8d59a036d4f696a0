package admin

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/admin.css
var stylesheet []byte

// pages holds one template set per page: layout.html plus the page's own
// file, so every page can define its own "content" block.
var pages = parsePages()

func parsePages() map[string]*template.Template {
	funcs := template.FuncMap{"join": strings.Join}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		out[base] = template.Must(template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n))
	}
	return out
}

// view is what every page template gets: the page's own data in Data, the
// signed-in user (nil on the sign-in page) and the form token.
type view struct {
	Title  string
	Site   string
	Nav    string // which navigation entry is current
	Me     *staff
	CSRF   string
	Error  string            // a message for the whole page
	Flash  string            // the outcome of the last action
	Errors map[string]string // messages next to form fields, by field name
	Data   any
}

// contentSecurityPolicy allows the one stylesheet and no script: the pages
// work without JavaScript. No form-action: the launch form is answered with
// a redirect to the app, which form-action would block in Chromium.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"

// render writes a page with headers that keep it out of frames and caches.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v *view) {
	v.Site = r.PathValue("site")
	if v.Me != nil && v.CSRF == "" {
		v.CSRF = v.Me.Session.CSRF
	}
	t, ok := pages[name]
	if !ok {
		s.log.Error("unknown page template", "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "same-origin")
	w.WriteHeader(status)
	if err := t.ExecuteTemplate(w, "layout", v); err != nil {
		s.log.Error("render page", "page", name, "err", err)
	}
}

// pageError is an error shown to the user as it is.
type pageError struct {
	Status  int
	Message string
}

func (e *pageError) Error() string { return e.Message }

// writeError shows a handler's error as a page: a pageError or a domain
// error with its message, anything else as a generic 500 (logged).
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	pe := &pageError{}
	if !errors.As(err, &pe) {
		status := web.Status(emr.ErrorCode(err))
		pe = &pageError{status, emr.ErrorMessage(err)}
		if status >= 500 {
			s.log.Error("admin page", "path", r.URL.Path, "request_id", web.RequestID(r.Context()), "err", err)
			pe.Message = "Something went wrong on the server. Please try again."
		}
	}
	s.render(w, r, pe.Status, "error.html", &view{Title: http.StatusText(pe.Status), Error: pe.Message, Me: staffOf(r)})
}

func (s *Server) handleStylesheet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(stylesheet)
}
