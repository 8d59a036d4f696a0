package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAdminPagesAccess: every Administration page opens for an
// administrator, is refused to a signed-in user without admin/super, and
// sends an anonymous visitor to sign in (and back afterwards).
func TestAdminPagesAccess(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		addStaff(t, e, "fran", "front")
		pages := []string{"clients", "clients/" + e.client.ID, "connectors", "users", "users/admin", "audit", "audit?tab=security"}
		anon := newStaffBrowser(t, e.URL)
		for _, p := range pages {
			pg := anon.get(p).want(t, http.StatusSeeOther)
			want := "/admin/default/signin?" + url.Values{"next": {"/admin/default/" + p}}.Encode()
			if pg.Location != want {
				t.Errorf("anonymous %s: Location %q, want %q", p, pg.Location, want)
			}
		}
		front := newStaffBrowser(t, e.URL)
		front.signIn("fran", "secret")
		for _, p := range pages {
			front.get(p).want(t, http.StatusForbidden).has(t, "permission")
		}
		// A refused POST changes nothing either.
		tok := front.csrf("")
		front.post("clients/"+e.client.ID+"/disable", url.Values{"csrf": {tok}}).want(t, http.StatusForbidden)
		if c, _ := e.Store.ClientByID(t.Context(), e.client.ID); !c.Enabled {
			t.Error("a non-administrator disabled a client")
		}
		admin := newStaffBrowser(t, e.URL)
		admin.signIn("admin", "pass")
		for _, p := range pages {
			pg := admin.get(p).want(t, http.StatusOK)
			if !strings.Contains(pg.Body, `<meta name="viewport"`) || !strings.Contains(pg.Body, `aria-current="page"`) {
				t.Errorf("%s: not a full page with its navigation entry", p)
			}
			for _, input := range inputIDs.FindAllStringSubmatch(pg.Body, -1) {
				if !strings.Contains(pg.Body, `for="`+input[1]+`"`) {
					t.Errorf("%s: input %s has no label", p, input[1])
				}
			}
		}
	})
}
