package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"goemr/internal/emr"
)

// TestAdminAudit: the API log and the security events, filtered and
// paged; a bad filter is shown next to its field.
func TestAdminAudit(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		var rows []*emr.AuditEvent
		for i := range 120 {
			status := 200
			if i%3 == 0 {
				status = 404
			}
			rows = append(rows, &emr.AuditEvent{Time: time.Now(), Site: "default", Event: emr.EventAPI, Method: "GET",
				Route: "GET /api/patient/:puuid", Path: fmt.Sprintf("/apis/default/api/patient/row-%03d", i), Status: status,
				ClientID: "paging-app", Duration: time.Millisecond})
		}
		if err := e.Store.RecordAudits(t.Context(), rows); err != nil {
			t.Fatal(err)
		}
		b := newStaffBrowser(t, e.URL)
		b.signIn("admin", "pass")

		// Three pages of 50, 50 and 20, newest first, and back.
		seen := map[string]bool{}
		next, pages := "audit?tab=api&client=paging-app", 0
		var newer []string
		for next != "" {
			pg := b.get(next).want(t, http.StatusOK)
			for _, m := range pagingRow.FindAllString(pg.Body, -1) {
				if seen[m] {
					t.Errorf("%s listed twice", m)
				}
				seen[m] = true
			}
			pages++
			next = link(pg.Body, "Older events")
			if l := link(pg.Body, "Newer events"); l != "" {
				newer = append(newer, l)
			}
		}
		if pages != 3 || len(seen) != 120 {
			t.Errorf("%d pages, %d rows; want 3 pages of all 120 rows", pages, len(seen))
		}
		if len(newer) != 2 {
			t.Fatalf("newer links: %v", newer)
		}
		back := b.get(newer[1]).want(t, http.StatusOK) // from page 3 back to page 2
		if n := len(pagingRow.FindAllString(back.Body, -1)); n != 50 || !strings.Contains(back.Body, "row-069") || !strings.Contains(back.Body, "row-020") {
			t.Errorf("page 2 again: %d rows", n)
		}

		pg := b.get("audit?tab=api&client=paging-app&status=404").want(t, http.StatusOK)
		if n := len(pagingRow.FindAllString(pg.Body, -1)); n != 40 {
			t.Errorf("status 404: %d rows, want 40", n)
		}
		b.get("audit?tab=api&route="+url.QueryEscape("GET /fhir/")).want(t, http.StatusOK).has(t, "No event matches")
		for field, q := range map[string]string{"from": "from=yesterday", "to": "from=2025-02-02&to=2025-01-01", "status": "status=99", "page": "before=x"} {
			b.get("audit?tab=api&"+q).want(t, http.StatusBadRequest).has(t, `class="field-error"`, field)
		}
		today := time.Now().UTC().Format("2006-01-02")
		b.get("audit?tab=api&client=paging-app&from="+today+"&to="+today).want(t, http.StatusOK).has(t, "row-119")
		b.get("audit?tab=api&client=paging-app&to=2000-01-01").want(t, http.StatusOK).has(t, "No event matches")

		sec := b.get("audit?tab=security").want(t, http.StatusOK)
		sec.has(t, "admin.signin")
		if strings.Contains(sec.Body, "row-0") {
			t.Error("API rows among the security events")
		}
		b.get("audit?tab=security&user=admin&event=admin.signin").want(t, http.StatusOK).has(t, "admin.signin")
		b.get("audit?tab=security&user=nobody-at-all").want(t, http.StatusOK).has(t, "No event matches")
	})
}

var pagingRow = regexpMust(`row-\d{3}`)

// link is the href of the anchor with text on a page.
func link(body, text string) string {
	i := strings.Index(body, ">"+text+"</a>")
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(body[:i], `href="`)
	href := body[start+len(`href="`) : strings.Index(body[start+len(`href="`):], `"`)+start+len(`href="`)]
	return strings.TrimPrefix(strings.ReplaceAll(href, "&amp;", "&"), "/admin/default/")
}
