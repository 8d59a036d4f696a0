package fhirmap

import (
	"testing"
	"time"

	"goemr/internal/resource"
)

const (
	condActive  = `"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]}`
	condProblem = `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}]`
	condBase    = `"code":{"text":"Asthma"},"subject":{"reference":"Patient/p1"}`

	condDiagnosis = `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}]`
)

// diagnosisWrites is fakeWrites that also knows Encounter/e1 (encounter
// 40 of pid 7, Patient/p1) and Encounter/e2 (another patient's).
var diagnosisWrites = &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
	enc := map[string]map[string]string{"e1": {"encounter": "40", "pid": "7"}, "e2": {"encounter": "41", "pid": "8"}}
	if typ == "Encounter" && enc[id] != nil {
		return enc[id][key], true, nil
	}
	return fakeWrites.Resolve(typ, id, key)
}}

func TestConditionFromFHIR(t *testing.T) {
	today := time.Now().UTC().Format("2006-01-02")
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"problem", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J45.909"},{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma (disorder)"}]},"subject":{"reference":"Patient/p1"},"onsetDateTime":"2015-06-01","recordedDate":"2015-06-03T10:00:00-04:00","note":[{"text":"n"}]}`,
			map[string]any{"type": "medical_problem", "pid": "7", "title": "J45.909", "diagnosis": "ICD10:J45.909;SNOMED-CT:195967001",
				"begdate": "2015-06-01", "date": "2015-06-03 14:00:00", "enddate": "", "outcome": "0", "comments": "n"}, ""},
		{"health concern under either system", `{"resourceType":"Condition",` + condActive + `,"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"health-concern"}]}],` + condBase + `}`,
			map[string]any{"type": "health_concern", "title": "Asthma"}, ""},
		{"sdoh beside problem", `{"resourceType":"Condition",` + condActive + `,"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"sdoh"}]},{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],` + condBase + `}`,
			map[string]any{"type": "medical_problem"}, ""},
		{"asserted date", `{"resourceType":"Condition","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/condition-assertedDate","valueDateTime":"2016-08-10"}],` + condActive + `,` + condProblem + `,` + condBase + `}`,
			map[string]any{"date": "2016-08-10"}, ""},
		{"resolved at abatement", `{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},` + condProblem + `,` + condBase + `,"abatementDateTime":"2020-02-01"}`,
			map[string]any{"enddate": "2020-02-01", "outcome": "1"}, ""},
		{"inactive today", `{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"inactive"}]},` + condProblem + `,` + condBase + `}`,
			map[string]any{"enddate": today, "outcome": "0"}, ""},
		{"no category: a problem", `{"resourceType":"Condition",` + condActive + `,` + condBase + `}`,
			map[string]any{"type": "medical_problem", "encounter": nil}, ""},
		{"no category at an encounter: its diagnosis", `{"resourceType":"Condition",` + condActive + `,` + condBase + `,"encounter":{"reference":"Encounter/e1"}}`,
			map[string]any{"type": "medical_problem", "encounter": "40"}, ""},
		{"only an unknown category", `{"resourceType":"Condition",` + condActive + `,"category":[{"coding":[{"system":"urn:x","code":"y"}]}],` + condBase + `}`, nil, "Condition.category"},
		{"encounter diagnosis", `{"resourceType":"Condition",` + condActive + `,` + condDiagnosis + `,` + condBase + `,"encounter":{"reference":"Encounter/e1"},"onsetDateTime":"2019-03-01"}`,
			map[string]any{"type": "medical_problem", "pid": "7", "encounter": "40", "title": "Asthma", "begdate": "2019-03-01", "outcome": "0"}, ""},
		{"problem at an encounter", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,` + condBase + `,"encounter":{"reference":"Encounter/e1"}}`,
			map[string]any{"type": "medical_problem", "encounter": nil}, ""},
		{"encounter diagnosis without its encounter", `{"resourceType":"Condition",` + condActive + `,` + condDiagnosis + `,` + condBase + `}`, nil, "Condition.encounter"},
		{"encounter diagnosis at another patient's encounter", `{"resourceType":"Condition",` + condActive + `,` + condDiagnosis + `,` + condBase + `,"encounter":{"reference":"Encounter/e2"}}`, nil, "Condition.encounter"},
		{"encounter diagnosis at an unknown encounter", `{"resourceType":"Condition",` + condActive + `,` + condDiagnosis + `,` + condBase + `,"encounter":{"reference":"Encounter/e9"}}`, nil, "Condition.encounter"},
		{"encounter diagnosis and problem", `{"resourceType":"Condition",` + condActive + `,"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"},{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],` + condBase + `,"encounter":{"reference":"Encounter/e1"}}`, nil, "Condition.category"},
		{"no subject", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,"code":{"text":"Asthma"}}`, nil, "Condition.subject"},
		{"no code", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,"subject":{"reference":"Patient/p1"}}`, nil, "Condition.code"},
		{"no status", `{"resourceType":"Condition",` + condProblem + `,` + condBase + `}`, nil, "Condition.clinicalStatus"},
		{"recurrence", `{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"recurrence"}]},` + condProblem + `,` + condBase + `}`, nil, "Condition.clinicalStatus"},
		{"active but abated", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,` + condBase + `,"abatementDateTime":"2020-01-01"}`, nil, "Condition.abatement"},
		{"abates in the future", `{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},` + condProblem + `,` + condBase + `,"abatementDateTime":"2999-01-01"}`, nil, "Condition.abatement"},
		{"abatement string", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,` + condBase + `,"abatementString":"later"}`, nil, "Condition.abatement[x]"},
		{"partial onset", `{"resourceType":"Condition",` + condActive + `,` + condProblem + `,` + condBase + `,"onsetDateTime":"2015-06"}`, nil, "Condition.onsetDateTime"},
		{"bad verification", `{"resourceType":"Condition",` + condActive + `,"verificationStatus":{"coding":[{"system":"urn:x","code":"confirmed"}]},` + condProblem + `,` + condBase + `}`, nil, "Condition.verificationStatus"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := conditionFromFHIR(fromJSON(t, tc.body), diagnosisWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

// TestWrites: a read-only Def writes through WriteDef, others through Def.
func TestWrites(t *testing.T) {
	if Condition.Writes() != resource.FHIRIssueWrite || AllergyIntolerance.Writes() != resource.FHIRIssueWrite || Patient.Writes() != resource.Patient {
		t.Error("Writes does not choose WriteDef over Def")
	}
}
