package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/emr"
)

// chartBrowser is a signed-in staff browser on the pages: a cookie jar,
// redirects not followed (the tests check them), and the form token of the
// last page that had one.
type chartBrowser struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

// chartPage is one answer of the pages.
type chartPage struct {
	Status   int
	Location string
	Body     string
}

var chartCSRFField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// chartSignIn signs username in through the sign-in form.
func chartSignIn(t *testing.T, e *apiEnv, username, password string) *chartBrowser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	b := &chartBrowser{t: t, base: e.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	b.get("/admin/default/signin").want(t, 200)
	p := b.post("/admin/default/signin", url.Values{"username": {username}, "password": {password}})
	if p.Status != http.StatusSeeOther || p.Location != "/admin/default/" {
		t.Fatalf("sign in %s: %d %s %s", username, p.Status, p.Location, p.Body)
	}
	b.get("/admin/default/").want(t, 200)
	return b
}

// chartUser adds an active staff user with acl.
func chartUser(t *testing.T, e *apiEnv, username, password string, acl emr.ACL) {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	u := &emr.User{Username: username, PasswordHash: hash, Fname: "Test", Lname: "User", Active: true, ACL: acl}
	if err := e.Store.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
}

func (b *chartBrowser) do(req *http.Request) *chartPage {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	p := &chartPage{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Body: string(raw)}
	if m := chartCSRFField.FindStringSubmatch(p.Body); m != nil {
		b.csrf = m[1]
	}
	return p
}

func (b *chartBrowser) get(path string) *chartPage {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.base+path, nil)
	return b.do(req)
}

// post sends form with the current form token unless form has its own
// (or an empty one, to leave it out).
func (b *chartBrowser) post(path string, form url.Values) *chartPage {
	b.t.Helper()
	if _, set := form["csrf"]; !set {
		form.Set("csrf", b.csrf)
	} else if form.Get("csrf") == "" {
		form.Del("csrf")
	}
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func (p *chartPage) want(t *testing.T, status int) *chartPage {
	t.Helper()
	if p.Status != status {
		t.Fatalf("status %d, want %d: %s", p.Status, status, p.Body)
	}
	return p
}

// has fails the test for each of parts the page does not contain.
func (p *chartPage) has(t *testing.T, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(p.Body, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}
