package fhirmap

import (
	"testing"
)

func TestFormObservationFromFHIR(t *testing.T) {
	survey := `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]},{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"sdoh"}]}]`
	social := `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"social-history"}]}]`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"coded answer of a screening", obsHead + survey + `,"code":{"coding":[{"system":"http://loinc.org","code":"88122-7","display":"Within the past 12Mo you worried..."}]},"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA28397-0","display":"Often true"}]},"derivedFrom":[{"reference":"QuestionnaireResponse/qr1"}]}`,
			map[string]any{"kind": "form", "ob_type": "survey", "category": "sdoh", "code": "LOINC:88122-7", "ob_code": "88122-7", "code_type": "LOINC",
				"description": "Within the past 12Mo you worried...", "ob_value": "LOINC:LA28397-0", "ob_value_code_description": "Often true",
				"ob_status": "final", "date": "2020-03-04 15:00:00", "questionnaire_response_id": "12"}, ""},
		{"pain severity, a vital sign US Core has no profile for", obsHead + vitalCat + `,` + loincCode("72514-3") + `,"valueQuantity":{"value":0,"unit":"{score}","system":"http://unitsofmeasure.org","code":"{score}"}}`,
			map[string]any{"kind": "form", "ob_type": "vital-signs", "ob_value": "0", "ob_unit": "{score}"}, ""},
		{"text of social history", obsHead + social + `,` + loincCode("76690-7") + `,"valueString":"heterosexual"}`,
			map[string]any{"kind": "form", "ob_type": "social-history", "ob_value": "heterosexual"}, ""},
		{"a period, a SNOMED code", `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2020-01-01","end":"2020-02-01"},` + social + `,"code":{"coding":[{"system":"http://snomed.info/sct","code":"160695008"}],"text":"Transport too expensive"},"valueInteger":2}`,
			map[string]any{"code": "SNOMED-CT:160695008", "code_type": "SNOMED-CT", "description": "Transport too expensive", "date": "2020-01-01", "date_end": "2020-02-01", "ob_value": "2"}, ""},
		{"a panel's items", obsHead + survey + `,` + loincCode("88121-9") + `,"hasMember":[{"reference":"Observation/f1"},{"reference":"Observation/f2"}]}`,
			map[string]any{"members": "f1,f2", "ob_value": ""}, ""},
		{"components become items", obsHead + survey + `,` + loincCode("61576-5") + `,"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"71970-8"}]},"valueQuantity":{"value":9.9,"unit":"units"}}]}`,
			map[string]any{"ob_value": ""}, ""},
		{"a vital as an item", obsHead + survey + `,` + loincCode("88121-9") + `,"hasMember":[{"reference":"Observation/v1-hr"}]}`, nil, "Observation.hasMember"},
		{"a boolean", obsHead + social + `,` + loincCode("76690-7") + `,"valueBoolean":true}`, nil, "Observation.value[x]"},
		{"a note", obsHead + social + `,` + loincCode("76690-7") + `,"valueString":"x","note":[{"text":"n"}]}`, nil, "Observation.note"},
		{"an unknown code system", obsHead + social + `,"code":{"coding":[{"system":"urn:x","code":"y"}]},"valueString":"x"}`, nil, "Observation.code"},
		{"derived from an Observation", obsHead + social + `,` + loincCode("76690-7") + `,"valueString":"x","derivedFrom":[{"reference":"Observation/lab1"}]}`, nil, "Observation.derivedFrom"},
		{"smoking status", obsHead + social + `,` + loincCode("72166-2") + `,"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"428041000124106"}]},"note":[{"text":"weekends"}]}`,
			map[string]any{"kind": "smoking", "smoking_code": "428041000124106", "note": "weekends", "date": "2020-03-04 15:00:00"}, ""},
		{"smoking status of a survey (Synthea)", obsHead + `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],` + loincCode("72166-2") + `,"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"266919005","display":"Never smoker"}],"text":"Never smoker"}}`,
			map[string]any{"kind": "form", "ob_value": "SNOMED-CT:266919005", "ob_value_code_description": "Never smoker"}, ""},
		{"smoking status without a value", obsHead + social + `,` + loincCode("72166-2") + `,"valueString":"never"}`, nil, "Observation.valueCodeableConcept"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := observationFromFHIR(fromJSON(t, tc.body), formWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
			if tc.name == "components become items" {
				if items, _ := got["items"].([]map[string]any); len(items) != 1 || items[0]["ob_code"] != "71970-8" || items[0]["ob_value"] != "9.9" {
					t.Errorf("items %v", got["items"])
				}
			}
		})
	}
}

// formWrites is obsWrites with Observation form rows f1, f2 and
// QuestionnaireResponse/qr1 (id 12).
var formWrites = &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
	switch typ + "/" + id {
	case "Observation/f1", "Observation/f2":
		return "form_observation", true, nil
	case "QuestionnaireResponse/qr1":
		return "12", true, nil
	}
	return obsWrites.Resolve(typ, id, key)
}}
