package main

import (
	"context"
	"testing"
	"time"

	"goemr/internal/emr"
)

// TestAPILog: every API request, allowed or refused, leaves a row naming
// who, which route, which patient, the status and the duration.
func TestAPILog(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		p1 := demoPatient(1)
		e.Do("GET", "/api/patient/"+p1, e.Admin, nil).Want(t, 200)
		e.Do("GET", "/api/patient/3/medication", e.Admin, nil).Want(t, 200)
		e.Do("GET", "/api/patient", "", nil).Want(t, 401)
		e.Do("GET", "/portal/patient", e.Phil, nil).Want(t, 200)
		e.app.apiLog.Close() // flush
		ctx := context.Background()
		rows, err := e.Store.ListAudit(ctx, emr.AuditFilter{Event: emr.EventAPI, Since: time.Now().Add(-time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 {
			t.Fatalf("%d rows, want 4", len(rows))
		}
		byPath := map[string]*emr.AuditEvent{}
		for _, r := range rows {
			byPath[r.Path] = r
		}
		r := byPath["/apis/default/api/patient/"+p1]
		if r == nil || r.Route != "GET /api/patient/:puuid" || r.PatientUUID != p1 || r.Role != "users" || r.Subject == "" || r.ClientID == "" || r.Status != 200 || r.Duration <= 0 || r.Site != "default" {
			t.Errorf("patient read row: %+v", r)
		}
		if r := byPath["/apis/default/api/patient/3/medication"]; r == nil || r.PatientID != "3" {
			t.Errorf("pid row: %+v", r)
		}
		if r := byPath["/apis/default/api/patient"]; r == nil || r.Status != 401 || r.Outcome != "failure" {
			t.Errorf("refused row: %+v", r)
		}
		if r := byPath["/apis/default/portal/patient"]; r == nil || r.PatientUUID != p1 || r.Role != "patient" {
			t.Errorf("portal row: %+v", r)
		}
		for _, f := range []emr.AuditFilter{{Patient: p1}, {Patient: "3"}, {Failed: true}, {Path: "/apis/default/portal/"}, {Method: "get", Site: "default"}} {
			f.Event = emr.EventAPI
			got, err := e.Store.ListAudit(ctx, f)
			if err != nil || len(got) == 0 {
				t.Errorf("filter %+v: %d rows, %v", f, len(got), err)
			}
		}
	})
}
