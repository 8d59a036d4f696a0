package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

// careRow is a form_care_plan row as resource.FHIRCarePlan and FHIRGoal
// read it, with extra's fields over the defaults.
func careRow(extra emr.Record) emr.Record {
	rec := emr.Record{"uuid": "cp1", "id": "7", "pid": "1", "encounter": "40", "author_id": "5",
		"code": "SNOMED-CT:443402002", "codetext": "Lifestyle education regarding hypertension",
		"description": "DASH diet & daily walks", "date": "2025-03-04", "plan_status": "active", "status": "active",
		"lifecycle": "active", "reason_code": "ICD10:I10", "reason_description": "Essential hypertension",
		"condition": "cond-uuid", "last_updated": "2025-03-04 10:15:00"}
	for k, v := range extra {
		rec[k] = v
	}
	return rec
}

func careContext() *Context {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("encounter", "40", "enc-uuid")
	c.SetRef("author", "5", "doc-uuid")
	return c
}

func TestCarePlanToFHIR(t *testing.T) {
	c := careContext()
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"active plan", careRow(nil), []string{
			`"status":"active"`, `"intent":"plan"`,
			`"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"`,
			`"text":{"status":"generated","div":"\u003cdiv xmlns=\"http://www.w3.org/1999/xhtml\"\u003e`,
			`DASH diet \u0026amp; daily walks`, `"description":"DASH diet \u0026 daily walks"`,
			`"subject":{"reference":"Patient/pat-uuid"}`, `"encounter":{"reference":"Encounter/enc-uuid"}`,
			`"author":{"reference":"Practitioner/doc-uuid"}`, `"addresses":[{"reference":"Condition/cond-uuid"}]`,
			`"period":{"start":"2025-03-04"}`,
			`"code":{"coding":[{"system":"http://snomed.info/sct","code":"443402002","display":"Lifestyle education regarding hypertension"}]`,
			`"reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"}],"text":"Essential hypertension"}]`,
			`"status":"in-progress"`, `"lastUpdated":"2025-03-04T10:15:00Z"`, "us-core-careplan|6.1.0",
		}, nil},
		{"completed, ended", careRow(emr.Record{"status": "completed", "date_end": "2025-09-01 00:00:00"}),
			[]string{`"period":{"start":"2025-03-04","end":"2025-09-01"}`, `"status":"completed"`, "2025-03-04 to 2025-09-01"}, nil},
		{"end before start", careRow(emr.Record{"date_end": "2024-01-01 00:00:00"}),
			[]string{`"period":{"start":"2025-03-04"}`}, []string{"2024-01-01"}},
		{"text only, no author, no problem", careRow(emr.Record{"code": "", "codetext": "", "author_id": "9", "condition": "", "encounter": ""}),
			[]string{`"description":"DASH diet`}, []string{"activity", "author", "addresses", "encounter"}},
		{"nothing written", careRow(emr.Record{"code": "", "codetext": "", "description": "", "reason_description": "", "reason_code": ""}),
			[]string{`Plan of care`, `"status":"generated"`}, []string{"description", "activity"}},
		{"unknown patient", careRow(emr.Record{"pid": "2"}), []string{`"subject":{"extension"`, "data-absent-reason"}, nil},
	} {
		checkFragments(t, tc.name, carePlanToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestCarePlanTokens(t *testing.T) {
	if got := carePlanCategory(systemCarePlanCategory, "assess-plan", true); len(got) != 1 || got[0].Value != "plan_of_care" {
		t.Errorf("assess-plan: %v", got)
	}
	for _, tc := range []struct {
		system, code string
		has          bool
	}{{"", "assess-plan", true}, {systemSNOMED, "assess-plan", true}, {"", "other", false}} {
		if got := carePlanCategory(tc.system, tc.code, tc.has); got != nil {
			t.Errorf("%s|%s: %v", tc.system, tc.code, got)
		}
	}
	status := computedStatusTokens(systemRequestStatus, "status")
	if got := status("", "completed", false); len(got) != 1 || got[0].Field != "status" || got[0].Value != "completed" {
		t.Errorf("status: %v", got)
	}
	if got := status(systemGoalStatus, "completed", true); got != nil {
		t.Errorf("another system: %v", got)
	}
}
