package main

import (
	"strings"
	"testing"
)

const newPainScore = `{"resourceType":"Observation","status":"final",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
 "code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}],"text":"Pain severity - 0-10 verbal numeric rating [Score] - Reported"},
 "subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2021-04-05T09:12:00Z",
 "valueQuantity":{"value":3,"unit":"{score}","system":"http://unitsofmeasure.org","code":"{score}"}}`

// TestFHIRObservationWriteForms: observations that are neither US Core
// vital signs nor laboratory results (here pain severity, which Synthea
// writes as a vital sign) are rows of OpenEMR's Observation form, with
// versions.
func TestFHIRObservationWriteForms(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		runWriteCase(t, e, writeCase{
			typ: "Observation", body: newPainScore,
			check: func(t *testing.T, r *Resp) {
				sameClinicalContent(t, "pain", forPatient(newPainScore, demoPatient(2)), r)
				if r.Str("meta", "profile", 0) != "http://hl7.org/fhir/us/core/StructureDefinition/us-core-simple-observation" {
					t.Errorf("pain score: %s", r.Body)
				}
			},
			update: [2]string{`"value":3`, `"value":0`},
			updated: func(t *testing.T, r *Resp) {
				if v, ok := r.Get("valueQuantity", "value").(float64); !ok || v != 0 {
					t.Errorf("updated pain score: %s", r.Body)
				}
			},
			bad: map[string]string{
				"a boolean": strings.Replace(newPainScore, `"valueQuantity":{"value":3,"unit":"{score}","system":"http://unitsofmeasure.org","code":"{score}"}`, `"valueBoolean":true`, 1),
				"a note":    strings.Replace(newPainScore, `"subject"`, `"note":[{"text":"worse at night"}],"subject"`, 1),
				"a range":   strings.Replace(newPainScore, `"subject"`, `"referenceRange":[{"text":"0-10"}],"subject"`, 1),
			},
		})

		// US Core's screening, simple and social-history examples; a
		// panel's items are written first, then the panel naming them.
		patient := demoPatient(3)
		example := func(name string) string {
			body := anyPatient.ReplaceAllString(usCoreExample(t, "Observation-"+name+".json", patient), `"Patient/`+patient+`"`)
			// The seed has no practitioners to point their performer at,
			// nor their questionnaire response.
			body = strings.ReplaceAll(body, `"performer":[{"reference":"Practitioner/practitioner-1"}],`, "")
			return strings.ReplaceAll(body, `{"reference":"QuestionnaireResponse/phq-9-example"}`, `{"display":"PHQ-9"}`)
		}
		panel := example("PHQ9-panel-example-44249-1")
		for _, item := range []string{"44250-9", "44251-7", "44252-5", "44253-3", "44254-1", "44255-8", "44258-2", "44259-0",
			"44260-8", "44261-6", "69722-7"} {
			body := example("PHQ9-item-example-" + item)
			id := postFHIR(t, e, "Observation", body)
			got := e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
			if item == "44261-6" {
				// The total score is sent as the text "12": the Observation
				// form keeps values as text, so a number reads as a number.
				if got.Get("valueQuantity", "value") != 12.0 {
					t.Errorf("PHQ-9 total: %s", got.Body)
				}
				sameClinicalContent(t, item, body, got, "derivedFrom", "valueString")
			} else {
				sameClinicalContent(t, item, body, got, "derivedFrom")
			}
			panel = strings.Replace(panel, `"Observation/PHQ9-item-example-`+item+`"`, `"Observation/`+id+`"`, 1)
		}
		for _, name := range []string{"simple-observation-cognitive-status", "pregnancy-status", "AHC-HRSN-item-example-68517-2",
			"sexual-orientation-example"} {
			body := example(name)
			id := postFHIR(t, e, "Observation", body)
			sameClinicalContent(t, name, body, e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200), "derivedFrom")
		}
		id := postFHIR(t, e, "Observation", panel)
		sameClinicalContent(t, "PHQ-9", panel, e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200), "derivedFrom")
	})
}

// TestFHIRObservationWriteSmokingStatus: a US Core Smoking Status is the
// tobacco entry of the patient's history, saved anew as OpenEMR saves it.
func TestFHIRObservationWriteSmokingStatus(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		patient := demoPatient(5)
		body := anyPatient.ReplaceAllString(usCoreExample(t, "Observation-some-day-smoker.json", patient), `"Patient/`+patient+`"`)
		r := e.DoHeader("POST", "/fhir/Observation", e.Admin, body, fhirJSONHeader...).Want(t, 201)
		id := r.Str("id")
		got := e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
		sameClinicalContent(t, "smoking status", body, got)
		if got.Str("meta", "profile", 0) != "http://hl7.org/fhir/us/core/StructureDefinition/us-core-smokingstatus" {
			t.Errorf("smoking status: %s", got.Body)
		}
		// The same answer again is no new observation of the history.
		if r := e.DoHeader("POST", "/fhir/Observation", e.Admin, body, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("the same smoking status again: %d %s", r.Status, r.Body)
		}
		// An update at the version read; a stale one is refused.
		quit := strings.Replace(body, `"code":"428041000124106"}],"text":"Current some day smoker"`, `"code":"8517006"}],"text":"Former smoker"`, 1)
		quit = strings.Replace(quit, `"resourceType":"Observation","id":"some-day-smoker"`, `"resourceType":"Observation","id":"`+id+`"`, 1)
		e.DoHeader("PUT", "/fhir/Observation/"+id, e.Admin, quit, append([]string{"If-Match", `W/"1"`}, fhirJSONHeader...)...).Want(t, 200)
		got = e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
		if got.Str("valueCodeableConcept", "coding", 0, "code") != "8517006" || got.Str("meta", "versionId") != "2" {
			t.Errorf("updated smoking status: %s", got.Body)
		}
		if r := e.DoHeader("PUT", "/fhir/Observation/"+id, e.Admin, quit, append([]string{"If-Match", `W/"1"`}, fhirJSONHeader...)...); r.Status != 412 {
			t.Errorf("stale update: %d %s", r.Status, r.Body)
		}
		found, _ := fhirSearch(t, e, e.Admin, "Observation?patient="+patient+"&code=72166-2")
		if len(found) != 1 || found[0] != id {
			t.Errorf("smoking statuses %v, want [%s]", found, id)
		}
	})
}
