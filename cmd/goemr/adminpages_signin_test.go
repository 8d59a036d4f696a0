package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"goemr/internal/admin"
)

// TestAdminSignin: the sign-in frame of the pages (OWASP Authentication
// and Session Management Cheat Sheets).
func TestAdminSignin(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		t.Run("wrong password", func(t *testing.T) {
			b := newStaffBrowser(t, e.URL)
			b.submit("signin", "signin", url.Values{"username": {"admin"}, "password": {"nope"}}).
				want(t, http.StatusUnauthorized).has(t, "The username or password is wrong.")
			audited := false
			events, _ := e.Store.ListAudit(t.Context(), emrFilter("admin.signin"))
			for _, ev := range events {
				audited = audited || ev.Outcome == "failure" && ev.Subject == "admin"
			}
			if !audited {
				t.Error("failed sign-in not audited")
			}
		})
		t.Run("form token", func(t *testing.T) {
			b := newStaffBrowser(t, e.URL)
			b.get("signin")
			b.post("signin", url.Values{"username": {"admin"}, "password": {"pass"}, "csrf": {"forged"}}).want(t, http.StatusForbidden)
		})
		t.Run("open redirect", func(t *testing.T) {
			for _, next := range []string{"https://evil.example/", "//evil.example/", "/admin/default/\\evil"} {
				b := newStaffBrowser(t, e.URL)
				pg := b.submit("signin?next="+url.QueryEscape(next), "signin", url.Values{"username": {"admin"}, "password": {"pass"}, "next": {next}})
				if pg.Status != http.StatusSeeOther || pg.Location != "/admin/default/" {
					t.Errorf("next=%s: %d to %q", next, pg.Status, pg.Location)
				}
			}
			b := newStaffBrowser(t, e.URL)
			pg := b.submit("signin", "signin", url.Values{"username": {"admin"}, "password": {"pass"}, "next": {"/admin/default/users"}})
			if pg.Location != "/admin/default/users" {
				t.Errorf("a page of the site as next: %q", pg.Location)
			}
		})
		t.Run("rotation and sign-out", func(t *testing.T) {
			b := newStaffBrowser(t, e.URL)
			planted := &http.Cookie{Name: "goemr_staff", Value: "planted-by-attacker", Path: "/admin/default/"}
			u, _ := url.Parse(e.URL + "/admin/default/")
			b.c.Jar.SetCookies(u, []*http.Cookie{planted})
			b.signIn("admin", "pass")
			first := b.cookie("goemr_staff")
			if first == "" || first == planted.Value {
				t.Fatalf("session cookie after sign-in %q: not rotated", first)
			}
			b.get("users").want(t, http.StatusOK)
			b.submit("users", "signout", nil).want(t, http.StatusSeeOther)
			if b.cookie("goemr_staff") != "" {
				t.Error("sign-out left the session cookie")
			}
			replay := newStaffBrowser(t, e.URL)
			replay.c.Jar.SetCookies(u, []*http.Cookie{{Name: "goemr_staff", Value: first, Path: "/admin/default/"}})
			if pg := replay.get("users"); pg.Status != http.StatusSeeOther || !strings.HasPrefix(pg.Location, "/admin/default/signin") {
				t.Errorf("replayed cookie after sign-out: %d %s", pg.Status, pg.Location)
			}
		})
		t.Run("throttled after five failures", func(t *testing.T) {
			addStaff(t, e, "victim")
			b := newStaffBrowser(t, e.URL)
			for range 5 {
				b.submit("signin", "signin", url.Values{"username": {"victim"}, "password": {"wrong"}}).want(t, http.StatusUnauthorized)
			}
			b.submit("signin", "signin", url.Values{"username": {"victim"}, "password": {"secret"}}).
				want(t, http.StatusTooManyRequests).has(t, "Too many failed attempts")
		})
	})
}

// TestAdminIdleTimeout: a session unused for 30 minutes ends; one in use
// slides on. The pages run on a clock the test moves.
func TestAdminIdleTimeout(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		var mu sync.Mutex
		now := time.Now()
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
		mux := http.NewServeMux()
		admin.New(admin.Stores{Users: e.Store, Clients: e.Store, Sessions: e.Store, Settings: e.Store, Audit: e.Store,
			ClientAdmin: e.Store}, e.app.auth, admin.Options{Now: clock}).Routes(mux)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		b := newStaffBrowser(t, srv.URL)
		b.signIn("admin", "pass")
		advance(20 * time.Minute)
		b.get("users").want(t, http.StatusOK) // slides the idle expiry
		advance(20 * time.Minute)
		b.get("users").want(t, http.StatusOK)
		advance(31 * time.Minute)
		pg := b.get("users").want(t, http.StatusSeeOther)
		if pg.Location != "/admin/default/signin?next=%2Fadmin%2Fdefault%2Fusers" {
			t.Errorf("after the idle time: %s", pg.Location)
		}
	})
}
