package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRGoal: the goals of the Care Plan forms as US Core Goal, with the
// searches of the US Core 6.1.0 matrix.
func TestFHIRGoal(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		coded, texts := 0, 0
		for n := 1; n <= len(demo.Patients); n++ {
			recs := careRecs(t, e, resource.FHIRGoal, n)
			clinicalWant(t, e, e.Admin, "Goal?patient="+demoPatient(n)+"&_count=200", careIDs(recs, careAll))
			coded += len(careIDs(recs, func(r emr.Record) bool { return r.Str("code") != "" }))
			texts += len(careIDs(recs, func(r emr.Record) bool { return r.Str("code") == "" }))
		}
		if coded == 0 || texts == 0 {
			t.Errorf("the demo goals should be coded and text only: %d coded, %d text", coded, texts)
		}
		best, recs := careBest(t, e, resource.FHIRGoal, func(r emr.Record) bool { return r.Str("code") != "" })
		if len(recs) < 2 {
			t.Fatalf("the demo patients have too few goals: %d", len(recs))
		}
		pat := "Goal?patient=" + demoPatient(best)
		clinicalWant(t, e, e.Admin, pat, careIDs(recs, careAll))
		for _, status := range []string{"active", "completed", "on-hold", "cancelled"} {
			want := careIDs(recs, func(r emr.Record) bool { return r.Str("lifecycle") == status })
			clinicalWant(t, e, e.Admin, pat+"&lifecycle-status="+status, want)
			clinicalWant(t, e, e.Admin, pat+"&lifecycle-status="+q("http://hl7.org/fhir/goal-status|"+status), want)
		}
		for _, rec := range recs {
			day := rec.Str("target_date")
			for prefix, ok := range map[string]func(string) bool{
				"": func(d string) bool { return d == day }, "ge": func(d string) bool { return d >= day },
				"gt": func(d string) bool { return d > day }, "le": func(d string) bool { return d <= day && d != "" },
				"lt": func(d string) bool { return d < day && d != "" },
			} {
				clinicalWant(t, e, e.Admin, pat+"&target-date="+prefix+day, careIDs(recs, func(r emr.Record) bool { return ok(r.Str("target_date")) }))
			}
			if typ, code, found := strings.Cut(rec.Str("code"), ":"); found && typ == "SNOMED-CT" {
				want := careIDs(recs, func(r emr.Record) bool { return r.Str("code") == rec.Str("code") })
				clinicalWant(t, e, e.Admin, pat+"&description="+q("http://snomed.info/sct|"+code), want)
				clinicalWant(t, e, e.Admin, pat+"&description="+code, want)
				clinicalWant(t, e, e.Admin, pat+"&description="+q("http://loinc.org|"+code), nil)
			}
			r := e.Do("GET", "/fhir/Goal/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if r.Str("lifecycleStatus") != rec.Str("lifecycle") || r.Str("description", "text") != rec.Str("description") ||
				r.Str("subject", "reference") != "Patient/"+demoPatient(best) || r.Str("startDate") != rec.Str("date")[:10] ||
				r.Str("target", 0, "dueDate") != day || r.Str("expressedBy", "reference") == "" ||
				(rec.Str("code") != "") != (r.Str("description", "coding", 0, "system") == "http://snomed.info/sct") {
				t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
			}
		}
		goalEdges(t, e)
		careCompartment(t, e, "Goal")
	})
}

// goalEdges: statuses OpenEMR may store and a goal without a target date,
// on patient 2.
func goalEdges(t *testing.T, e *apiEnv) {
	t.Helper()
	row := func(v map[string]any) string {
		v["pid"], v["date"], v["care_plan_type"], v["activity"] = 2, "2024-02-02", "goal", "1"
		return recStr(storeInsert(t, e, resource.CarePlanRow, v), "uuid")
	}
	blank := row(map[string]any{"plan_status": "", "description": "Sleep seven hours", "date_end": "2024-08-02 00:00:00"})
	draft := row(map[string]any{"plan_status": "draft", "description": "Quit smoking"})
	dropped := row(map[string]any{"plan_status": "Canceled", "codetext": "Weight loss", "code": "SNOMED-CT:89362005"})
	pat := "Goal?patient=" + demoPatient(2) + "&_id=" + blank + "," + draft + "," + dropped
	clinicalWant(t, e, e.Admin, pat+"&lifecycle-status=active", []string{blank})
	clinicalWant(t, e, e.Admin, pat+"&lifecycle-status=proposed", []string{draft})
	clinicalWant(t, e, e.Admin, pat+"&lifecycle-status=cancelled", []string{dropped})
	clinicalWant(t, e, e.Admin, pat+"&target-date=2024-08-02", []string{blank})
	clinicalWant(t, e, e.Admin, pat+"&target-date=ge2000", []string{blank})
	for id, want := range map[string]string{blank: "Sleep seven hours", draft: "Quit smoking", dropped: "Weight loss"} {
		r := e.Do("GET", "/fhir/Goal/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("description", "text") != want || (id == blank) != (r.Get("target") != nil) || r.Str("startDate") != "2024-02-02" {
			t.Errorf("goal %s: %s", want, r.Body)
		}
	}
}
