package main

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

const newMedicationRequest = `{"resourceType":"MedicationRequest","status":"active","intent":"order",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-category","code":"outpatient"}]}],
 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"314076","display":"lisinopril 10 MG Oral Tablet"}]},
 "subject":{"reference":"Patient/PATIENT"},"authoredOn":"2024-05-02T15:00:00Z","requester":{"reference":"Practitioner/PRACTITIONER"},
 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"}],"text":"Essential hypertension"}],
 "dosageInstruction":[{"text":"1 tablet by mouth daily","timing":{"repeat":{"boundsPeriod":{"start":"2024-05-03"},"frequency":1,"period":1,"periodUnit":"d"}},
  "route":{"text":"Per Oris"},"doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}],
 "dispenseRequest":{"numberOfRepeatsAllowed":3,"quantity":{"value":90,"unit":"tablet"}},"note":[{"text":"recheck BP in 4 weeks"}]}`

// Prescriptions as Synthea v2.5 writes them, their references pointed at
// demo records (PATIENT, ENCOUNTER, PRACTITIONER, CONDITION).
var syntheaMedicationRequests = []string{
	`{"resourceType":"MedicationRequest","id":"4f398a23-bce1-4e3e-8a2d-8d48800a65c1","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"896209","display":"60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler"}],"text":"60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler"},"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"authoredOn":"2020-02-15T17:45:58-05:00","requester":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Blythe Considine"},"reasonReference":[{"reference":"Condition/CONDITION"}]}`,
	`{"resourceType":"MedicationRequest","id":"acff12b1-2073-44a6-a375-0e4ceef34525","status":"stopped","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"749785","display":"Ortho Tri-Cyclen 28 Day Pack"}],"text":"Ortho Tri-Cyclen 28 Day Pack"},"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"authoredOn":"2009-12-14T05:09:55-05:00","requester":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Horacio Páez"}}`,
}

// TestFHIRMedicationRequestWrite: MedicationRequest create and update land
// in prescriptions, read by the Standard API, with versions.
func TestFHIRMedicationRequestWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		doc := demo.ID("practitioner", 1)
		body := strings.ReplaceAll(newMedicationRequest, "PRACTITIONER", doc)
		const rx = `"medicationCodeableConcept":{"text":"aspirin"},"subject":{"reference":"Patient/PATIENT"}`
		id := runWriteCase(t, e, writeCase{
			typ: "MedicationRequest", body: body,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "active", "intent": "order", "category.0.coding.0.code": "outpatient", "reportedBoolean": "false",
					"medicationCodeableConcept.coding.0.code": "314076", "medicationCodeableConcept.text": "lisinopril 10 MG Oral Tablet",
					"subject.reference": "Patient/" + demoPatient(2), "authoredOn": "2024-05-02T15:00:00Z", "requester.reference": "Practitioner/" + doc,
					"reasonCode.0.coding.0.code": "I10", "reasonCode.0.text": "Essential hypertension",
					"dosageInstruction.0.text": "1 tablet by mouth daily", "dosageInstruction.0.timing.repeat.frequency": "1",
					"dosageInstruction.0.timing.repeat.periodUnit": "d", "dosageInstruction.0.timing.repeat.boundsPeriod.start": "2024-05-03",
					"dosageInstruction.0.route.text": "Per Oris", "dosageInstruction.0.doseAndRate.0.doseQuantity.value": "1",
					"dosageInstruction.0.doseAndRate.0.doseQuantity.unit": "tablet", "dispenseRequest.numberOfRepeatsAllowed": "3",
					"dispenseRequest.quantity.value": "90", "dispenseRequest.quantity.unit": "tablet", "note.0.text": "recheck BP in 4 weeks",
				})
			},
			update: [2]string{`"status":"active"`, `"status":"stopped"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "stopped", "medicationCodeableConcept.coding.0.code": "314076"})
			},
			bad: map[string]string{
				"no status":       `{"resourceType":"MedicationRequest","intent":"order",` + rx + `}`,
				"on hold":         `{"resourceType":"MedicationRequest","status":"on-hold","intent":"order",` + rx + `}`,
				"no medication":   `{"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/PATIENT"}}`,
				"unknown route":   `{"resourceType":"MedicationRequest","status":"active","intent":"order",` + rx + `,"dosageInstruction":[{"route":{"text":"by owl"}}]}`,
				"unknown form":    `{"resourceType":"MedicationRequest","status":"active","intent":"order",` + rx + `,"dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":2,"unit":"barrels"}}]}]}`,
				"unknown drug":    `{"resourceType":"MedicationRequest","status":"active","intent":"order","medicationReference":{"reference":"Medication/nope"},"subject":{"reference":"Patient/PATIENT"}}`,
				"name too long":   `{"resourceType":"MedicationRequest","status":"active","intent":"order","medicationCodeableConcept":{"text":"` + strings.Repeat("x", 151) + `"},"subject":{"reference":"Patient/PATIENT"}}`,
				"not a requester": `{"resourceType":"MedicationRequest","status":"active","intent":"order",` + rx + `,"requester":{"reference":"Organization/nope"}}`,
			},
		})
		std := e.Do("GET", "/api/prescription/"+id, e.Admin, nil).Want(t, 200)
		if std.Str("data", "rxnorm_drugcode") != "314076" || std.Str("data", "drug") != "lisinopril 10 MG Oral Tablet" {
			t.Errorf("the Standard API's prescription: %s", std.Body)
		}

		// A medication list entry is read as MedicationRequest but is not
		// rewritten as a prescription.
		e.Do("POST", "/api/patient/2/medication", e.Admin, map[string]any{"title": "fish oil", "begdate": "2024-01-01 00:00:00"}).Want(t, 201)
		plans, _ := fhirSearch(t, e, e.Admin, "MedicationRequest?intent=plan&patient="+demoPatient(2))
		if len(plans) == 0 {
			t.Fatal("no medication list entry")
		}
		listed := plans[0]
		put := strings.Replace(forPatient(body, demoPatient(2)), `{"resourceType":"MedicationRequest",`, `{"resourceType":"MedicationRequest","id":"`+listed+`",`, 1)
		if r := e.DoHeader("PUT", "/fhir/MedicationRequest/"+listed, e.Admin, put, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a medication list entry updated as a prescription: %d %s", r.Status, r.Body)
		}

		// The official examples: coded, contained, a formulary drug, and a
		// patient's own record of a drug at an encounter.
		encs, err := e.Store.List(ctx, resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", 3)}})
		drugs, err2 := e.Store.List(ctx, resource.FHIRMedication, emr.Query{Limit: 1})
		conds, _ := fhirSearch(t, e, e.Admin, "Condition?patient="+demoPatient(3)+"&category=problem-list-item")
		if err != nil || err2 != nil || len(encs) == 0 || len(drugs) == 0 || len(conds) == 0 {
			t.Fatalf("demo records: %v %v %d %d %d", err, err2, len(encs), len(drugs), len(conds))
		}
		for file, want := range map[string]map[string]string{
			"MedicationRequest-medicationrequest-coded-oral-axid.json": {"medicationCodeableConcept.coding.0.code": "476872",
				"dosageInstruction.0.doseAndRate.0.doseQuantity.code": "mL", "dispenseRequest.quantity.value": "480",
				"reasonCode.0.coding.0.code": "51868009", "dosageInstruction.0.timing.repeat.frequency": "2"},
			"MedicationRequest-medicationrequest-contained-oral-axid.json": {"medicationCodeableConcept.coding.0.code": "582620",
				"medicationCodeableConcept.text": "Nizatidine 15 MG/ML Oral Solution [Axid]", "dispenseRequest.numberOfRepeatsAllowed": "1"},
			"MedicationRequest-medicationrequest-referenced-oral-axid.json": {"medicationReference.reference": "Medication/" + drugs[0].Str("uuid"),
				"dosageInstruction.0.text": "10 mL bid", "reasonCode.0.text": "Active Duodenal Ulcer"},
			"MedicationRequest-self-tylenol.json": {"intent": "plan", "reportedBoolean": "true", "medicationCodeableConcept.coding.0.code": "1187314",
				"encounter.reference": "Encounter/" + encs[0].Str("uuid"), "reasonCode.0.coding.0.code": "25064002",
				"dosageInstruction.0.text": "Takes 1-2 tablets once daily at bedtime as needed for restless legs"},
		} {
			s := usCoreExample(t, file, demoPatient(3))
			s = strings.NewReplacer(`"Practitioner/practitioner-1"`, `"Practitioner/`+doc+`"`, `"Medication/uscore-med2"`, `"Medication/`+drugs[0].Str("uuid")+`"`,
				`"Condition/condition-duodenal-ulcer"`, `"Condition/`+conds[0]+`"`, `"Encounter/example-1"`, `"Encounter/`+encs[0].Str("uuid")+`"`).Replace(s)
			r := e.DoHeader("POST", "/fhir/MedicationRequest", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/MedicationRequest/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			want["status"], want["subject.reference"] = "active", "Patient/"+demoPatient(3)
			if want["intent"] == "" {
				want["intent"], want["requester.reference"] = "order", "Practitioner/"+doc
				want["dosageInstruction.0.timing.repeat.boundsPeriod.start"] = "2008-04-05"
				want["authoredOn"] = "2008-04-05"
			}
			checkPaths(t, r, want)
		}

		// Synthea's, at an encounter of the patient's, for a problem of theirs.
		for _, s := range syntheaMedicationRequests {
			s = strings.NewReplacer("PATIENT", demoPatient(3), "ENCOUNTER", encs[0].Str("uuid"), "PRACTITIONER", doc, "CONDITION", conds[0]).Replace(s)
			r := e.DoHeader("POST", "/fhir/MedicationRequest", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			if r.Str("encounter", "reference") != "Encounter/"+encs[0].Str("uuid") || r.Str("requester", "reference") != "Practitioner/"+doc ||
				r.Str("medicationCodeableConcept", "coding", 0, "code") == "" {
				t.Errorf("Synthea prescription: %s", r.Body)
			}
		}
	})
}
