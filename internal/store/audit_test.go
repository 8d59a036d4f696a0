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

// TestRecordAuditsBatch: a batch of any size lands whole, multi-row
// statements and the remainder alike.
func TestRecordAuditsBatch(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		var es []*emr.AuditEvent
		for i := 0; i < 70; i++ {
			es = append(es, &emr.AuditEvent{Event: emr.EventAPI, Status: 200 + i, Path: "/batch", Duration: time.Millisecond})
		}
		if err := s.RecordAudits(ctx, es); err != nil {
			t.Fatal(err)
		}
		got, err := s.ListAudit(ctx, emr.AuditFilter{Event: emr.EventAPI, Path: "/batch", Limit: 1000})
		if err != nil || len(got) != 70 {
			t.Fatalf("%d rows, %v", len(got), err)
		}
		seen := map[int]bool{}
		for _, e := range got {
			seen[e.Status] = true
			if e.Duration != time.Millisecond {
				t.Errorf("duration %v", e.Duration)
			}
		}
		if len(seen) != 70 {
			t.Errorf("%d distinct rows", len(seen))
		}
	})
}

// TestAuditByPatient finds a patient's rows by uuid or pid whether the
// batch index covers them yet or not, and only that patient's.
func TestAuditByPatient(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		v0, _ := s.DataVersion(ctx)
		log := func(uuid, pid string, status int) {
			t.Helper()
			must(t, s.RecordAudits(ctx, []*emr.AuditEvent{{Event: emr.EventAPI, PatientUUID: uuid, PatientID: pid, Status: status}}))
		}
		count := func(patient string) []int {
			t.Helper()
			got, err := s.ListAudit(ctx, emr.AuditFilter{Patient: patient, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var statuses []int
			for _, e := range got {
				statuses = append(statuses, e.Status)
			}
			return statuses
		}
		index := func() {
			t.Helper()
			if _, err := s.IndexAuditPatients(ctx); err != nil {
				t.Fatal(err)
			}
		}
		log("uuid-a", "", 200)
		log("", "7", 201)
		log("uuid-b", "", 202)
		diff(t, "before indexing", []int{200}, count("uuid-a"))
		v, _ := s.DataVersion(ctx)
		index()
		if after, _ := s.DataVersion(ctx); after != v {
			t.Errorf("logging and indexing the log moved the data version")
		}
		log("uuid-a", "", 203)
		diff(t, "indexed and not", []int{203, 200}, count("uuid-a"))
		diff(t, "by pid", []int{201}, count("7"))
		index()
		index() // nothing new: a no-op
		diff(t, "all indexed", []int{203, 200}, count("uuid-a"))
		diff(t, "another patient", []int{202}, count("uuid-b"))
		diff(t, "unknown patient", []int(nil), count("uuid-c"))
		if v, _ := s.DataVersion(ctx); v != v0 {
			t.Errorf("the API log moved the data version")
		}
	})
}
