package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

const newImmunization = `{"resourceType":"Immunization","status":"completed",
 "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},
 "patient":{"reference":"Patient/PATIENT"},"occurrenceDateTime":"2024-10-01T09:30:00-04:00","primarySource":true,
 "lotNumber":"FLU4411","expirationDate":"2025-06-30","manufacturer":{"display":"Sanofi Pasteur"},
 "site":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActSite","code":"LD"}]},
 "route":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration","code":"IM"}]},
 "doseQuantity":{"value":0.5,"unit":"mL","system":"http://unitsofmeasure.org","code":"mL"},"note":[{"text":"tolerated well"}]}`

// Immunizations as Synthea v2.5 writes them, their patient and encounter
// references pointed at a demo patient's (PATIENT, ENCOUNTER).
var syntheaImmunizations = []string{
	`{"resourceType":"Immunization","id":"1f79f16e-f054-4bf1-873c-1f48e684b4a7","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140","display":"Influenza, seasonal, injectable, preservative free"}],"text":"Influenza, seasonal, injectable, preservative free"},"patient":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"occurrenceDateTime":"2020-04-19T06:41:36-04:00","primarySource":true}`,
	`{"resourceType":"Immunization","id":"a9b82f2a-9827-4f50-b837-f147f150a48b","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"113","display":"Td (adult) preservative free"}],"text":"Td (adult) preservative free"},"patient":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"occurrenceDateTime":"2016-01-20T16:30:49-05:00","primarySource":true}`,
}

// TestFHIRImmunizationWrite: Immunization create and update land in
// immunizations, read by the Standard API, with versions.
func TestFHIRImmunizationWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		const code = `"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"Patient/PATIENT"}`
		id := runWriteCase(t, e, writeCase{
			typ: "Immunization", body: newImmunization,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "completed", "vaccineCode.coding.0.system": "http://hl7.org/fhir/sid/cvx", "vaccineCode.coding.0.code": "140",
					"vaccineCode.coding.0.display": "Influenza, seasonal, injectable, preservative free", "primarySource": "true",
					"patient.reference": "Patient/" + demoPatient(2), "occurrenceDateTime": "2024-10-01T13:30:00Z",
					"lotNumber": "FLU4411", "expirationDate": "2025-06-30", "manufacturer.display": "Sanofi Pasteur",
					"site.coding.0.code": "LD", "route.coding.0.code": "IM", "doseQuantity.code": "mL",
					"note.0.text": "tolerated well",
				})
				if v := fmt.Sprint(r.Get("doseQuantity", "value")); v != "0.5" {
					t.Errorf("doseQuantity.value %s", v)
				}
			},
			update: [2]string{`"primarySource":true`, `"primarySource":false`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"primarySource": "false", "lotNumber": "FLU4411"})
			},
			bad: map[string]string{
				"no status":         `{"resourceType":"Immunization",` + code + `,"occurrenceDateTime":"2024-10-01"}`,
				"no CVX code":       `{"resourceType":"Immunization","status":"completed","vaccineCode":{"text":"flu shot"},"patient":{"reference":"Patient/PATIENT"}}`,
				"no patient":        `{"resourceType":"Immunization","status":"completed","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]}}`,
				"reason not stored": `{"resourceType":"Immunization","status":"not-done","statusReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"IMMUNE"}]},` + code + `}`,
				"occurrence text":   `{"resourceType":"Immunization","status":"completed",` + code + `,"occurrenceString":"last fall"}`,
				"bad date":          `{"resourceType":"Immunization","status":"completed",` + code + `,"occurrenceDateTime":"2024-13-45"}`,
			},
		})
		std := e.Do("GET", "/api/immunization/"+id, e.Admin, nil).Want(t, 200)
		if std.Str("data", "cvx_code") != "140" || std.Str("data", "puuid") != demoPatient(2) || std.Str("data", "lot_number") != "FLU4411" {
			t.Errorf("the Standard API's immunization: %s", std.Body)
		}

		// Given at an encounter, by a practitioner; a refusal.
		encs, err := e.Store.List(context.Background(), resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", 2)}})
		other, err2 := e.Store.List(context.Background(), resource.Encounter, emr.Query{Where: []emr.Cond{emr.Eq("pid", 1)}})
		if err != nil || err2 != nil || len(encs) == 0 || len(other) == 0 {
			t.Fatalf("demo encounters: %v %v", err, err2)
		}
		doc := demo.ID("practitioner", 1)
		at := strings.Replace(forPatient(newImmunization, demoPatient(2)), `"primarySource":true`, `"primarySource":true,"encounter":{"reference":"Encounter/`+encs[0].Str("uuid")+
			`"},"performer":[{"function":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0443","code":"AP"}]},"actor":{"reference":"Practitioner/`+doc+`"}}]`, 1)
		r := e.DoHeader("POST", "/fhir/Immunization", e.Admin, at, fhirJSONHeader...).Want(t, 201)
		checkPaths(t, r, map[string]string{"encounter.reference": "Encounter/" + encs[0].Str("uuid"),
			"performer.0.actor.reference": "Practitioner/" + doc, "performer.0.function.coding.0.code": "AP"})
		elsewhere := strings.Replace(at, encs[0].Str("uuid"), other[0].Str("uuid"), 1)
		if r := e.DoHeader("POST", "/fhir/Immunization", e.Admin, elsewhere, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("an immunization at another patient's encounter: %d %s", r.Status, r.Body)
		}
		refused := strings.Replace(forPatient(newImmunization, demoPatient(2)), `"status":"completed"`,
			`"status":"not-done","statusReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActReason","code":"RELIG"}]}`, 1)
		r = e.DoHeader("POST", "/fhir/Immunization", e.Admin, refused, fhirJSONHeader...).Want(t, 201)
		checkPaths(t, r, map[string]string{"status": "not-done", "statusReason.coding.0.code": "RELIG"})

		// The official example (its NDC coding is not kept) and Synthea's.
		r = e.DoHeader("POST", "/fhir/Immunization", e.Admin, usCoreExample(t, "Immunization-imm-1.json", demoPatient(3)), fhirJSONHeader...).Want(t, 201)
		r = e.Do("GET", "/fhir/Immunization/"+r.Str("id"), e.Admin, nil).Want(t, 200)
		checkPaths(t, r, map[string]string{"status": "completed", "vaccineCode.coding.0.code": "197", "patient.reference": "Patient/" + demoPatient(3),
			"occurrenceDateTime": "2020-11-19T20:46:57Z", "primarySource": "false",
			"vaccineCode.coding.0.display": "influenza, high-dose seasonal, quadrivalent, 0.7mL dose, preservative free"})
		for _, s := range syntheaImmunizations {
			s = strings.ReplaceAll(forPatient(s, demoPatient(2)), "ENCOUNTER", encs[0].Str("uuid"))
			r := e.DoHeader("POST", "/fhir/Immunization", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			if r.Str("encounter", "reference") != "Encounter/"+encs[0].Str("uuid") || r.Str("vaccineCode", "coding", 0, "display") == "" {
				t.Errorf("Synthea immunization: %s", r.Body)
			}
		}
	})
}
