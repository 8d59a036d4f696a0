package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRMedicationDispense runs the US Core 6.1.0 MedicationDispense
// searches (patient, patient+status, patient+status+type) and
// _include=MedicationDispense:medication on demo patient 1's dispenses,
// checked against drug_sales; each names the MedicationRequest of the
// prescription it filled.
func TestFHIRMedicationDispense(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		me := demoPatient(1)
		sales := srStored(t, e, resource.DrugSale, emr.Eq("pid", "1"))
		if len(sales) == 0 {
			t.Fatal("demo patient 1 has no dispenses")
		}
		base := "MedicationDispense?_count=200&patient=" + me
		all := srIDs(sales, "uuid", nil)
		srWant(t, e, e.Admin, base, all)
		srWant(t, e, e.Admin, base+"&status=completed", all)
		srWant(t, e, e.Admin, base+"&status="+q("http://terminology.hl7.org/CodeSystem/medicationdispense-status|completed"), all)
		srWant(t, e, e.Admin, base+"&status=in-progress,stopped", nil)
		for _, kind := range []string{"FFC", "RFC"} {
			of := srIDs(sales, "uuid", func(r emr.Record) bool { return r.Str("pharmacy_supply_type") == kind })
			srWant(t, e, e.Admin, base+"&status=completed&type="+kind, of)
			srWant(t, e, e.Admin, base+"&status=completed&type="+q("http://terminology.hl7.org/CodeSystem/v3-ActCode|"+kind), of)
		}
		srWant(t, e, e.Admin, base+"&status=completed&type="+q("urn:other|FFC"), nil)

		// The read: the formulary drug, the prescription it filled (a
		// MedicationRequest of the same patient), when and how much.
		s := sales[0]
		r := e.Do("GET", "/fhir/MedicationDispense/"+s.Str("uuid"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-medicationdispense|6.1.0", `"status":"completed"`, `"subject":{"reference":"Patient/` + me + `"}`,
			`"whenHandedOver":"` + s.Str("sale_date") + `"`, `"quantity":{"value":` + s.Str("quantity"), `"code":"` + s.Str("pharmacy_supply_type") + `"`,
			`"dosageInstruction":[{"text":`, `{"actor":{"reference":"Practitioner/`, `{"actor":{"reference":"Organization/`} {
			if !strings.Contains(body, w) {
				t.Errorf("read lacks %s: %s", w, body)
			}
		}
		rx := e.Do("GET", "/fhir/"+r.Str("authorizingPrescription", 0, "reference"), e.Admin, nil).Want(t, 200)
		if rx.Str("subject", "reference") != "Patient/"+me || rx.Str("intent") != "order" {
			t.Errorf("authorizing prescription: %s", rx.Body)
		}
		for _, ref := range []string{r.Str("medicationReference", "reference"), r.Str("performer", 0, "actor", "reference"), r.Str("performer", 1, "actor", "reference")} {
			e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
		}
		srWant(t, e, e.Admin, "MedicationDispense?prescription="+strings.TrimPrefix(r.Str("authorizingPrescription", 0, "reference"), "MedicationRequest/"),
			srIDs(sales, "uuid", func(x emr.Record) bool { return x.Str("prescription_id") == s.Str("prescription_id") }))

		// _include brings the dispensed drugs, once each.
		_, r = fhirSearch(t, e, e.Admin, base+"&_include=MedicationDispense:medication")
		var included, drugs []string
		for i := 0; i < r.Len("entry"); i++ {
			if r.Str("entry", i, "search", "mode") == "include" && r.Str("entry", i, "resource", "resourceType") == "Medication" {
				included = append(included, r.Str("entry", i, "resource", "id"))
			}
		}
		for _, x := range sales {
			for _, d := range srStored(t, e, resource.FHIRMedication, emr.Eq("drug_id", x.Str("drug_id"))) {
				if !slices.Contains(drugs, d.Str("uuid")) {
					drugs = append(drugs, d.Str("uuid"))
				}
			}
		}
		slices.Sort(included)
		if slices.Sort(drugs); !slices.Equal(included, drugs) {
			t.Errorf("_include=MedicationDispense:medication included %v, want %v", included, drugs)
		}
		srUnknown(t, e, "MedicationDispense")

		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if recs := srStored(t, e, resource.DrugSale, emr.Eq("pid", demoPID(t, e, n))); len(recs) > 0 {
				other = recs[0].Str("uuid")
			}
		}
		srCompartment(t, e, "patient/MedicationDispense.rs", "MedicationDispense", s.Str("uuid"), other)
	})
}
