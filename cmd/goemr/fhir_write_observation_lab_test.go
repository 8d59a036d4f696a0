package main

import (
	"strings"
	"testing"
)

const newLabResult = `{"resourceType":"Observation","status":"final",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
 "code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}],"text":"Glucose"},
 "subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2021-05-01T07:30:00Z","issued":"2021-05-01T12:00:00Z",
 "valueQuantity":{"value":92,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"},
 "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N"}]}],
 "referenceRange":[{"low":{"value":70,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"},"high":{"value":99,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}],
 "specimen":{"display":"Serum"},"note":[{"text":"fasting"}]}`

// TestFHIRObservationWriteLab: a laboratory result is a procedure result
// of the patient's order, which the Standard API's procedure orders list;
// a coded result keeps its codes.
func TestFHIRObservationWriteLab(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		id := runWriteCase(t, e, writeCase{
			typ: "Observation", body: newLabResult,
			check: func(t *testing.T, r *Resp) {
				sameClinicalContent(t, "glucose", forPatient(newLabResult, demoPatient(2)), r)
			},
			update: [2]string{`"value":92`, `"value":131`},
			updated: func(t *testing.T, r *Resp) {
				if r.Get("valueQuantity", "value") != 131.0 || r.Str("specimen", "display") != "Serum" {
					t.Errorf("updated glucose: %s", r.Body)
				}
			},
			bad: map[string]string{
				"a local code": strings.Replace(newLabResult, `"system":"http://loinc.org","code":"2345-7"`, `"system":"urn:local","code":"GLU"`, 1),
				"two ranges":   strings.Replace(newLabResult, `"referenceRange":[`, `"referenceRange":[{"text":"<100"},`, 1),
				"a boolean":    strings.Replace(newLabResult, `"valueQuantity":{"value":92,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}`, `"valueBoolean":false`, 1),
				"a panel":      strings.Replace(newLabResult, `"note"`, `"hasMember":[{"reference":"Observation/x"}],"note"`, 1),
			},
		})
		// The Standard API lists the result under an order of the patient.
		std := e.Do("GET", "/api/procedure", e.Admin, nil).Want(t, 200)
		found := false
		for i := 0; i < std.Len("data"); i++ {
			for j := 0; j < std.Len("data", i, "reports"); j++ {
				for k := 0; k < std.Len("data", i, "reports", j, "results"); k++ {
					if std.Str("data", i, "reports", j, "results", k, "uuid") == id {
						found = std.Str("data", i, "patient", "uuid") == demoPatient(2) &&
							std.Str("data", i, "reports", j, "results", k, "code") == "2345-7"
					}
				}
			}
		}
		if !found {
			t.Errorf("the Standard API's procedure orders do not list result %s: %s", id, std.Body)
		}

		// A coded result, and one in another encounter: an update moves it
		// to that encounter's order.
		covid := anyPatient.ReplaceAllString(usCoreExample(t, "Observation-at-home-in-vitro-test.json", demoPatient(3)), `"Patient/`+demoPatient(3)+`"`)
		cid := postFHIR(t, e, "Observation", covid)
		sameClinicalContent(t, "at-home test", covid, e.Do("GET", "/fhir/Observation/"+cid, e.Admin, nil).Want(t, 200))
		euuid, _, _ := stdEncounter(t, e, demoPatient(3))
		moved := strings.Replace(covid, `"resourceType":"Observation","id":"at-home-in-vitro-test"`, `"resourceType":"Observation","id":"`+cid+`"`, 1)
		moved = strings.Replace(moved, `"effectiveDateTime"`, `"encounter":{"reference":"Encounter/`+euuid+`"},"effectiveDateTime"`, 1)
		e.DoHeader("PUT", "/fhir/Observation/"+cid, e.Admin, moved, fhirJSONHeader...).Want(t, 200)
		got := e.Do("GET", "/fhir/Observation/"+cid, e.Admin, nil).Want(t, 200)
		sameClinicalContent(t, "moved at-home test", moved, got)
		if got.Str("encounter", "reference") != "Encounter/"+euuid {
			t.Errorf("moved result: %s", got.Body)
		}
	})
}
