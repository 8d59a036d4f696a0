package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// carePlanIntents are FHIR's care plan intents (R4 care-plan-intent).
var carePlanIntents = []string{"proposal", "plan", "order", "option", "directive"}

// carePlanStatuses are FHIR's request statuses, a plan's status.
var carePlanStatuses = []string{"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}

// activityStatuses are FHIR's care plan activity statuses.
var activityStatuses = []string{"not-started", "scheduled", "in-progress", "on-hold", "completed", "cancelled",
	"stopped", "unknown", "entered-in-error"}

// carePlanFromFHIR maps a CarePlan onto form_care_plan rows, the inverse
// of carePlanToFHIR: the plan's row holds its status, intent,
// description, subject, encounter, period, author, the problems it
// addresses and its first activity; each further activity is a row of its
// own (key "activities", written by carePlanStore). A category other than
// US Core's assess-plan (Synthea's SNOMED CT kinds of plan) is kept as
// the plan's description when it has none.
func carePlanFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	p, ok := res.(*r4.CarePlan)
	if !ok {
		return nil, invalid("resourceType", "a CarePlan is expected")
	}
	v := map[string]any{"care_plan_type": "plan_of_care", "description": strings.TrimSpace(deref(p.Description))}
	status, intent := deref(p.Status), deref(p.Intent)
	if !oneOf(status, carePlanStatuses) {
		return nil, invalid("CarePlan.status", "must be a request status (draft, active, completed…), not %q", status)
	}
	if !oneOf(intent, carePlanIntents) {
		return nil, invalid("CarePlan.intent", "must be a care plan intent (plan, order…), not %q", intent)
	}
	v["plan_status"], v["intent"] = status, intent
	if v["description"] == "" {
		v["description"] = carePlanKindFrom(p.Category)
	}
	if err := careRowFrom("CarePlan", w, p.Subject, p.Encounter, p.Author, p.Addresses, v); err != nil {
		return nil, err
	}
	var start, end *string
	if p.Period != nil {
		start, end = p.Period.Start, p.Period.End
	}
	if err := careDatesFrom("CarePlan.period.start", start, "CarePlan.period.end", end, v); err != nil {
		return nil, err
	}
	rows, err := carePlanActivitiesFrom(p.Activity)
	if err != nil {
		return nil, err
	}
	// The plan's row holds the first activity when the plan's status says
	// that activity's status (carePlanToFHIR reads it so).
	v["code"], v["codetext"], v["reason_code"], v["reason_description"] = "", "", "", ""
	if len(rows) > 0 && rows[0]["plan_status"] == activityStatus[status] {
		for _, k := range []string{"code", "codetext", "reason_code", "reason_description"} {
			v[k] = rows[0][k]
		}
		rows = rows[1:]
	}
	v["activities"] = rows
	return v, nil
}

// carePlanKindFrom is the name of the first category that is not US
// Core's assess-plan, "" when none.
func carePlanKindFrom(cats []r4.CodeableConcept) string {
	for _, c := range cats {
		if conceptCode(&c, systemCarePlanCategory) != "" {
			continue
		}
		name := strings.TrimSpace(deref(c.Text))
		for _, cd := range c.Coding {
			name = firstOf(name, strings.TrimSpace(deref(cd.Display)))
		}
		if name != "" {
			return name
		}
	}
	return ""
}

// carePlanActivitiesFrom are the rows of a plan's activities: each
// activity's detail (code, status, reason). An activity that only refers
// to another resource (activity.reference), or says what not to do
// (doNotPerform, a modifier), cannot be kept.
func carePlanActivitiesFrom(acts []r4.CarePlanActivity) ([]map[string]any, error) {
	var rows []map[string]any
	for _, a := range acts {
		d := a.Detail
		switch {
		case a.Reference != nil || d == nil:
			return nil, invalid("CarePlan.activity", "only an activity's detail can be stored, not a reference to another resource")
		case d.DoNotPerform != nil && *d.DoNotPerform:
			return nil, invalid("CarePlan.activity.detail.doNotPerform", "an activity not to perform cannot be stored")
		case !oneOf(deref(d.Status), activityStatuses):
			return nil, invalid("CarePlan.activity.detail.status", "must be an activity status, not %q", deref(d.Status))
		case len(d.ReasonCode) > 1:
			return nil, invalid("CarePlan.activity.detail.reasonCode", "OpenEMR keeps one reason per activity")
		}
		list, title, err := codeListFrom("CarePlan.activity.detail.code", d.Code)
		if err != nil {
			return nil, err
		}
		row := map[string]any{"code": list, "codetext": firstOf(title, strings.TrimSpace(deref(d.Description))),
			"plan_status": deref(d.Status), "reason_code": "", "reason_description": ""}
		if len(d.ReasonCode) == 1 {
			if row["reason_code"], row["reason_description"], err = codeListFrom("CarePlan.activity.detail.reasonCode", &d.ReasonCode[0]); err != nil {
				return nil, err
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}
