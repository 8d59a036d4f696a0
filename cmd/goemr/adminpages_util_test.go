package main

import (
	"context"
	"encoding/json"
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

// staffBrowser is a browser on the administration pages: a cookie jar,
// redirects not followed, so each test sees the 303s.
type staffBrowser struct {
	t    testing.TB
	base string
	c    *http.Client
}

func newStaffBrowser(t testing.TB, base string) *staffBrowser {
	jar, _ := cookiejar.New(nil)
	return &staffBrowser{t: t, base: base, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// adminPage is a response of a page.
type adminPage struct {
	Status   int
	Location string
	Body     string
}

func (b *staffBrowser) do(req *http.Request) *adminPage {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return &adminPage{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Body: string(raw)}
}

// get opens a page below /admin/default/.
func (b *staffBrowser) get(p string) *adminPage {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.base+"/admin/default/"+p, nil)
	return b.do(req)
}

// post submits form to a page below /admin/default/ as it is (no token
// added).
func (b *staffBrowser) post(p string, form url.Values) *adminPage {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.base+"/admin/default/"+p, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the form token from a page.
func (b *staffBrowser) csrf(p string) string {
	b.t.Helper()
	pg := b.get(p).want(b.t, 200)
	m := csrfField.FindStringSubmatch(pg.Body)
	if m == nil {
		b.t.Fatalf("no csrf field on %s", p)
	}
	return m[1]
}

// submit posts form to action with the token of the page it came from.
func (b *staffBrowser) submit(from, action string, form url.Values) *adminPage {
	b.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", b.csrf(from))
	return b.post(action, form)
}

// signIn signs in through the form and fails the test unless it worked.
func (b *staffBrowser) signIn(username, password string) {
	b.t.Helper()
	pg := b.submit("signin", "signin", url.Values{"username": {username}, "password": {password}})
	if pg.Status != http.StatusSeeOther || pg.Location != "/admin/default/" {
		b.t.Fatalf("sign in as %s: %d %s %s", username, pg.Status, pg.Location, pg.Body)
	}
}

// cookie is the value of the browser's cookie name for the pages.
func (b *staffBrowser) cookie(name string) string {
	u, _ := url.Parse(b.base + "/admin/default/")
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (p *adminPage) want(t testing.TB, status int) *adminPage {
	t.Helper()
	if p.Status != status {
		t.Fatalf("status %d, want %d: %s %s", p.Status, status, p.Location, p.Body)
	}
	return p
}

// has fails unless the page shows text.
func (p *adminPage) has(t testing.TB, texts ...string) *adminPage {
	t.Helper()
	for _, text := range texts {
		if !strings.Contains(p.Body, text) {
			t.Errorf("page lacks %q:\n%s", text, p.Body)
		}
	}
	return p
}

// addStaff creates an active user with access acl (password "secret").
func addStaff(t testing.TB, e *apiEnv, username string, acl ...string) *emr.User {
	t.Helper()
	hash, err := auth.HashPassword("secret")
	if err != nil {
		t.Fatal(err)
	}
	u := &emr.User{Username: username, Fname: "Fran", Lname: "Front", PasswordHash: hash, Active: true, ACL: acl}
	if err := e.Store.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

// audited fails unless the security log has event about detail or client.
func audited(t testing.TB, e *apiEnv, event, contains string) {
	t.Helper()
	events, err := e.Store.ListAudit(context.Background(), emr.AuditFilter{Event: event})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		if strings.Contains(ev.Detail+" "+ev.ClientID, contains) && ev.Outcome == "success" && ev.Subject != "" {
			return
		}
	}
	t.Errorf("no %s event about %q in %d events", event, contains, len(events))
}

// inputIDs finds the visible form fields of a page: each must have a label.
var inputIDs = regexp.MustCompile(`<(?:input|select|textarea) (?:type="(?:text|password|email|number|url|date|search|checkbox)" )?id="([^"]+)"`)

func emrFilter(event string) emr.AuditFilter { return emr.AuditFilter{Event: event} }

// tokenStatus posts form to the token endpoint and fails unless the
// answer has status; it returns the access token, if any.
func tokenStatus(t testing.TB, e *apiEnv, form url.Values, status int) string {
	t.Helper()
	resp, err := http.PostForm(e.URL+"/oauth2/default/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("token: %d, want %d: %s", resp.StatusCode, status, raw)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	json.Unmarshal(raw, &tok)
	return tok.AccessToken
}

func regexpMust(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }
