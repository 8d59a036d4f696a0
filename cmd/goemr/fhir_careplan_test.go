package main

import (
	"context"
	"net/url"
	"slices"
	"testing"
	"time"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// careRecs are patient n's records of d, read from the store.
func careRecs(t *testing.T, e *apiEnv, d *resource.Def, n int) []emr.Record {
	t.Helper()
	recs, err := e.Store.List(context.Background(), d, emr.Query{Where: []emr.Cond{emr.Eq("pid", n)}})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// careIDs are the uuids of the records for which keep holds.
func careIDs(recs []emr.Record, keep func(emr.Record) bool) []string {
	out := []string{}
	for _, r := range recs {
		if keep(r) {
			out = append(out, r.Str("uuid"))
		}
	}
	return out
}

func careAll(emr.Record) bool { return true }

// careBest is the demo patient with the most records of d for which
// prefer holds, then the most records.
func careBest(t *testing.T, e *apiEnv, d *resource.Def, prefer func(emr.Record) bool) (int, []emr.Record) {
	t.Helper()
	best, bestRecs, bestScore := 0, []emr.Record(nil), -1
	for n := 1; n <= len(demo.Patients); n++ {
		recs := careRecs(t, e, d, n)
		if score := 100*len(careIDs(recs, prefer)) + len(recs); score > bestScore {
			best, bestRecs, bestScore = n, recs, score
		}
	}
	return best, bestRecs
}

// TestFHIRCarePlan: the plans of care of the Care Plan forms as US Core
// CarePlan, with the searches of the US Core 6.1.0 matrix.
func TestFHIRCarePlan(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		for n := 1; n <= len(demo.Patients); n++ {
			want := careIDs(careRecs(t, e, resource.FHIRCarePlan, n), careAll)
			clinicalWant(t, e, e.Admin, "CarePlan?patient="+demoPatient(n)+"&category=assess-plan&_count=200", want)
		}
		best, recs := careBest(t, e, resource.FHIRCarePlan, func(r emr.Record) bool { return r.Str("status") == "completed" })
		if len(recs) < 2 {
			t.Fatalf("the demo patients have too few plans: %d", len(recs))
		}
		pat := "CarePlan?patient=" + demoPatient(best)
		cat := pat + "&category=" + q("http://hl7.org/fhir/us/core/CodeSystem/careplan-category|assess-plan")
		all := careIDs(recs, careAll)
		clinicalWant(t, e, e.Admin, pat, all)
		clinicalWant(t, e, e.Admin, cat, all)
		clinicalWant(t, e, e.Admin, pat+"&category=assess-plan", all)
		clinicalWant(t, e, e.Admin, pat+"&category=careteam", nil)
		clinicalWant(t, e, e.Admin, pat+"&category="+q("http://snomed.info/sct|assess-plan"), nil)
		for _, status := range []string{"active", "completed", "revoked"} {
			want := careIDs(recs, func(r emr.Record) bool { return r.Str("status") == status })
			clinicalWant(t, e, e.Admin, cat+"&status="+status, want)
			clinicalWant(t, e, e.Admin, cat+"&status="+q("http://hl7.org/fhir/request-status|"+status), want)
		}
		carePlanDates(t, e, cat, recs)
		for _, rec := range recs {
			r := e.Do("GET", "/fhir/CarePlan/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if r.Str("status") != rec.Str("status") || r.Str("intent") != "plan" || r.Str("text", "status") != "generated" ||
				r.Str("category", 0, "coding", 0, "code") != "assess-plan" || r.Str("subject", "reference") != "Patient/"+demoPatient(best) ||
				r.Str("description") != rec.Str("description") || r.Str("period", "start") != rec.Str("date")[:10] ||
				r.Str("author", "reference") == "" || r.Str("addresses", 0, "reference") != "Condition/"+rec.Str("condition") {
				t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
			}
		}
		carePlanEdges(t, e)
		careCompartment(t, e, "CarePlan")
	})
}

// carePlanDates: a date search compares both ends of a plan's period
// (an open plan ends on 9999-12-31) with the value, for each prefix.
func carePlanDates(t *testing.T, e *apiEnv, cat string, recs []emr.Record) {
	t.Helper()
	days := map[string]bool{}
	for _, r := range recs {
		days[r.Str("start_day")] = true
		if r.Str("end_day") < "9999" {
			days[r.Str("end_day")] = true
		}
	}
	cmp := map[string]func(a, day string) bool{
		"eq": func(a, day string) bool { return a == day }, "ge": func(a, day string) bool { return a >= day },
		"gt": func(a, day string) bool { return a > day }, "le": func(a, day string) bool { return a <= day },
		"lt": func(a, day string) bool { return a < day },
	}
	for day := range days {
		for prefix, ok := range cmp {
			want := careIDs(recs, func(r emr.Record) bool { return ok(r.Str("start_day"), day) && ok(r.Str("end_day"), day) })
			clinicalWant(t, e, e.Admin, cat+"&date="+prefix+day, want)
			active := careIDs(recs, func(r emr.Record) bool {
				return r.Str("status") == "active" && ok(r.Str("start_day"), day) && ok(r.Str("end_day"), day)
			})
			clinicalWant(t, e, e.Admin, cat+"&status=active&date="+prefix+day, active)
		}
	}
	// As Inferno searches a Period: gt the day before the start, as an
	// instant. Each plan is found.
	for _, r := range recs {
		start, _ := time.Parse("2006-01-02", r.Str("start_day"))
		got, _ := fhirSearch(t, e, e.Admin, cat+"&date="+url.QueryEscape("gt"+start.AddDate(0, 0, -1).Format("2006-01-02T15:04:05+00:00")))
		if !slices.Contains(got, r.Str("uuid")) {
			t.Errorf("plan %s starting %s not found by gt the day before: %v", r.Str("uuid"), r.Str("start_day"), got)
		}
	}
}

// careForm registers a care plan form of patient 2 (deleted or not).
var careForm = &resource.Def{Name: "forms", Table: "forms", ID: "id", Fields: []resource.Field{resource.Col("id", resource.As(resource.Int))}}

// carePlanEdges: statuses OpenEMR may store, rows switched off, rows of a
// deleted form, on patient 2.
func carePlanEdges(t *testing.T, e *apiEnv) {
	t.Helper()
	row := func(v map[string]any) (string, string) {
		v["pid"], v["date"], v["care_plan_type"] = 2, "2024-02-02", "plan_of_care"
		if v["activity"] == nil {
			v["activity"] = "1"
		}
		rec := storeInsert(t, e, resource.CarePlanRow, v)
		return recStr(rec, "uuid"), recStr(rec, "id")
	}
	cancelled, _ := row(map[string]any{"plan_status": "Cancelled", "description": "Physical therapy"})
	blank, _ := row(map[string]any{"plan_status": "", "codetext": "Diet education", "code": "SNOMED-CT:11816003"})
	odd, _ := row(map[string]any{"plan_status": "paused-ish", "description": "Sleep hygiene"})
	off, _ := row(map[string]any{"plan_status": "active", "activity": "0"})
	gone, form := row(map[string]any{"plan_status": "active"})
	storeInsert(t, e, careForm, map[string]any{"formdir": "care_plan", "form_id": form, "pid": 2, "deleted": "1", "form_name": "Care Plan Form"})
	ids := "&_id=" + cancelled + "," + blank + "," + odd + "," + off + "," + gone
	pat := "CarePlan?patient=" + demoPatient(2) + "&category=assess-plan"
	clinicalWant(t, e, e.Admin, pat+ids, []string{cancelled, blank, odd})
	clinicalWant(t, e, e.Admin, pat+ids+"&status=revoked", []string{cancelled})
	clinicalWant(t, e, e.Admin, pat+ids+"&status=active", []string{blank})
	clinicalWant(t, e, e.Admin, pat+ids+"&status=unknown", []string{odd})
	for id, want := range map[string]string{cancelled: "revoked", blank: "active", odd: "unknown"} {
		r := e.Do("GET", "/fhir/CarePlan/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("status") != want || r.Get("period", "end") != nil {
			t.Errorf("want %s: %s", want, r.Body)
		}
	}
	for _, id := range []string{off, gone} {
		if r := e.Do("GET", "/fhir/CarePlan/"+id, e.Admin, nil); r.Status != 404 {
			t.Errorf("hidden row %s read: %d", id, r.Status)
		}
	}
}

// careCompartment: a patient token (Phil, patient 1) sees its own
// resources of typ and no other patient's, by search or read; an unknown
// id is a 404 OperationOutcome.
func careCompartment(t *testing.T, e *apiEnv, typ string) {
	t.Helper()
	phil := e.Token("patient", "openid patient/"+typ+".rs")
	mine, _ := fhirSearch(t, e, e.Admin, typ+"?patient="+demoPatient(1)+"&_count=200")
	theirs, _ := fhirSearch(t, e, e.Admin, typ+"?patient="+demoPatient(2)+"&_count=200")
	if len(mine) == 0 || len(theirs) == 0 {
		t.Fatalf("%s: patients 1 and 2 have %d and %d", typ, len(mine), len(theirs))
	}
	clinicalWant(t, e, phil, typ+"?_count=200", mine)
	clinicalWant(t, e, phil, typ+"?patient="+demoPatient(1)+"&_count=200", mine)
	clinicalWant(t, e, phil, typ+"?patient="+demoPatient(2), nil)
	clinicalWant(t, e, phil, typ+"?_id="+theirs[0], nil)
	e.Do("GET", "/fhir/"+typ+"/"+mine[0], phil, nil).Want(t, 200)
	if r := e.Do("GET", "/fhir/"+typ+"/"+theirs[0], phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("%s of another patient: %d %s", typ, r.Status, r.Body)
	}
	r := e.Do("GET", "/fhir/"+typ+"/00000000-0000-0000-0000-000000000000", e.Admin, nil)
	if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-found" {
		t.Errorf("%s unknown id: %d %s", typ, r.Status, r.Body)
	}
}
