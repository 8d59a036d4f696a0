package main

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/config"
	"goemr/internal/demo"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// smartEnv is the whole server through the real router, as apiEnv, with
// the demo flag (approve every app at once) chosen by the test.
type smartEnv struct {
	URL   string
	Store *store.Store
	app   *app
}

func newSmartEnv(t *testing.T, d emrtest.NamedDB, demoFlag bool) *smartEnv {
	ctx := context.Background()
	st := store.New(d.DB)
	if _, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	cfg := config.Default()
	cfg.Demo = demoFlag
	cfg.DataDir = t.TempDir()
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	a, err := newApp(ctx, &cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), d.DB, st)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = a.handler
	ts.Start()
	t.Cleanup(func() { ts.Close(); a.close() })
	return &smartEnv{URL: ts.URL, Store: st, app: a}
}

// browser is a cookie-keeping client that does not follow redirects, so a
// test sees each step of a page flow.
type browser struct {
	t *testing.T
	c *http.Client
}

type page struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) get(u string) *page {
	b.t.Helper()
	return b.do(http.NewRequest(http.MethodGet, u, nil))
}

func (b *browser) post(u string, form url.Values) *page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err == nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return b.do(req, err)
}

func (b *browser) do(req *http.Request, err error) *page {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: string(raw), Location: resp.Header.Get("Location")}
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`)

// hidden returns the value of the page's hidden input name.
func (p *page) hidden(name string) string {
	for _, m := range hiddenInput.FindAllStringSubmatch(p.Body, -1) {
		if m[1] == name {
			return html.UnescapeString(m[2])
		}
	}
	return ""
}

// follow resolves the page's Location against base.
func (p *page) follow(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return p.Location
	}
	loc, err := u.Parse(p.Location)
	if err != nil {
		return p.Location
	}
	return loc.String()
}
