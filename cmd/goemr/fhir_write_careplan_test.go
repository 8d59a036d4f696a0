package main

import (
	"strings"
	"testing"
)

const newCarePlan = `{"resourceType":"CarePlan","status":"active","intent":"plan",
 "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],
 "description":"Weight management","subject":{"reference":"Patient/PATIENT"},"period":{"start":"2024-02-01"},
 "activity":[{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"160670007","display":"Diabetic diet"}]},"status":"in-progress"}},
  {"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"229065009","display":"Exercise therapy"}],"text":"Exercise therapy"},"status":"scheduled",
   "reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"15777000"}],"text":"Prediabetes"}]}}]}`

// Synthea v2.5 care plans (an active one with two activities under way, a
// completed one), their references pointed at the patient's records.
var syntheaCarePlans = []string{
	`{"resourceType":"CarePlan","id":"ac8ce97f-0445-4a75-935b-15bca1d22472","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Care Plan for Diabetes self management plan.<br/>Activities: <ul><li>Diabetes self management plan</li><li>Diabetes self management plan</li></ul><br/>Care plan is meant to treat Prediabetes.</div>"},"status":"active","intent":"order","category":[{"coding":[{"system":"http://snomed.info/sct","code":"698360004","display":"Diabetes self management plan"}],"text":"Diabetes self management plan"}],"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"period":{"start":"2013-02-06T16:30:49-05:00"},"careTeam":[{"reference":"CareTeam/CARETEAM"}],"addresses":[{"reference":"Condition/CONDITION"}],"activity":[{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"160670007","display":"Diabetic diet"}],"text":"Diabetic diet"},"status":"in-progress","location":{"display":"PCP265675"}}},{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"229065009","display":"Exercise therapy"}],"text":"Exercise therapy"},"status":"in-progress","location":{"display":"PCP265675"}}}]}`,
	`{"resourceType":"CarePlan","id":"e9729c6f-f633-4369-9358-9ea7d695808c","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Care Plan for Respiratory therapy.<br/>Activities: <ul><li>Respiratory therapy</li><li>Respiratory therapy</li></ul><br/>Care plan is meant to treat Acute bronchitis (disorder).</div>"},"status":"completed","intent":"order","category":[{"coding":[{"system":"http://snomed.info/sct","code":"53950000","display":"Respiratory therapy"}],"text":"Respiratory therapy"}],"subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"period":{"start":"2017-11-25T16:30:49-05:00","end":"2018-01-31T16:30:49-05:00"},"careTeam":[{"reference":"CareTeam/CARETEAM"}],"addresses":[{"reference":"Condition/CONDITION"}],"activity":[{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"304510005","display":"Recommendation to avoid exercise"}],"text":"Recommendation to avoid exercise"},"status":"completed","location":{"display":"HOLYOKE MEDICAL CENTER"}}},{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"371605008","display":"Deep breathing and coughing exercises"}],"text":"Deep breathing and coughing exercises"},"status":"completed","location":{"display":"HOLYOKE MEDICAL CENTER"}}}]}`,
}

// patientRefs points a body's placeholders at patient's records: its
// first encounter and problem, and the demo practitioner and clinic.
func patientRefs(t *testing.T, e *apiEnv, body, patient string) string {
	t.Helper()
	enc, cond := fhirIDs(e, "Encounter?patient="+patient+"&_count=1"), fhirIDs(e, "Condition?patient="+patient+"&category=problem-list-item&_count=1")
	if len(enc) == 0 || len(cond) == 0 {
		t.Fatalf("patient %s has no encounter or problem", patient)
	}
	return careRefs(strings.NewReplacer("Patient/PATIENT", "Patient/"+patient, "Encounter/ENCOUNTER", "Encounter/"+enc[0],
		"Condition/CONDITION", "Condition/"+cond[0], "CareTeam/CARETEAM", "CareTeam/synthea").Replace(body))
}

// TestFHIRCarePlanWrite: CarePlan create and update land in
// form_care_plan (a row for the plan and its first activity, one per
// further activity) with versions; the official example and Synthea's
// plans are stored.
func TestFHIRCarePlanWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		runWriteCase(t, e, writeCase{
			typ: "CarePlan", body: newCarePlan,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "active", "intent": "plan", "category.0.coding.0.code": "assess-plan", "description": "Weight management",
					"subject.reference": "Patient/" + demoPatient(2), "period.start": "2024-02-01", "text.status": "generated",
					"activity.0.detail.code.coding.0.code": "160670007", "activity.0.detail.code.text": "Diabetic diet",
					"activity.0.detail.status": "in-progress", "activity.1.detail.code.coding.0.code": "229065009",
					"activity.1.detail.status": "scheduled", "activity.1.detail.reasonCode.0.text": "Prediabetes",
				})
				if r.Len("activity") != 2 {
					t.Errorf("activities: %s", r.Body)
				}
			},
			update: [2]string{`"status":"active"`, `"status":"completed"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "completed", "activity.0.detail.status": "in-progress",
					"activity.1.detail.status": "scheduled", "activity.1.detail.code.coding.0.code": "229065009"})
				if r.Len("activity") != 2 {
					t.Errorf("activities after the update: %s", r.Body)
				}
			},
			bad: map[string]string{
				"bad status":    strings.Replace(newCarePlan, `"status":"active"`, `"status":"going"`, 1),
				"no intent":     strings.Replace(newCarePlan, `"intent":"plan",`, "", 1),
				"no status":     strings.Replace(newCarePlan, `"status":"in-progress"`, `"description":"x"`, 1),
				"unknown code":  strings.Replace(newCarePlan, `"system":"http://snomed.info/sct","code":"160670007"`, `"system":"urn:x","code":"1"`, 1),
				"bad condition": strings.Replace(newCarePlan, `"period"`, `"addresses":[{"reference":"Condition/nothing"}],"period"`, 1),
			},
		})
		// The further activity is no plan of its own.
		plans := fhirIDs(e, "CarePlan?patient="+demoPatient(2))
		for _, id := range plans {
			r := e.Do("GET", "/fhir/CarePlan/"+id, e.Admin, nil).Want(t, 200)
			if r.Str("activity", 0, "detail", "code", "coding", 0, "code") == "229065009" {
				t.Errorf("an activity is read as a plan: %s", r.Body)
			}
		}

		// The official example keeps its intent.
		r := e.DoHeader("POST", "/fhir/CarePlan", e.Admin, usCoreExample(t, "CarePlan-colonoscopy.json", demoPatient(3)), fhirJSONHeader...).Want(t, 201)
		checkPaths(t, e.Do("GET", "/fhir/CarePlan/"+r.Str("id"), e.Admin, nil).Want(t, 200), map[string]string{
			"status": "active", "intent": "order", "category.0.coding.0.code": "assess-plan", "subject.reference": "Patient/" + demoPatient(3),
		})

		// Synthea's: every activity, the problem addressed, the encounter.
		for _, s := range syntheaCarePlans {
			p := demoPatient(4)
			body := patientRefs(t, e, s, p)
			r := e.DoHeader("POST", "/fhir/CarePlan", e.Admin, body, fhirJSONHeader...).Want(t, 201)
			cond := fhirIDs(e, "Condition?patient="+p+"&category=problem-list-item&_count=1")[0]
			if r.Len("activity") != 2 || r.Str("addresses", 0, "reference") != "Condition/"+cond || r.Str("intent") != "order" ||
				r.Str("encounter", "reference") == "" || r.Str("description") == "" {
				t.Errorf("Synthea care plan: %s", r.Body)
			}
		}
	})
}
