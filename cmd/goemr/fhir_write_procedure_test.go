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

const newProcedure = `{"resourceType":"Procedure","status":"completed",
 "code":{"coding":[{"system":"http://snomed.info/sct","code":"80146002","display":"Appendectomy"}],"text":"Appendectomy"},
 "subject":{"reference":"Patient/PATIENT"},"performedPeriod":{"start":"2023-02-11T08:00:00Z","end":"2023-02-11T09:10:00Z"},
 "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K35.80"}]}],"note":[{"text":"uncomplicated"}]}`

// Procedures as Synthea v2.5 writes them, their references pointed at
// demo records (PATIENT, ENCOUNTER, CONDITION).
var syntheaProcedures = []string{
	`{"resourceType":"Procedure","id":"28a6ca41-0ff1-4de9-8c02-a17c579c06cf","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"430193006","display":"Medication Reconciliation (procedure)"}],"text":"Medication Reconciliation (procedure)"},"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"performedPeriod":{"start":"2020-04-19T06:41:36-04:00","end":"2020-04-19T06:56:36-04:00"}}`,
	`{"resourceType":"Procedure","id":"0a9eded8-43b9-4fd2-a8ef-f6f0ead0429c","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"117015009","display":"Throat culture (procedure)"}],"text":"Throat culture (procedure)"},"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"performedPeriod":{"start":"2014-10-31T06:41:36-04:00","end":"2014-10-31T06:56:36-04:00"},"reasonReference":[{"reference":"Condition/CONDITION","display":"Acute viral pharyngitis (disorder)"}]}`,
}

// TestFHIRProcedureWrite: Procedure create and update land in a performed
// procedure order with its report, listed by the Standard API's
// procedures, with versions.
func TestFHIRProcedureWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		const code = `"code":{"text":"Appendectomy"},"subject":{"reference":"Patient/PATIENT"}`
		id := runWriteCase(t, e, writeCase{
			typ: "Procedure", body: newProcedure,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "completed", "code.coding.0.system": "http://snomed.info/sct", "code.coding.0.code": "80146002",
					"code.text": "Appendectomy", "subject.reference": "Patient/" + demoPatient(2),
					"performedPeriod.start": "2023-02-11T08:00:00Z", "performedPeriod.end": "2023-02-11T09:10:00Z",
					"reasonCode.0.coding.0.code": "K35.80", "note.0.text": "uncomplicated",
				})
			},
			update: [2]string{`"status":"completed"`, `"status":"entered-in-error"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "entered-in-error", "code.coding.0.code": "80146002"})
			},
			bad: map[string]string{
				"no status":          `{"resourceType":"Procedure",` + code + `,"performedDateTime":"2023-02-11"}`,
				"not done":           `{"resourceType":"Procedure","status":"not-done",` + code + `}`,
				"no code":            `{"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/PATIENT"},"performedDateTime":"2023-02-11"}`,
				"completed, undated": `{"resourceType":"Procedure","status":"completed",` + code + `}`,
				"performed as text":  `{"resourceType":"Procedure","status":"completed",` + code + `,"performedString":"as a child"}`,
				"unknown code type":  `{"resourceType":"Procedure","status":"completed","code":{"coding":[{"system":"urn:x","code":"1"}]},"subject":{"reference":"Patient/PATIENT"},"performedDateTime":"2023-02-11"}`,
			},
		})
		std := e.Do("GET", "/api/procedure", e.Admin, nil).Want(t, 200)
		if !strings.Contains(string(std.Body), `"uuid":"`+id+`"`) {
			t.Errorf("the Standard API's procedures do not show report %s", id)
		}

		// At an encounter, by a practitioner, for a problem; a surgery on
		// the list is not rewritten here.
		ctx := context.Background()
		encs, err := e.Store.List(ctx, resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", 3)}})
		conds, _ := fhirSearch(t, e, e.Admin, "Condition?patient="+demoPatient(3)+"&category=problem-list-item")
		if err != nil || len(encs) == 0 || len(conds) == 0 {
			t.Fatalf("demo records: %v %d %d", err, len(encs), len(conds))
		}
		doc, enc := demo.ID("practitioner", 1), encs[0].Str("uuid")
		at := strings.Replace(forPatient(newProcedure, demoPatient(3)), `"note":`, `"encounter":{"reference":"Encounter/`+enc+`"},"performer":[{"actor":{"reference":"Practitioner/`+doc+`"}}],"note":`, 1)
		r := e.DoHeader("POST", "/fhir/Procedure", e.Admin, at, fhirJSONHeader...).Want(t, 201)
		checkPaths(t, r, map[string]string{"encounter.reference": "Encounter/" + enc, "performer.0.actor.reference": "Practitioner/" + doc})
		ids, _ := fhirSearch(t, e, e.Admin, "Procedure?patient="+demoPatient(3)+"&code=80146002&date=2023-02-11")
		if len(ids) != 1 || ids[0] != r.Str("id") {
			t.Errorf("search by code and date: %v", ids)
		}
		e.Do("POST", "/api/patient/3/surgery", e.Admin, map[string]any{"title": "Tonsillectomy", "begdate": "2001-04-13 00:00:00"}).Want(t, 201)
		surgeries, _ := fhirSearch(t, e, e.Admin, "Procedure?patient="+demoPatient(3)+"&date=2001-04-13")
		if len(surgeries) != 1 {
			t.Fatalf("the surgery: %v", surgeries)
		}
		put := strings.Replace(forPatient(newProcedure, demoPatient(3)), `{"resourceType":"Procedure",`, `{"resourceType":"Procedure","id":"`+surgeries[0]+`",`, 1)
		if r := e.DoHeader("PUT", "/fhir/Procedure/"+surgeries[0], e.Admin, put, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a surgery updated as a procedure order: %d %s", r.Status, r.Body)
		}

		// The official examples and Synthea's.
		for file, want := range map[string]map[string]string{
			"Procedure-defib-implant.json": {"code.coding.0.system": "http://www.ama-assn.org/go/cpt", "code.coding.0.code": "33249",
				"performedPeriod.start": "2019-03-26T19:55:26Z", "performedPeriod.end": "2019-03-26T20:25:26Z", "performer.0.actor.reference": "Practitioner/" + doc},
			"Procedure-rehab.json": {"code.coding.0.code": "24165007", "code.coding.1.code": "HZ30ZZZ", "code.text": "Alcohol rehabilitation",
				"performedDateTime": "2002-05-23"},
		} {
			s := strings.ReplaceAll(usCoreExample(t, file, demoPatient(3)), `"Practitioner/practitioner-1"`, `"Practitioner/`+doc+`"`)
			r := e.DoHeader("POST", "/fhir/Procedure", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Procedure/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			want["status"], want["subject.reference"] = "completed", "Patient/"+demoPatient(3)
			checkPaths(t, r, want)
		}
		for _, s := range syntheaProcedures {
			s = strings.NewReplacer("PATIENT", demoPatient(3), "ENCOUNTER", enc, "CONDITION", conds[0]).Replace(s)
			r := e.DoHeader("POST", "/fhir/Procedure", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			if r.Str("encounter", "reference") != "Encounter/"+enc || r.Str("performedPeriod", "end") == "" || r.Str("code", "coding", 0, "code") == "" {
				t.Errorf("Synthea procedure: %s", r.Body)
			}
		}
	})
}
