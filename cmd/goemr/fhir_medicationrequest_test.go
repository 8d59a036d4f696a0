package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// mrWant runs a FHIR search and checks that it matches exactly want, in
// any order.
func mrWant(t *testing.T, e *apiEnv, token, query string, want []string) {
	t.Helper()
	got, r := fhirSearch(t, e, token, query)
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %v\nwant %v\n%.2000s", query, got, want, r.Body)
	}
}

// mrCompartment checks that a patient token with scope reaches only its
// own patient's resources of typ: another patient's resource (other) is
// unknown to it, and searches never show it.
func mrCompartment(t *testing.T, e *apiEnv, scope, typ, mine, other string) {
	t.Helper()
	phil := e.Token("patient", "openid "+scope)
	r := e.Do("GET", "/fhir/"+typ+"/"+mine, phil, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	if r := e.Do("GET", "/fhir/"+typ+"/"+other, phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("%s of another patient: %d %s", typ, r.Status, r.Body)
	}
	for _, q := range []string{typ, typ + "?patient=" + demoPatient(2), typ + "?_id=" + other, typ + "?_id=" + mine + "," + other} {
		ids, _ := fhirSearch(t, e, phil, q)
		if slices.Contains(ids, other) {
			t.Errorf("%s: the patient token sees %s", q, other)
		}
	}
	if ids, _ := fhirSearch(t, e, phil, typ+"?patient="+demoPatient(1)); !slices.Contains(ids, mine) {
		t.Errorf("%s?patient=me misses %s", typ, mine)
	}
}

// mrUnknown checks that an id nothing has is a 404 OperationOutcome.
func mrUnknown(t *testing.T, e *apiEnv, typ string) {
	t.Helper()
	r := e.Do("GET", "/fhir/"+typ+"/00000000-0000-0000-0000-000000000000", e.Admin, nil)
	if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-found" {
		t.Errorf("unknown %s: %d %s", typ, r.Status, r.Body)
	}
	emrtest.ValidateFHIR(t, r.Body)
}

// stdMedication is one row of the Standard API's prescription list, which
// holds the same prescriptions and list entries.
type stdMedication struct{ uuid, source, status, encounter, added string }

func stdMedications(t *testing.T, e *apiEnv, puuid string) []stdMedication {
	t.Helper()
	r := e.Do("GET", "/api/prescription?puuid="+puuid, e.Admin, nil).Want(t, 200)
	var out []stdMedication
	for i := 0; i < r.Len("data"); i++ {
		out = append(out, stdMedication{r.Str("data", i, "uuid"), r.Str("data", i, "source_table"), r.Str("data", i, "status"),
			r.Str("data", i, "euuid"), r.Str("data", i, "date_added")})
	}
	return out
}

func mrSelect(rows []stdMedication, keep func(stdMedication) bool) []string {
	var out []string
	for _, m := range rows {
		if keep(m) {
			out = append(out, m.uuid)
		}
	}
	return out
}

// TestFHIRMedicationRequest runs the US Core 6.1.0 MedicationRequest
// searches (patient+intent, +status, +encounter, +authoredon) on demo
// patient 1 and checks them against the Standard API's prescription list.
func TestFHIRMedicationRequest(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me := demoPatient(1)
		rows := stdMedications(t, e, me)
		orders := mrSelect(rows, func(m stdMedication) bool { return m.source == "prescriptions" })
		plans := mrSelect(rows, func(m stdMedication) bool { return m.source == "lists" })
		if len(orders) == 0 || len(plans) == 0 {
			t.Fatalf("demo patient 1 has %d prescriptions and %d list entries", len(orders), len(plans))
		}
		q := url.QueryEscape
		base := "MedicationRequest?_count=1000&patient=" + me
		mrWant(t, e, e.Admin, base, append(append([]string(nil), orders...), plans...))
		mrWant(t, e, e.Admin, base+"&intent=order", orders)
		mrWant(t, e, e.Admin, base+"&intent=plan", plans)
		mrWant(t, e, e.Admin, base+"&intent="+q("http://hl7.org/fhir/CodeSystem/medicationrequest-intent|order"), orders)
		mrWant(t, e, e.Admin, base+"&intent=order,plan", append(append([]string(nil), orders...), plans...))
		mrWant(t, e, e.Admin, base+"&intent="+q("urn:other|order"), nil)
		for _, status := range []string{"active", "completed", "stopped"} {
			for _, intent := range []string{"order", "plan"} {
				source := map[string]string{"order": "prescriptions", "plan": "lists"}[intent]
				want := mrSelect(rows, func(m stdMedication) bool { return m.source == source && m.status == status })
				mrWant(t, e, e.Admin, base+"&intent="+intent+"&status="+status, want)
			}
		}
		var enc, day string
		for _, m := range rows {
			if m.source == "prescriptions" && m.encounter != "" {
				enc, day = m.encounter, m.added[:10]
			}
		}
		if enc == "" {
			t.Fatal("no prescription of demo patient 1 was written at a visit")
		}
		mrWant(t, e, e.Admin, base+"&intent=order&encounter=Encounter/"+enc,
			mrSelect(rows, func(m stdMedication) bool { return m.source == "prescriptions" && m.encounter == enc }))
		mrWant(t, e, e.Admin, base+"&intent=order&authoredon="+day,
			mrSelect(rows, func(m stdMedication) bool { return m.source == "prescriptions" && m.added[:10] == day }))
		mrWant(t, e, e.Admin, base+"&intent=order,plan&authoredon=ge"+day+"&authoredon=le"+day,
			mrSelect(rows, func(m stdMedication) bool { return m.added[:10] == day }))
		mrWant(t, e, e.Admin, base+"&intent=order&authoredon=gt"+day,
			mrSelect(rows, func(m stdMedication) bool { return m.source == "prescriptions" && m.added[:10] > day }))

		// A read is the US Core resource, with the drug, patient and
		// prescriber it names resolvable.
		r := e.Do("GET", "/fhir/MedicationRequest/"+orders[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, want := range []string{"us-core-medicationrequest|6.1.0", `"intent":"order"`, `"reportedBoolean":false`,
			`"subject":{"reference":"Patient/` + me + `"}`, `"requester":{"reference":"Practitioner/`, `"dosageInstruction":[{"text":`} {
			if !strings.Contains(body, want) {
				t.Errorf("prescription lacks %s: %s", want, body)
			}
		}
		for _, ref := range []string{r.Str("requester", "reference"), r.Str("medicationReference", "reference"), r.Str("encounter", "reference")} {
			if ref != "" {
				e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
			}
		}
		r = e.Do("GET", "/fhir/MedicationRequest/"+plans[0], e.Admin, nil).Want(t, 200)
		if r.Str("intent") != "plan" || r.Get("reportedBoolean") != true || r.Str("medicationCodeableConcept", "coding", 0, "system") != "http://www.nlm.nih.gov/research/umls/rxnorm" {
			t.Errorf("list entry: %s", r.Body)
		}
		mrUnknown(t, e, "MedicationRequest")

		// _include brings the formulary drugs the prescriptions refer to.
		_, r = fhirSearch(t, e, e.Admin, base+"&intent=order&_include=MedicationRequest:medication")
		included := 0
		for i := 0; i < r.Len("entry"); i++ {
			if r.Str("entry", i, "search", "mode") == "include" && r.Str("entry", i, "resource", "resourceType") == "Medication" {
				included++
			}
		}
		if included == 0 {
			t.Errorf("_include=MedicationRequest:medication included no Medication: %.1500s", r.Body)
		}

		// A patient token sees its own requests only.
		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if rows := stdMedications(t, e, demoPatient(n)); len(rows) > 0 {
				other = rows[0].uuid
			}
		}
		mrCompartment(t, e, "patient/MedicationRequest.rs", "MedicationRequest", orders[0], other)
	})
}

// TestFHIRMedicationRequestSeesWrites: a prescription written through the
// Standard API is a MedicationRequest at once, and its discontinuation
// stops it.
func TestFHIRMedicationRequestSeesWrites(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		p := e.Do("GET", "/api/patient/"+demoPatient(3), e.Admin, nil).Want(t, 200)
		r := e.Do("POST", "/api/prescription", e.Admin, map[string]any{
			"patient_id": p.Str("data", "pid"), "drug": "cetirizine 10 MG Oral Tablet", "rxnorm_drugcode": "1014678",
			"dosage": "1", "quantity": "30", "refills": "2", "drug_dosage_instructions": "Take 1 tablet daily", "start_date": "2026-11-20",
		}).Want(t, 201)
		id := r.Str("data", "uuid")
		if id == "" {
			id = r.Str("uuid")
		}
		m := e.Do("GET", "/fhir/MedicationRequest/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, m.Body)
		if m.Str("status") != "active" || m.Str("medicationCodeableConcept", "coding", 0, "code") != "1014678" ||
			m.Str("dosageInstruction", 0, "text") != "Take 1 tablet daily" || m.Str("requester", "reference") == "" {
			t.Errorf("new prescription: %s", m.Body)
		}
		e.Do("DELETE", "/api/prescription/"+id, e.Admin, nil).Want(t, 200)
		if got := e.Do("GET", "/fhir/MedicationRequest/"+id, e.Admin, nil).Str("status"); got != "stopped" {
			t.Errorf("discontinued prescription is %q", got)
		}
	})
}
