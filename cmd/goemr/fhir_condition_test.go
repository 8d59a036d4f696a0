package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// clinicalRow writes lists rows of any type, as OpenEMR's issue forms do.
var clinicalRow = &resource.Def{
	Name: "lists", Table: "lists", ID: "id",
	Fields: append([]resource.Field{resource.Col("id", resource.As(resource.Int)), resource.Col("uuid", resource.Set(resource.AutoUUID))},
		resource.Cols("type", "title", "pid", "diagnosis", "begdate", "enddate", "date", "activity", "verification",
			"outcome", "modifydate", "comments", "reaction", "severity_al")...),
}

// clinicalWant runs a search and fails unless it matches exactly want.
func clinicalWant(t *testing.T, e *apiEnv, token, query string, want []string) {
	t.Helper()
	got, r := fhirSearch(t, e, token, query)
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %v\nwant %v\n%.600s", query, got, want, r.Body)
	}
}

// clinicalStd is the uuids of a Standard API list.
func clinicalStd(t *testing.T, e *apiEnv, path string) []string {
	t.Helper()
	r := e.Do("GET", path, e.Admin, nil).Want(t, 200)
	var out []string
	for i := 0; i < r.Len("data"); i++ {
		out = append(out, r.Str("data", i, "uuid"))
	}
	return out
}

// clinicalStatus is the status goemr derives for a lists row (end date,
// then outcome), written out again for the test.
func clinicalStatus(rec emr.Record) string {
	now := time.Now().UTC().Format("2006-01-02 15:04:05")
	end := rec.Str("enddate")
	switch {
	case rec.Str("verification") == "entered-in-error":
		return ""
	case end == "" || end > now || strings.HasPrefix(end, "0000"):
		return "active"
	case rec.Str("outcome") == "1":
		return "resolved"
	}
	return "inactive"
}

// clinicalWhere are the uuids of recs for which keep holds.
func clinicalWhere(recs []emr.Record, keep func(emr.Record) bool) []string {
	out := []string{}
	for _, r := range recs {
		if keep(r) {
			out = append(out, r.Str("uuid"))
		}
	}
	return out
}

// TestFHIRCondition: the problem list as US Core Condition Problems and
// Health Concerns, with every search of the US Core 6.1.0 matrix.
func TestFHIRCondition(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		q := url.QueryEscape
		// Every demo patient's problem list is its Standard API problems
		// (fhir_condition_encounter_test.go covers encounter diagnoses).
		best, bestRecs := 0, []emr.Record(nil)
		for n := 1; n <= len(demo.Patients); n++ {
			std := clinicalStd(t, e, "/api/patient/"+demoPatient(n)+"/medical_problem")
			clinicalWant(t, e, e.Admin, "Condition?patient="+demoPatient(n)+"&category=problem-list-item&_count=200", std)
			recs, err := e.Store.List(ctx, resource.MedicalProblem, emr.Query{Where: []emr.Cond{emr.Eq("pid", n)}})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) > len(bestRecs) {
				best, bestRecs = n, recs
			}
		}
		if len(bestRecs) < 2 {
			t.Fatalf("the demo patients have too few problems: %d", len(bestRecs))
		}
		pat := "Condition?patient=" + demoPatient(best) + "&category=problem-list-item"
		all := clinicalWhere(bestRecs, func(emr.Record) bool { return true })
		clinicalWant(t, e, e.Admin, pat+"&category=problem-list-item", all)
		clinicalWant(t, e, e.Admin, pat+"&category="+q("http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item"), all)
		clinicalWant(t, e, e.Admin, pat+"&category="+q("http://hl7.org/fhir/us/core/CodeSystem/condition-category|health-concern"), nil)
		clinicalWant(t, e, e.Admin, pat+"&verification-status=confirmed", all)
		for _, status := range []string{"active", "resolved", "inactive"} {
			want := clinicalWhere(bestRecs, func(r emr.Record) bool { return clinicalStatus(r) == status })
			clinicalWant(t, e, e.Admin, pat+"&clinical-status="+status, want)
			clinicalWant(t, e, e.Admin, pat+"&clinical-status="+q("http://terminology.hl7.org/CodeSystem/condition-clinical|"+status), want)
			clinicalWant(t, e, e.Admin, pat+"&category=problem-list-item&clinical-status="+status, want)
		}
		first := bestRecs[0]
		icd, snomed := "", ""
		for _, part := range strings.Split(first.Str("diagnosis"), ";") {
			typ, code, _ := strings.Cut(part, ":")
			switch typ {
			case "ICD10":
				icd = code
			case "SNOMED-CT":
				snomed = code
			}
		}
		withCode := func(c string) []string {
			return clinicalWhere(bestRecs, func(r emr.Record) bool { return strings.Contains(";"+r.Str("diagnosis")+";", ":"+c+";") })
		}
		clinicalWant(t, e, e.Admin, pat+"&code="+q("http://hl7.org/fhir/sid/icd-10-cm|"+icd), withCode(icd))
		clinicalWant(t, e, e.Admin, pat+"&code="+q("http://snomed.info/sct|"+snomed), withCode(snomed))
		clinicalWant(t, e, e.Admin, pat+"&code="+icd, withCode(icd))
		clinicalWant(t, e, e.Admin, pat+"&code="+q("http://snomed.info/sct|"+icd), nil)
		onset := first.Str("begdate")
		clinicalWant(t, e, e.Admin, pat+"&onset-date="+onset, clinicalWhere(bestRecs, func(r emr.Record) bool { return r.Str("begdate") == onset }))
		clinicalWant(t, e, e.Admin, pat+"&onset-date=le"+onset, clinicalWhere(bestRecs, func(r emr.Record) bool { return r.Str("begdate") <= onset }))
		day := first.Str("date")[:10]
		sameDay := clinicalWhere(bestRecs, func(r emr.Record) bool { return strings.HasPrefix(r.Str("date"), day) })
		clinicalWant(t, e, e.Admin, pat+"&recorded-date="+day, sameDay)
		clinicalWant(t, e, e.Admin, pat+"&asserted-date="+day, sameDay)
		clinicalWant(t, e, e.Admin, pat+"&abatement-date=gt1900", clinicalWhere(bestRecs, func(r emr.Record) bool { return r.Str("enddate") != "" }))

		// Reads: valid US Core resources with the derived status.
		for _, rec := range bestRecs {
			r := e.Do("GET", "/fhir/Condition/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if r.Str("clinicalStatus", "coding", 0, "code") != clinicalStatus(rec) || r.Str("subject", "reference") != "Patient/"+demoPatient(best) ||
				r.Str("category", 0, "coding", 0, "code") != "problem-list-item" || r.Str("code", "text") != rec.Str("title") ||
				!strings.Contains(string(r.Body), "us-core-condition-problems-health-concerns|6.1.0") {
				t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
			}
		}
		clinicalConditionEdges(t, e)
		clinicalCompartment(t, e, "Condition")
	})
}

// clinicalConditionEdges: health concerns, rows entered in error, ends
// still ahead and inactive rows, on patient 2.
func clinicalConditionEdges(t *testing.T, e *apiEnv) {
	t.Helper()
	row := func(v map[string]any) string {
		v["pid"], v["date"], v["modifydate"] = "2", "2020-02-02 10:00:00", "2020-02-02 10:00:00"
		if v["activity"] == nil {
			v["activity"] = "1"
		}
		return recStr(storeInsert(t, e, clinicalRow, v), "uuid")
	}
	concern := row(map[string]any{"type": "health_concern", "title": "Fear of falling", "diagnosis": "SNOMED-CT:1912002"})
	wrong := row(map[string]any{"type": "medical_problem", "title": "Asthma", "verification": "entered-in-error"})
	ahead := row(map[string]any{"type": "medical_problem", "title": "Sprain", "enddate": "2999-01-01", "outcome": "1"})
	ended := row(map[string]any{"type": "medical_problem", "title": "Flu", "enddate": "2020-03-01", "outcome": "0"})
	hidden := row(map[string]any{"type": "medical_problem", "title": "Old", "activity": "0"})
	pat := "Condition?patient=" + demoPatient(2) + "&_id=" + strings.Join([]string{concern, wrong, ahead, ended, hidden}, ",")
	clinicalWant(t, e, e.Admin, pat, []string{concern, wrong, ahead, ended})
	clinicalWant(t, e, e.Admin, pat+"&category=health-concern", []string{concern})
	clinicalWant(t, e, e.Admin, pat+"&clinical-status=active", []string{concern, ahead})
	clinicalWant(t, e, e.Admin, pat+"&clinical-status=inactive", []string{ended})
	clinicalWant(t, e, e.Admin, pat+"&clinical-status=resolved", nil)
	clinicalWant(t, e, e.Admin, pat+"&verification-status=entered-in-error", []string{wrong})
	clinicalWant(t, e, e.Admin, pat+"&abatement-date=2020-03-01", []string{ended})
	for id, want := range map[string]string{concern: "health-concern", wrong: "", ahead: "active", ended: "inactive"} {
		r := e.Do("GET", "/fhir/Condition/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		switch want {
		case "health-concern":
			if r.Str("category", 0, "coding", 0, "system") != "http://hl7.org/fhir/us/core/CodeSystem/condition-category" {
				t.Errorf("health concern: %s", body)
			}
		case "":
			if r.Get("clinicalStatus") != nil {
				t.Errorf("entered in error has a clinical status: %s", body)
			}
		default:
			if r.Str("clinicalStatus", "coding", 0, "code") != want || (want == "active") != (r.Get("abatementDateTime") == nil) {
				t.Errorf("want %s: %s", want, body)
			}
		}
	}
	if r := e.Do("GET", "/fhir/Condition/"+hidden, e.Admin, nil); r.Status != 404 {
		t.Errorf("inactive row read: %d", r.Status)
	}
	// Granular scopes (SMART v2) limit a token to a category.
	_, all := fhirSearch(t, e, e.Admin, "Condition?patient="+demoPatient(2)+"&_count=200")
	byCategory := map[string][]string{}
	for i := 0; i < all.Len("entry"); i++ {
		code := all.Str("entry", i, "resource", "category", 0, "coding", 0, "code")
		byCategory[code] = append(byCategory[code], all.Str("entry", i, "resource", "id"))
	}
	if !slices.Contains(byCategory["health-concern"], concern) || len(byCategory["problem-list-item"]) == 0 || len(byCategory["encounter-diagnosis"]) == 0 {
		t.Errorf("patient 2's conditions by category: %v", byCategory)
	}
	for category, want := range map[string][]string{
		"http://hl7.org/fhir/us/core/CodeSystem/condition-category|health-concern":     byCategory["health-concern"],
		"http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item":   byCategory["problem-list-item"],
		"http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis": byCategory["encounter-diagnosis"],
	} {
		token := e.Token("users", "openid user/Condition.rs?category="+category)
		clinicalWant(t, e, token, "Condition?patient="+demoPatient(2)+"&_count=200", want)
	}
}

// clinicalCompartment: a patient token (Phil, patient 1) sees its own
// resources of typ and no other patient's, by search or read; an unknown
// id is a 404 OperationOutcome.
func clinicalCompartment(t *testing.T, e *apiEnv, typ string) {
	t.Helper()
	phil := e.Token("patient", "openid patient/"+typ+".rs")
	var mine, theirs []string
	for n := 1; n <= len(demo.Patients); n++ {
		ids, _ := fhirSearch(t, e, e.Admin, typ+"?patient="+demoPatient(n)+"&_count=200")
		if n == 1 {
			mine = ids
		} else if len(theirs) == 0 {
			theirs = ids
		}
	}
	if len(theirs) == 0 {
		t.Fatalf("%s: no other patient has any", typ)
	}
	clinicalWant(t, e, phil, typ+"?_count=200", mine)
	clinicalWant(t, e, phil, typ+"?patient="+demoPatient(1)+"&_count=200", mine)
	clinicalWant(t, e, phil, typ+"?patient="+demoPatient(2), nil)
	clinicalWant(t, e, phil, typ+"?_id="+theirs[0], nil)
	if len(mine) > 0 {
		e.Do("GET", "/fhir/"+typ+"/"+mine[0], phil, nil).Want(t, 200)
	}
	if r := e.Do("GET", "/fhir/"+typ+"/"+theirs[0], phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("%s of another patient: %d %s", typ, r.Status, r.Body)
	}
	r := e.Do("GET", "/fhir/"+typ+"/00000000-0000-0000-0000-000000000000", e.Admin, nil)
	if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-found" {
		t.Errorf("%s unknown id: %d %s", typ, r.Status, r.Body)
	}
}
