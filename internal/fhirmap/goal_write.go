package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// goalStatuses are FHIR's goal lifecycle statuses (R4 goal-status), each
// kept as the row's plan_status, which resource.FHIRGoal reads back.
var goalStatuses = []string{"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled",
	"entered-in-error", "rejected"}

// goalFromFHIR maps a US Core Goal onto a form_care_plan row of type goal,
// the inverse of goalToFHIR: lifecycle status, description (its codes and
// their name, and its text), subject, start date, the one target's due
// date (OpenEMR's target date), who expressed it and the problems it
// addresses. A target measure cannot be stored: OpenEMR's goal is a
// description and a date.
func goalFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	g, ok := res.(*r4.Goal)
	if !ok {
		return nil, invalid("resourceType", "a Goal is expected")
	}
	status := deref(g.LifecycleStatus)
	if !oneOf(status, goalStatuses) {
		return nil, invalid("Goal.lifecycleStatus", "must be a goal lifecycle status (active, completed…), not %q", status)
	}
	v := map[string]any{"care_plan_type": "goal", "plan_status": status, "intent": "",
		"reason_code": "", "reason_description": "", "activities": []map[string]any(nil)}
	if g.Description == nil {
		return nil, invalid("Goal.description", "is required (US Core)")
	}
	list, name, err := codeListFrom("Goal.description", g.Description)
	if err != nil {
		return nil, err
	}
	words := strings.TrimSpace(deref(g.Description.Text))
	if list == "" && words == "" {
		return nil, invalid("Goal.description", "must have a coding or a text")
	}
	v["code"], v["codetext"], v["description"] = list, "", words
	if list != "" {
		// The codes' name (codetext), kept apart from the goal's words.
		for _, c := range g.Description.Coding {
			v["codetext"] = firstOf(valueText(v["codetext"]), strings.TrimSpace(deref(c.Display)))
		}
		if v["codetext"] == "" && words == "" {
			v["codetext"] = name
		}
	}
	if err := careRowFrom("Goal", w, g.Subject, nil, g.ExpressedBy, g.Addresses, v); err != nil {
		return nil, err
	}
	if g.StartCodeableConcept != nil {
		return nil, invalid("Goal.startCodeableConcept", "only a start date can be stored")
	}
	var due *string
	switch {
	case len(g.Target) > 1:
		return nil, invalid("Goal.target", "OpenEMR keeps one target date of a goal")
	case len(g.Target) == 1:
		t := g.Target[0]
		if t.Measure != nil || t.DetailQuantity != nil || t.DetailRange != nil || t.DetailCodeableConcept != nil ||
			t.DetailString != nil || t.DetailBoolean != nil || t.DetailInteger != nil || t.DetailRatio != nil {
			return nil, invalid("Goal.target", "a target measure cannot be stored: OpenEMR keeps a goal's target date")
		}
		if t.DueDuration != nil {
			return nil, invalid("Goal.target.dueDuration", "only a due date can be stored")
		}
		due = t.DueDate
	}
	return v, careDatesFrom("Goal.startDate", g.StartDate, "Goal.target.dueDate", due, v)
}
