package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Goal is the goal rows of OpenEMR's Care Plan form (form_care_plan,
// care_plan_type 'goal') as US Core Goal
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-goal.html),
// one per row: OpenEMR lumps a form's goals into one Goal (surrogate id
// <encounter uuid>-SK-<form id>) whose description joins theirs; here each
// goal has its own uuid, description, lifecycle status and target date,
// which is what a search by description, lifecycle-status or target-date
// asks about. startDate is the row's date and target.dueDate its end date
// (OpenEMR's target date); US Core asks for one of the two.
var Goal = &Mapping{
	Type:     "Goal",
	Profiles: goalProfiles,
	Def:      resource.FHIRGoal,
	WriteDef: resource.FHIRCarePlanWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: carePlanRefs,
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "lifecycle-status", Type: Token, Fields: []string{"lifecycle"}, Tokens: computedStatusTokens(systemGoalStatus, "lifecycle")},
		{Code: "description", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "A SNOMED CT or LOINC code of the goal"},
		{Code: "target-date", Type: Date, Fields: []string{"target_date"}, Doc: "The goal's target date (target.dueDate)"},
	},
	ToFHIR:   goalToFHIR,
	FromFHIR: goalFromFHIR,
	Store:    carePlanStore,
	Paths: map[string]string{
		"pid": "Goal.subject", "plan_status": "Goal.lifecycleStatus", "code": "Goal.description",
		"date": "Goal.startDate", "date_end": "Goal.target.dueDate",
	},
}

var goalProfiles = profiles("us-core-goal")

const systemGoalStatus = "http://hl7.org/fhir/goal-status"

func goalToFHIR(rec emr.Record, c *Context) r4.Resource {
	g := &r4.Goal{
		ID:              text(rec.Str("uuid")),
		Meta:            meta(goalProfiles, rec.Str("last_updated")),
		LifecycleStatus: ptr(rec.Str("lifecycle")),
		Description:     goalDescription(rec),
		Subject:         issueSubject(rec, c),
		StartDate:       date(rec.Str("date")),
		ExpressedBy:     carePlanAuthor(rec, c),
		Addresses:       carePlanAddresses(rec),
	}
	g.Meta.VersionId = ptr(c.Version(rec.Str("uuid")))
	if due := date(rec.Str("date_end")); due != nil {
		g.Target = []r4.GoalTarget{{DueDate: due}}
	}
	return g
}

// goalDescription is the goal's code, named by codetext, with the goal's
// own words as text (US Core Goal.description: a SNOMED CT or LOINC code,
// or text alone). A goal with neither says it is unknown: the description
// is required.
func goalDescription(rec emr.Record) *r4.CodeableConcept {
	d := carePlanCode(rec)
	words := text(firstOf(rec.Str("description"), rec.Str("codetext")))
	switch {
	case d == nil && words == nil:
		return unknownConcept()
	case d == nil:
		return &r4.CodeableConcept{Text: words}
	}
	d.Text = words
	return d
}
