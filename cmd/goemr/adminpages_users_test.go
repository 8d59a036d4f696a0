package main

import (
	"net/http"
	"net/url"
	"testing"
)

// TestAdminUsers: add, disable, enable, reset password and set
// permissions; bad input and self-lockout are refused next to the field.
func TestAdminUsers(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ctx := t.Context()
		b := newStaffBrowser(t, e.URL)
		b.signIn("admin", "pass")
		add := url.Values{"username": {"nina"}, "fname": {"Nina"}, "lname": {"Nurse"}, "email": {"nina@example.org"},
			"password": {"pw"}, "acl": {"clin"}, "acl_other": {"acct/rep:view"}}
		pg := b.submit("users", "users", add).want(t, http.StatusBadRequest)
		pg.has(t, `id="password-error"`, "at least 4 characters", `value="nina"`)
		add.Set("password", "long enough")
		add.Set("acl_other", "not an entry")
		b.submit("users", "users", add).want(t, http.StatusBadRequest).has(t, `id="acl_other-error"`)
		if _, err := e.Store.UserByUsername(ctx, "nina"); err == nil {
			t.Fatal("a refused form created the user")
		}
		add.Del("csrf") // submit left the last page's token in the form
		b.post("users", add).want(t, http.StatusForbidden)
		add.Set("acl_other", "acct/rep:view")
		pg = b.submit("users", "users", add).want(t, http.StatusSeeOther)
		if pg.Location != "/admin/default/users?done=user-added" {
			t.Errorf("add redirects to %s", pg.Location)
		}
		audited(t, e, "user.add", "nina")
		u, err := e.Store.UserByUsername(ctx, "nina")
		if err != nil || !u.Active || len(u.ACL) != 2 || !u.ACL.Allows("patients", "demo", true) || u.Email != "nina@example.org" {
			t.Fatalf("added user %+v, %v", u, err)
		}
		b.submit("users", "users", add).want(t, http.StatusBadRequest).has(t, "exists already")
		nina := newStaffBrowser(t, e.URL)
		nina.signIn("nina", "long enough")

		// Reset the password; the old one stops working.
		b.submit("users/nina", "users/nina/password", url.Values{"password": {"abc"}}).want(t, http.StatusBadRequest).has(t, `id="password-error"`)
		b.submit("users/nina", "users/nina/password", url.Values{"password": {"new secret"}}).want(t, http.StatusSeeOther)
		audited(t, e, "user.password", "nina")
		newStaffBrowser(t, e.URL).submit("signin", "signin", url.Values{"username": {"nina"}, "password": {"long enough"}}).want(t, http.StatusUnauthorized)
		newStaffBrowser(t, e.URL).signIn("nina", "new secret")

		// Permissions.
		b.submit("users/nina", "users/nina/acl", url.Values{"acl": {"front"}, "acl_other": {"bad entry!"}}).want(t, http.StatusBadRequest)
		b.submit("users/nina", "users/nina/acl", url.Values{"acl": {"front", "admin"}}).want(t, http.StatusSeeOther)
		audited(t, e, "user.acl", "nina front admin")
		nina.get("users").want(t, http.StatusOK) // the new access applies to her live session

		// Disable signs her out at once; enable lets her back.
		b.submit("users/nina", "users/nina/disable", nil).want(t, http.StatusSeeOther)
		audited(t, e, "user.disable", "nina")
		nina.get("users").want(t, http.StatusSeeOther)
		b.get("users").has(t, `<span class="badge off">disabled</span>`)
		b.submit("users/nina", "users/nina/enable", nil).want(t, http.StatusSeeOther)
		newStaffBrowser(t, e.URL).signIn("nina", "new secret")

		// An administrator cannot lock themself out.
		b.submit("users/admin", "users/admin/disable", nil).want(t, http.StatusBadRequest).has(t, "cannot disable your own account")
		b.submit("users/admin", "users/admin/acl", url.Values{"acl": {"front"}}).want(t, http.StatusBadRequest).has(t, "cannot remove your own admin access")
		if me, _ := e.Store.UserByUsername(ctx, "admin"); !me.Active || !me.ACL.Allows("admin", "super", false) {
			t.Errorf("the administrator locked themself out: %+v", me)
		}
		b.get("users/nobody").want(t, http.StatusNotFound)
	})
}
