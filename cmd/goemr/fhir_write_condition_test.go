package main

import (
	"testing"
)

const newCondition = `{"resourceType":"Condition",
 "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
 "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],
 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J45.909"},{"system":"http://snomed.info/sct","code":"195967001"}],"text":"Asthma"},
 "subject":{"reference":"Patient/PATIENT"},
 "onsetDateTime":"2015-06-01","recordedDate":"2015-06-03T10:00:00-04:00"}`

const conditionActive = `"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]}`

// TestFHIRConditionWrite: Condition create and update land in lists
// (medical_problem or health_concern), seen by the Standard API's
// medical problems, with versions.
func TestFHIRConditionWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		problem := `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}]`
		runWriteCase(t, e, writeCase{
			typ: "Condition", body: newCondition, std: "medical_problem",
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"clinicalStatus.coding.0.code": "active", "verificationStatus.coding.0.code": "confirmed",
					"category.0.coding.0.code": "problem-list-item", "code.coding.0.code": "J45.909",
					"code.coding.1.code": "195967001", "code.text": "Asthma", "subject.reference": "Patient/" + demoPatient(2),
					"onsetDateTime": "2015-06-01", "recordedDate": "2015-06-03T14:00:00Z",
				})
			},
			update: [2]string{`"code":"active"}]}`, `"code":"resolved"}]},"abatementDateTime":"2020-02-01"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"clinicalStatus.coding.0.code": "resolved", "abatementDateTime": "2020-02-01"})
			},
			bad: map[string]string{
				"unknown category":    `{"resourceType":"Condition",` + conditionActive + `,"category":[{"text":"whatever"}],"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"}}`,
				"encounter-diagnosis": `{"resourceType":"Condition",` + conditionActive + `,"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"}}`,
				"no code":             `{"resourceType":"Condition",` + conditionActive + `,` + problem + `,"subject":{"reference":"Patient/PATIENT"}}`,
				"no subject":          `{"resourceType":"Condition",` + conditionActive + `,` + problem + `,"code":{"text":"Asthma"}}`,
				"no clinicalStatus":   `{"resourceType":"Condition",` + problem + `,"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"}}`,
				"active but abated":   `{"resourceType":"Condition",` + conditionActive + `,` + problem + `,"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"},"abatementDateTime":"2020-01-01"}`,
				"onsetString":         `{"resourceType":"Condition",` + conditionActive + `,` + problem + `,"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"},"onsetString":"childhood"}`,
				"error with status":   `{"resourceType":"Condition",` + conditionActive + `,"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"entered-in-error"}]},` + problem + `,"code":{"text":"Asthma"},"subject":{"reference":"Patient/PATIENT"}}`,
			},
		})

		// The official examples, a problem and a health concern.
		for file, want := range map[string]map[string]string{
			"Condition-condition-duodenal-ulcer.json": {"category.0.coding.0.code": "problem-list-item", "code.coding.0.code": "51868009",
				"code.text": "Active Duodenal Ulcer", "recordedDate": "2016-08-10T15:15:07Z"},
			"Condition-health-concern-example.json": {"category.0.coding.0.code": "health-concern", "code.coding.0.code": "247824007",
				"onsetDateTime": "2007-12-14", "recordedDate": "2007-12-14T15:15:07Z"},
		} {
			r := e.DoHeader("POST", "/fhir/Condition", e.Admin, usCoreExample(t, file, demoPatient(3)), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Condition/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			want["clinicalStatus.coding.0.code"], want["verificationStatus.coding.0.code"] = "active", "confirmed"
			want["subject.reference"] = "Patient/" + demoPatient(3)
			checkPaths(t, r, want)
		}
	})
}
