package store_test

import (
	"testing"

	"goemr/internal/emr"
	"goemr/internal/store"
)

// TestAuditFilters: the Audit page's filters and keyset paging.
func TestAuditFilters(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		var api []*emr.AuditEvent
		for i := range 10 {
			client, status, route := "a", 200, "GET /api/patient"
			if i%2 == 1 {
				client, status, route = "b", 404, "GET /fhir/Patient/:id"
			}
			api = append(api, &emr.AuditEvent{Event: emr.EventAPI, ClientID: client, Status: status, Route: route})
		}
		must(t, s.RecordAudits(ctx, api))
		must(t, s.RecordAudit(ctx, &emr.AuditEvent{Event: "token.issue", ClientID: "a", Status: 200}))
		must(t, s.RecordAudit(ctx, &emr.AuditEvent{Event: "admin.signin", Outcome: "failure"}))
		count := func(name string, f emr.AuditFilter, want int) []*emr.AuditEvent {
			t.Helper()
			got, err := s.ListAudit(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != want {
				t.Errorf("%s: %d events, want %d", name, len(got), want)
			}
			return got
		}
		sec := count("security", emr.AuditFilter{Security: true}, 2)
		if len(sec) == 2 && (sec[0].Event != "admin.signin" || sec[1].Event != "token.issue") {
			t.Errorf("security events, newest first: %s, %s", sec[0].Event, sec[1].Event)
		}
		count("client a, all events", emr.AuditFilter{ClientID: "a"}, 6)
		count("client a, security", emr.AuditFilter{ClientID: "a", Security: true}, 1)
		count("status 404", emr.AuditFilter{Event: emr.EventAPI, Status: 404}, 5)
		count("route prefix", emr.AuditFilter{Route: "GET /fhir/"}, 5)
		count("route of no row", emr.AuditFilter{Route: "GET /fhir/Obs"}, 0)

		// Pages of 4 over the 10 API rows: down with Before, back up with After.
		all := count("api", emr.AuditFilter{Event: emr.EventAPI}, 10)
		p1 := count("page 1", emr.AuditFilter{Event: emr.EventAPI, Limit: 4}, 4)
		p2 := count("page 2", emr.AuditFilter{Event: emr.EventAPI, Limit: 4, Before: p1[3].ID}, 4)
		p3 := count("page 3", emr.AuditFilter{Event: emr.EventAPI, Limit: 4, Before: p2[3].ID}, 2)
		back := count("back to page 2", emr.AuditFilter{Event: emr.EventAPI, Limit: 4, After: p3[0].ID}, 4)
		var ids, want []int64
		for _, page := range [][]*emr.AuditEvent{p1, p2, p3} {
			for _, e := range page {
				ids = append(ids, e.ID)
			}
		}
		for _, e := range all {
			want = append(want, e.ID)
		}
		diff(t, "pages cover the log in order", want, ids)
		diff(t, "the page before page 3", p2, back)
	})
}
