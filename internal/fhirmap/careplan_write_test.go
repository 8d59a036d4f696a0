package fhirmap

import (
	"strings"
	"testing"
)

const planActivity = `{"detail":{"code":{"coding":[{"system":"http://snomed.info/sct","code":"266694003","display":"Heat therapy"}],"text":"Heat therapy"},"status":"STATUS"}}`

func TestCarePlanFromFHIR(t *testing.T) {
	act := func(status string) string { return strings.ReplaceAll(planActivity, "STATUS", status) }
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		acts       int // further activity rows
		err        string
	}{
		{"US Core", `{"resourceType":"CarePlan","status":"active","intent":"order","category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],"subject":{"reference":"Patient/p1"}}`,
			map[string]any{"pid": "7", "plan_status": "active", "intent": "order", "description": "", "code": "", "addresses": "", "date": nil, "encounter": ""}, 0, ""},
		{"Synthea", `{"resourceType":"CarePlan","status":"completed","intent":"order","category":[{"coding":[{"system":"http://snomed.info/sct","code":"408869004","display":"Musculoskeletal care"}],"text":"Musculoskeletal care"}],
		  "subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e1"},"period":{"start":"2011-01-02T14:38:27-05:00","end":"2011-01-23T14:38:27-05:00"},
		  "careTeam":[{"reference":"CareTeam/t1"}],"addresses":[{"reference":"Condition/c1"}],"activity":[` + act("completed") + `,` + act("completed") + `]}`,
			map[string]any{"description": "Musculoskeletal care", "encounter": "40", "addresses": "c1", "code": "SNOMED-CT:266694003", "codetext": "Heat therapy",
				"date": "2011-01-02 19:38:27", "date_end": "2011-01-23 19:38:27"}, 1, ""},
		{"first activity's status differs", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"activity":[` + act("completed") + `]}`,
			map[string]any{"code": "", "codetext": ""}, 1, ""},
		{"author", `{"resourceType":"CarePlan","status":"draft","intent":"proposal","subject":{"reference":"Patient/p1"},"author":{"reference":"Practitioner/d1"},"description":"Diet"}`,
			map[string]any{"author_id": "3", "description": "Diet", "plan_status": "draft"}, 0, ""},
		{"bad status", `{"resourceType":"CarePlan","status":"done","intent":"plan","subject":{"reference":"Patient/p1"}}`, nil, 0, "CarePlan.status"},
		{"bad intent", `{"resourceType":"CarePlan","status":"active","intent":"wish","subject":{"reference":"Patient/p1"}}`, nil, 0, "CarePlan.intent"},
		{"no subject", `{"resourceType":"CarePlan","status":"active","intent":"plan"}`, nil, 0, "CarePlan.subject"},
		{"another patient's encounter", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e2"}}`, nil, 0, "CarePlan.encounter"},
		{"unknown condition", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"addresses":[{"reference":"Condition/c9"}]}`, nil, 0, "CarePlan.addresses"},
		{"activity reference", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"activity":[{"reference":{"reference":"ServiceRequest/s1"}}]}`, nil, 0, "CarePlan.activity"},
		{"activity without status", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"activity":[{"detail":{"description":"Walk"}}]}`, nil, 0, "CarePlan.activity.detail.status"},
		{"do not perform", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"activity":[{"detail":{"status":"scheduled","doNotPerform":true,"description":"Walk"}}]}`, nil, 0, "CarePlan.activity.detail.doNotPerform"},
		{"ends before it starts", `{"resourceType":"CarePlan","status":"active","intent":"plan","subject":{"reference":"Patient/p1"},"period":{"start":"2020-02-01","end":"2020-01-01"}}`, nil, 0, "CarePlan.period.end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := carePlanFromFHIR(fromJSON(t, tc.body), careWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
			if acts, _ := got["activities"].([]map[string]any); tc.err == "" && len(acts) != tc.acts {
				t.Errorf("%d further activities, want %d: %v", len(acts), tc.acts, acts)
			}
		})
	}
}

func TestGoalFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"text", `{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"Pulse oximetry of 92%"},"subject":{"reference":"Patient/p1"},"target":[{"dueDate":"2016-04-05"}]}`,
			map[string]any{"care_plan_type": "goal", "plan_status": "active", "code": "", "codetext": "", "description": "Pulse oximetry of 92%", "date": nil, "date_end": "2016-04-05"}, ""},
		{"coded", `{"resourceType":"Goal","lifecycleStatus":"completed","description":{"coding":[{"system":"http://snomed.info/sct","code":"406156006","display":"In paid employment"}],"text":"Work again"},
		  "subject":{"reference":"Patient/p1"},"startDate":"2022-01-01","expressedBy":{"reference":"Practitioner/d1"},"addresses":[{"reference":"Condition/c1"}]}`,
			map[string]any{"code": "SNOMED-CT:406156006", "codetext": "In paid employment", "description": "Work again", "date": "2022-01-01", "author_id": "3", "addresses": "c1"}, ""},
		{"bad status", `{"resourceType":"Goal","lifecycleStatus":"done","description":{"text":"x"},"subject":{"reference":"Patient/p1"}}`, nil, "Goal.lifecycleStatus"},
		{"no description", `{"resourceType":"Goal","lifecycleStatus":"active","subject":{"reference":"Patient/p1"}}`, nil, "Goal.description"},
		{"target measure", `{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"Patient/p1"},"target":[{"measure":{"text":"weight"},"detailQuantity":{"value":195}}]}`, nil, "Goal.target"},
		{"two targets", `{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"Patient/p1"},"target":[{"dueDate":"2020-01-01"},{"dueDate":"2021-01-01"}]}`, nil, "Goal.target"},
		{"expressed by a patient", `{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"Patient/p1"},"expressedBy":{"reference":"Patient/p1"}}`, nil, "Goal.expressedBy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := goalFromFHIR(fromJSON(t, tc.body), careWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}
