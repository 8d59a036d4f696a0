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

// TestFHIRImmunization: immunizations as US Core Immunization (CVX),
// searched by patient, patient+date and patient+status (US Core 6.1.0
// matrix), read, and confined to a patient token's compartment.
func TestFHIRImmunization(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		q := url.QueryEscape
		best, bestRecs := 0, []emr.Record(nil)
		for n := 1; n <= len(demo.Patients); n++ {
			std := clinicalStd(t, e, "/api/immunization?puuid="+demoPatient(n))
			clinicalWant(t, e, e.Admin, "Immunization?patient="+demoPatient(n)+"&_count=200", std)
			recs, err := e.Store.List(ctx, resource.Immunization, emr.Query{Where: []emr.Cond{emr.Eq("patient_id", n)}})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) > len(bestRecs) {
				best, bestRecs = n, recs
			}
		}
		if len(bestRecs) < 2 {
			t.Fatalf("the demo patients have too few immunizations: %d", len(bestRecs))
		}
		pat := "Immunization?patient=" + demoPatient(best)
		all := clinicalWhere(bestRecs, func(emr.Record) bool { return true })
		given := bestRecs[len(bestRecs)/2].Str("administered_date")
		day, year := given[:10], given[:4]
		clinicalWant(t, e, e.Admin, pat+"&date="+day, clinicalWhere(bestRecs, func(r emr.Record) bool { return strings.HasPrefix(r.Str("administered_date"), day) }))
		clinicalWant(t, e, e.Admin, pat+"&date=ge"+year+"&date=lt"+day, clinicalWhere(bestRecs, func(r emr.Record) bool {
			d := r.Str("administered_date")
			return d >= year && d < day
		}))
		clinicalWant(t, e, e.Admin, pat+"&date=gt"+given[:10]+"T"+given[11:]+"Z", clinicalWhere(bestRecs, func(r emr.Record) bool { return r.Str("administered_date") > given }))
		clinicalWant(t, e, e.Admin, pat+"&status=completed", all)
		clinicalWant(t, e, e.Admin, pat+"&status="+q("http://hl7.org/fhir/event-status|completed"), all)
		clinicalWant(t, e, e.Admin, pat+"&status=not-done", nil)
		cvx := bestRecs[0].Str("cvx_code")
		clinicalWant(t, e, e.Admin, pat+"&vaccine-code="+q("http://hl7.org/fhir/sid/cvx|"+cvx), clinicalWhere(bestRecs, func(r emr.Record) bool { return r.Str("cvx_code") == cvx }))
		for _, rec := range bestRecs {
			r := e.Do("GET", "/fhir/Immunization/"+rec.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if r.Str("status") != "completed" || r.Str("patient", "reference") != "Patient/"+demoPatient(best) ||
				r.Str("vaccineCode", "coding", 0, "system") != "http://hl7.org/fhir/sid/cvx" || r.Str("vaccineCode", "coding", 0, "code") != rec.Str("cvx_code") ||
				r.Str("vaccineCode", "coding", 0, "display") == "" || r.Get("primarySource") != true ||
				!strings.HasPrefix(r.Str("performer", 0, "actor", "reference"), "Practitioner/") ||
				(rec.Str("encounter_id") != "") != strings.HasPrefix(r.Str("encounter", "reference"), "Encounter/") ||
				!strings.Contains(string(r.Body), "us-core-immunization|6.1.0") {
				t.Errorf("read %s: %s", rec.Str("uuid"), r.Body)
			}
		}

		// A refused dose and one entered by mistake, on patient 2.
		dose := func(v map[string]any) string {
			v["patient_id"], v["administered_date"], v["update_date"] = "2", "2022-02-02 10:00:00", "2022-02-02 10:00:00"
			return recStr(storeInsert(t, e, resource.Immunization, v), "uuid")
		}
		refused := dose(map[string]any{"cvx_code": "208", "completion_status": "Refused", "refusal_reason": "religious_exemption"})
		wrong := dose(map[string]any{"cvx_code": "140", "completion_status": "Completed", "added_erroneously": "1"})
		pat = "Immunization?patient=" + demoPatient(2) + "&date=2022-02-02"
		clinicalWant(t, e, e.Admin, pat, []string{refused, wrong})
		clinicalWant(t, e, e.Admin, pat+"&status=not-done", []string{refused})
		clinicalWant(t, e, e.Admin, pat+"&status=entered-in-error", []string{wrong})
		clinicalWant(t, e, e.Admin, pat+"&status=completed", nil)
		r := e.Do("GET", "/fhir/Immunization/"+refused, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("status") != "not-done" || r.Str("statusReason", "coding", 0, "code") != "RELIG" {
			t.Errorf("refused dose: %s", r.Body)
		}
		clinicalCompartment(t, e, "Immunization")
	})
}
