package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRSpecimen runs the US Core 6.1.0 Specimen searches (_id,
// patient) and OpenEMR's others (identifier, accession, type, collected,
// status) on the specimens of demo patient 1's lab orders.
func TestFHIRSpecimen(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		me := demoPatient(1)
		stored := srStored(t, e, resource.FHIRSpecimen, emr.Eq("pid", "1"))
		if len(stored) == 0 {
			t.Fatal("demo patient 1 has no specimens")
		}
		// Every ordered test of the demo's lab orders has its specimen.
		if tests := srOrderedTests(t, e, "1"); len(tests) != len(stored) {
			t.Errorf("%d ordered tests, %d specimens", len(tests), len(stored))
		}
		base := "Specimen?_count=200&patient=" + me
		all := srIDs(stored, "uuid", nil)
		srWant(t, e, e.Admin, base, all)
		first := stored[0]
		srWant(t, e, e.Admin, "Specimen?_id="+first.Str("uuid"), []string{first.Str("uuid")})
		srWant(t, e, e.Admin, base+"&identifier="+first.Str("specimen_identifier"), []string{first.Str("uuid")})
		srWant(t, e, e.Admin, base+"&accession="+first.Str("accession_identifier"),
			srIDs(stored, "uuid", func(r emr.Record) bool { return r.Str("accession_identifier") == first.Str("accession_identifier") }))
		srWant(t, e, e.Admin, base+"&type="+q("http://snomed.info/sct|119364003"),
			srIDs(stored, "uuid", func(r emr.Record) bool { return r.Str("specimen_type_code") == "119364003" }))
		day := first.Str("collected_date")[:10]
		srWant(t, e, e.Admin, base+"&collected="+day,
			srIDs(stored, "uuid", func(r emr.Record) bool { return r.Str("collected_date")[:10] == day }))
		srWant(t, e, e.Admin, base+"&status=available", all)
		srWant(t, e, e.Admin, base+"&status=entered-in-error", nil)

		r := e.Do("GET", "/fhir/Specimen/"+first.Str("uuid"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-specimen|6.1.0", `"status":"available"`, `"system":"http://snomed.info/sct","code":"` + first.Str("specimen_type_code"),
			`"subject":{"reference":"Patient/` + me + `"}`, `"accessionIdentifier":{"type":`, `"collectedDateTime":"` + day,
			`"method":{"coding":[{"system":"http://snomed.info/sct","code":"28520004"`, `"quantity":{"value":`} {
			if !strings.Contains(body, w) {
				t.Errorf("read lacks %s: %s", w, body)
			}
		}
		// The request it was collected for names it back.
		req := r.Str("request", 0, "reference")
		sr := e.Do("GET", "/fhir/"+req, e.Admin, nil).Want(t, 200)
		if sr.Str("specimen", 0, "reference") != "Specimen/"+first.Str("uuid") {
			t.Errorf("%s does not name its specimen: %s", req, sr.Body)
		}
		srUnknown(t, e, "Specimen")

		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if recs := srStored(t, e, resource.FHIRSpecimen, emr.Eq("pid", demoPID(t, e, n))); len(recs) > 0 {
				other = recs[0].Str("uuid")
			}
		}
		srCompartment(t, e, "patient/Specimen.rs", "Specimen", first.Str("uuid"), other)
	})
}
