package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRMedication: the formulary as US Core Medication, read only and
// readable by _id, the same drugs the Standard API lists.
func TestFHIRMedication(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		std := e.Do("GET", "/api/drug", e.Admin, nil).Want(t, 200)
		if std.Len("data") == 0 {
			t.Fatal("the demo formulary is empty")
		}
		var drugs []string
		for i := 0; i < std.Len("data"); i++ {
			drugs = append(drugs, std.Str("data", i, "uuid"))
		}
		mrWant(t, e, e.Admin, "Medication?_count=1000", drugs)
		mrWant(t, e, e.Admin, "Medication?_id="+drugs[0]+","+drugs[1], drugs[:2])

		r := e.Do("GET", "/fhir/Medication/"+drugs[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		code := std.Str("data", 0, "rxnorm_drugcode")
		if r.Str("code", "coding", 0, "system") != "http://www.nlm.nih.gov/research/umls/rxnorm" || r.Str("code", "coding", 0, "code") != code ||
			r.Str("code", "text") != std.Str("data", 0, "name") || r.Str("status") != "active" {
			t.Errorf("Medication %s: %s", drugs[0], r.Body)
		}
		if !strings.Contains(string(r.Body), "us-core-medication|6.1.0") {
			t.Errorf("no US Core profile: %s", r.Body)
		}
		mrUnknown(t, e, "Medication")

		// Medication is in no patient's compartment: a patient token with
		// the scope reads the formulary, one without it nothing.
		e.Do("GET", "/fhir/Medication/"+drugs[0], e.Token("patient", "openid patient/Medication.rs"), nil).Want(t, 200)
		if r := e.Do("GET", "/fhir/Medication/"+drugs[0], e.Token("patient", "openid patient/Patient.rs"), nil); r.Status != 403 {
			t.Errorf("without a Medication scope: %d", r.Status)
		}
	})
}
