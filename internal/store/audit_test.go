package store_test

import (
	"strconv"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestAudit(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		full := &emr.AuditEvent{Time: at(-time.Minute), Site: "default", Event: "token.issue", Outcome: "success",
			Role: emr.RoleUsers, Subject: "user-uuid", ClientID: "app", PatientUUID: "pt-uuid", IP: "127.0.0.1",
			Method: "POST", Path: "/oauth2/default/token", Status: 200, Detail: "grant_type=authorization_code"}
		must(t, s.RecordAudit(ctx, full))
		if full.ID == 0 {
			t.Errorf("RecordAudit did not set the id")
		}
		for i := range 5 {
			must(t, s.RecordAudit(ctx, &emr.AuditEvent{Event: "login", Outcome: "failure", Status: 400 + i}))
		}
		wantCode(t, "no event", s.RecordAudit(ctx, &emr.AuditEvent{}), emr.EINVALID)

		got, err := s.ListAudit(ctx, emr.AuditFilter{Event: "token.issue"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "ListAudit by event", []*emr.AuditEvent{full}, got)

		got, err = s.ListAudit(ctx, emr.AuditFilter{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		var statuses []string
		for _, e := range got {
			statuses = append(statuses, strconv.Itoa(e.Status))
			if e.Time.IsZero() {
				t.Errorf("event without a time: %+v", e)
			}
		}
		diff(t, "newest first, limited", []string{"404", "403", "402"}, statuses)

		if all, err := s.ListAudit(ctx, emr.AuditFilter{}); err != nil || len(all) != 6 {
			t.Errorf("ListAudit() = %d events, %v; want 6", len(all), err)
		}
	})
}
