package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestDemoData: `goemr demo --patients 50` fills every resource, and the
// API serves it: each route finds data for some demo patient.
func TestDemoData(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
			args := []string{"demo", "--patients", "50", "--db", d.DSN}
			if err := run(context.Background(), env, args); err != nil {
				t.Fatalf("goemr demo: %v\n%s%s", err, out.String(), errOut.String())
			}
			if !strings.Contains(out.String(), "28 patients created, 50 histories written") {
				t.Errorf("goemr demo said:\n%s", out.String())
			}
			if !strings.Contains(errOut.String(), "50/50 patients") {
				t.Errorf("no progress shown:\n%s", errOut.String())
			}
			out.Reset()
			if err := run(context.Background(), env, args); err != nil || !strings.Contains(out.String(), "0 histories written, 50 already there") {
				t.Errorf("second run: %v\n%s", err, out.String())
			}
			e := newAPIEnv(t, d)
			if r := e.Do("GET", "/api/patient?_limit=100", e.Admin, nil).Want(t, 200); r.Len("data") != 50 {
				t.Errorf("%d patients, want 50", r.Len("data"))
			}
			demoRoutes(t, e)
		})
	}
}

// demoRoutes reads every resource the demo fills through the API.
func demoRoutes(t *testing.T, e *apiEnv) {
	global := []string{
		"/api/facility", "/api/practitioner", "/api/medical_problem", "/api/allergy", "/api/appointment",
		"/api/insurance_company", "/api/immunization", "/api/procedure", "/api/drug", "/api/prescription",
	}
	for _, path := range global {
		if n := items(get(t, e, e.Admin, path)); n == 0 {
			t.Errorf("GET %s: no data", path)
		}
	}
	// Patient routes: some demo patient must have data on each (messages
	// have no read route: internal/demo tests count them).
	perPatient := []string{
		"/api/patient/{uuid}/encounter", "/api/patient/{uuid}/medical_problem", "/api/patient/{uuid}/allergy",
		"/api/patient/{pid}/medication", "/api/patient/{pid}/surgery", "/api/patient/{pid}/dental_issue",
		"/api/patient/{pid}/appointment", "/api/patient/{uuid}/insurance", "/api/patient/{uuid}/employer",
		"/api/patient/{pid}/transaction",
		"/api/patient/{pid}/document?path=" + url.QueryEscape("/Medical Record"),
		"/api/patient/{pid}/encounter/{eid}/vital", "/api/patient/{pid}/encounter/{eid}/soap_note",
	}
	for _, tmpl := range perPatient {
		found := false
		for n := 1; n <= 50 && !found; n++ {
			eids := []string{""}
			if strings.Contains(tmpl, "{eid}") {
				eids = encounterNumbers(t, e, n)
			}
			for _, eid := range eids {
				path := strings.NewReplacer("{uuid}", demoPatient(n), "{pid}", fmt.Sprint(n), "{eid}", eid).Replace(tmpl)
				if items(get(t, e, e.Admin, path)) > 0 {
					found = true
					break
				}
			}
		}
		if !found {
			t.Errorf("GET %s: no demo patient has data", tmpl)
		}
	}
	// Coded values carry their option-list titles.
	r := get(t, e, e.Admin, "/api/allergy")
	if r.Str("data", 0, "reaction_title") == "" || r.Str("data", 0, "verification_title") != "Confirmed" {
		t.Errorf("allergy titles: %v", r.Get("data", 0))
	}
	// Phil sees his own history in the portal.
	for _, path := range []string{"/portal/patient/encounter", "/portal/patient/appointment"} {
		if n := items(get(t, e, e.Phil, path)); n == 0 {
			t.Errorf("GET %s as Phil: no data", path)
		}
	}
}

// encounterNumbers are patient n's encounter numbers (the eid of routes).
func encounterNumbers(t *testing.T, e *apiEnv, n int) []string {
	r := get(t, e, e.Admin, "/api/patient/"+demoPatient(n)+"/encounter")
	var out []string
	for i := range r.Len("data") {
		out = append(out, r.Str("data", i, "eid"))
	}
	return out
}

// get reads path and fails the test unless it answers 200.
func get(t *testing.T, e *apiEnv, token, path string) *Resp {
	t.Helper()
	r := e.Do("GET", path, token, nil)
	if r.Status != 200 {
		t.Fatalf("GET %s: status %d: %s", path, r.Status, r.Body)
	}
	return r
}

// items is the number of records a list response holds, enveloped or raw.
func items(r *Resp) int {
	if n := r.Len("data"); n >= 0 {
		return n
	}
	return max(r.Len(), 0)
}
