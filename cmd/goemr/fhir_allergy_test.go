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

// TestFHIRAllergyIntolerance: the allergy list as US Core
// AllergyIntolerance, searched by patient and clinical status (US Core
// 6.1.0 matrix), read, and confined to a patient token's compartment.
func TestFHIRAllergyIntolerance(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		var withAllergies []int
		for n := 1; n <= len(demo.Patients); n++ {
			std := clinicalStd(t, e, "/api/patient/"+demoPatient(n)+"/allergy")
			clinicalWant(t, e, e.Admin, "AllergyIntolerance?patient="+demoPatient(n)+"&_count=200", std)
			if len(std) > 0 {
				withAllergies = append(withAllergies, n)
			}
		}
		if len(withAllergies) == 0 {
			t.Fatal("no demo patient has an allergy")
		}
		// Patient 2 also gets a resolved and an ended allergy and one
		// entered in error, which the demo's (all current) lack.
		row := func(v map[string]any) string {
			v["type"], v["pid"], v["date"], v["modifydate"] = "allergy", "2", "2020-02-02 10:00:00", "2020-02-02 10:00:00"
			return recStr(storeInsert(t, e, clinicalRow, v), "uuid")
		}
		resolved := row(map[string]any{"title": "Sulfa", "diagnosis": "RXCUI:10180", "enddate": "2021-01-01", "outcome": "1", "verification": "confirmed"})
		ended := row(map[string]any{"title": "Latex", "diagnosis": "SNOMED-CT:300916003", "enddate": "2021-01-01", "verification": "unconfirmed"})
		wrong := row(map[string]any{"title": "Eggs", "verification": "entered-in-error", "reaction": "nausea", "severity_al": "severe"})
		for _, n := range append(withAllergies, 2) {
			recs, err := e.Store.List(context.Background(), resource.Allergy, emr.Query{Where: []emr.Cond{emr.Eq("pid", n)}})
			if err != nil {
				t.Fatal(err)
			}
			pat := "AllergyIntolerance?patient=" + demoPatient(n)
			for _, status := range []string{"active", "resolved", "inactive"} {
				want := clinicalWhere(recs, func(r emr.Record) bool { return clinicalStatus(r) == status })
				clinicalWant(t, e, e.Admin, pat+"&clinical-status="+status, want)
				clinicalWant(t, e, e.Admin, pat+"&clinical-status="+q("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical|"+status), want)
			}
			clinicalWant(t, e, e.Admin, pat+"&clinical-status="+q("http://terminology.hl7.org/CodeSystem/condition-clinical|active"), nil)
			for _, rec := range recs {
				r := e.Do("GET", "/fhir/AllergyIntolerance/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
				emrtest.ValidateFHIR(t, r.Body)
				if r.Str("clinicalStatus", "coding", 0, "code") != clinicalStatus(rec) || r.Str("patient", "reference") != "Patient/"+demoPatient(n) ||
					r.Str("code", "text") != rec.Str("title") || !strings.Contains(string(r.Body), "us-core-allergyintolerance|6.1.0") {
					t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
				}
				// The demo's allergies name their reaction and severity.
				if rec.Str("reaction") == "hives" && (r.Str("reaction", 0, "manifestation", 0, "coding", 0, "code") != "247472004" || r.Str("criticality") == "") {
					t.Errorf("reaction of %s: %s", rec.Str("uuid"), r.Body)
				}
			}
		}
		pat := "AllergyIntolerance?patient=" + demoPatient(2)
		clinicalWant(t, e, e.Admin, pat+"&clinical-status=resolved", []string{resolved})
		clinicalWant(t, e, e.Admin, pat+"&clinical-status=inactive", []string{ended})
		clinicalWant(t, e, e.Admin, pat+"&verification-status=unconfirmed&_id="+ended+","+resolved, []string{ended})
		clinicalWant(t, e, e.Admin, pat+"&code="+q("http://www.nlm.nih.gov/research/umls/rxnorm|10180"), []string{resolved})
		if r := e.Do("GET", "/fhir/AllergyIntolerance/"+wrong, e.Admin, nil).Want(t, 200); r.Get("clinicalStatus") != nil || r.Str("criticality") != "high" {
			t.Errorf("entered in error: %s", r.Body)
		}
		clinicalCompartment(t, e, "AllergyIntolerance")
	})
}
