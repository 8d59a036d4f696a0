package main

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRConditionEncounter: OpenEMR's encounter diagnoses
// (issue_encounter) as US Core Condition Encounter Diagnosis, searched by
// patient, category, encounter and the problem's own parameters; and the
// demo's health concerns.
func TestFHIRConditionEncounter(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		list := func(d *resource.Def, where ...emr.Cond) []emr.Record {
			recs, err := e.Store.List(context.Background(), d, emr.Query{Where: where})
			if err != nil {
				t.Fatal(err)
			}
			return recs
		}
		problem := map[string]emr.Record{} // lists id → problem
		encounter := map[string]string{}   // encounter number → uuid
		links := map[int][]emr.Record{}    // pid → its encounter diagnoses
		best, concerns := 0, 0
		for n := 1; n <= len(demo.Patients); n++ {
			for _, p := range list(resource.MedicalProblem, emr.Eq("pid", n)) {
				problem[p.Str("id")] = p
			}
			for _, enc := range list(resource.Encounter, emr.Eq("pid", n)) {
				encounter[enc.Str("encounter")] = enc.Str("uuid")
			}
			links[n] = list(resource.IssueEncounter, emr.Eq("pid", n))
			if len(links[n]) > len(links[best]) {
				best = n
			}
			pat := "Condition?patient=" + demoPatient(n) + "&_count=200"
			clinicalWant(t, e, e.Admin, pat+"&category=encounter-diagnosis", clinicalWhere(links[n], func(emr.Record) bool { return true }))
			hc := list(clinicalRow, emr.Eq("pid", n), emr.Eq("type", "health_concern"))
			concerns += len(hc)
			clinicalWant(t, e, e.Admin, pat+"&category=health-concern", clinicalWhere(hc, func(emr.Record) bool { return true }))
		}
		if len(links[1]) == 0 || len(links[best]) < 3 || concerns == 0 {
			t.Fatalf("the demo has too few encounter diagnoses (%d for patient 1, %d at most) or health concerns (%d)", len(links[1]), len(links[best]), concerns)
		}

		// The problem's parameters find its encounter diagnoses too.
		mine := links[best]
		pat := "Condition?patient=" + demoPatient(best) + "&category=" + url.QueryEscape("http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis")
		of := func(keep func(link, prob emr.Record) bool) []string {
			return clinicalWhere(mine, func(l emr.Record) bool { return keep(l, problem[l.Str("list_id")]) })
		}
		for _, status := range []string{"active", "resolved", "inactive"} {
			clinicalWant(t, e, e.Admin, pat+"&clinical-status="+status, of(func(_, p emr.Record) bool { return clinicalStatus(p) == status }))
		}
		first := problem[mine[0].Str("list_id")]
		icd := strings.TrimPrefix(strings.Split(first.Str("diagnosis"), ";")[0], "ICD10:")
		clinicalWant(t, e, e.Admin, pat+"&code="+url.QueryEscape("http://hl7.org/fhir/sid/icd-10-cm|"+icd),
			of(func(_, p emr.Record) bool { return strings.Contains(p.Str("diagnosis")+";", ":"+icd+";") }))
		onset, day := first.Str("begdate"), first.Str("date")[:10]
		clinicalWant(t, e, e.Admin, pat+"&onset-date=ge"+onset, of(func(_, p emr.Record) bool { return p.Str("begdate") >= onset }))
		clinicalWant(t, e, e.Admin, pat+"&recorded-date="+day, of(func(_, p emr.Record) bool { return strings.HasPrefix(p.Str("date"), day) }))

		// By encounter, with or without the patient and category.
		for _, l := range mine {
			enc := l.Str("encounter")
			want := clinicalWhere(mine, func(o emr.Record) bool { return o.Str("encounter") == enc })
			clinicalWant(t, e, e.Admin, "Condition?encounter="+encounter[enc], want)
			clinicalWant(t, e, e.Admin, pat+"&encounter=Encounter/"+encounter[enc], want)
			clinicalWant(t, e, e.Admin, "Condition?patient="+demoPatient(best)+"&category=problem-list-item&encounter="+encounter[enc], nil)
		}

		// Reads: valid US Core Encounter Diagnoses showing their problem.
		for _, l := range mine {
			p := problem[l.Str("list_id")]
			r := e.Do("GET", "/fhir/Condition/"+l.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			checkPaths(t, r, map[string]string{
				"category.0.coding.0.code": "encounter-diagnosis", "encounter.reference": "Encounter/" + encounter[l.Str("encounter")],
				"subject.reference": "Patient/" + demoPatient(best), "code.text": p.Str("title"), "onsetDateTime": p.Str("begdate"),
				"clinicalStatus.coding.0.code": clinicalStatus(p), "verificationStatus.coding.0.code": "confirmed",
				"meta.profile.0": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis",
			})
		}

		// A patient's token sees its own encounter diagnoses only.
		other := 2
		if best != 1 {
			other = best
		}
		phil := e.Token("patient", "openid patient/Condition.rs")
		clinicalWant(t, e, phil, "Condition?category=encounter-diagnosis&_count=200", clinicalWhere(links[1], func(emr.Record) bool { return true }))
		own := links[1][0].Str("encounter")
		clinicalWant(t, e, phil, "Condition?encounter="+encounter[own],
			clinicalWhere(links[1], func(o emr.Record) bool { return o.Str("encounter") == own }))
		clinicalWant(t, e, phil, "Condition?encounter="+encounter[links[other][0].Str("encounter")], nil)
		if r := e.Do("GET", "/fhir/Condition/"+links[other][0].Str("uuid"), phil, nil); r.Status != 404 {
			t.Errorf("another patient's encounter diagnosis: %d %s", r.Status, r.Body)
		}
	})
}
