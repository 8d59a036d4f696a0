package fhirmap

import (
	"encoding/json"

	"goemr/internal/fhir/r4"
)

// carePlanActivity is one entry of a plan's further activities: a
// form_care_plan row of the plan (view fhir_care_plan_activity, migration
// 0027) with its code, name, status (a CarePlan activity status) and
// reason.
type carePlanActivity struct {
	Code       string `json:"code"`
	Text       string `json:"text"`
	Status     string `json:"status"`
	ReasonCode string `json:"reason_code"`
	Reason     string `json:"reason"`
}

// carePlanActivities are the activities of a plan's further rows, in the
// order they were written.
func carePlanActivities(entries string) []r4.CarePlanActivity {
	var as []carePlanActivity
	if entries == "" || json.Unmarshal([]byte(entries), &as) != nil {
		return nil
	}
	var out []r4.CarePlanActivity
	for _, a := range as {
		d := &r4.CarePlanActivityDetail{Status: ptr(firstOf(a.Status, "unknown"))}
		code := &r4.CodeableConcept{Coding: issueCodings(a.Code), Text: text(a.Text)}
		if len(code.Coding) == 1 {
			code.Coding[0].Display = code.Text
		}
		if code.Coding != nil || code.Text != nil {
			d.Code = code
		}
		reason := r4.CodeableConcept{Coding: issueCodings(a.ReasonCode), Text: text(a.Reason)}
		if reason.Coding != nil || reason.Text != nil {
			d.ReasonCode = []r4.CodeableConcept{reason}
		}
		out = append(out, r4.CarePlanActivity{Detail: d})
	}
	return out
}

// carePlanActivityNames are the names of a plan's further activities.
func carePlanActivityNames(entries string) []string {
	var names []string
	for _, a := range carePlanActivities(entries) {
		if a.Detail.Code != nil && a.Detail.Code.Text != nil {
			names = append(names, *a.Detail.Code.Text)
		}
	}
	return names
}
