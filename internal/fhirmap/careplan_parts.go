package fhirmap

import (
	"html"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// carePlanRefs are the references of a form_care_plan row, for CarePlan
// and Goal: its patient, its encounter and its author (a practitioner's
// users.id, resource.FHIRCarePlan's author_id).
var carePlanRefs = []Ref{
	{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
	{Name: "encounter", Field: "encounter", Def: resource.FHIREncounterKey, By: "encounter", Take: "uuid"},
	{Name: "author", Field: "author_id", Def: resource.FHIRPractitioner, By: "id", Take: "uuid"},
	{Name: versionRef, Field: "uuid", Def: resource.CarePlanVersion, By: "uuid", Take: "row_version"},
}

// computedStatusTokens searches field, which holds a FHIR code of system
// already (a status the Def computes), for a token of that system.
func computedStatusTokens(system, field string) func(string, string, bool) []emr.Cond {
	return func(sys, code string, hasSystem bool) []emr.Cond {
		if hasSystem && sys != system || code == "" {
			return nil
		}
		return []emr.Cond{emr.Eq(field, code)}
	}
}

func carePlanEncounter(rec emr.Record, c *Context) *r4.Reference {
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		return reference("Encounter", id)
	}
	return nil
}

func carePlanAuthor(rec emr.Record, c *Context) *r4.Reference {
	if id, ok := c.Ref("author", rec.Str("author_id")); ok {
		return reference("Practitioner", id)
	}
	return nil
}

// carePlanAddresses are the problem-list Conditions the row is for.
func carePlanAddresses(rec emr.Record) []r4.Reference {
	var out []r4.Reference
	for _, id := range strings.Split(rec.Str("condition"), ";") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, *reference("Condition", id))
		}
	}
	return out
}

// carePlanCode is the row's code ("SNOMED-CT:443402002") with its name,
// or nil when it has neither.
func carePlanCode(rec emr.Record) *r4.CodeableConcept {
	c := &r4.CodeableConcept{Coding: issueCodings(rec.Str("code")), Text: text(rec.Str("codetext"))}
	if len(c.Coding) == 1 {
		c.Coding[0].Display = c.Text
	}
	if c.Coding == nil && c.Text == nil {
		return nil
	}
	return c
}

// carePlanReason is what the row is for (reason_code, reason_description).
func carePlanReason(rec emr.Record) []r4.CodeableConcept {
	c := r4.CodeableConcept{Coding: issueCodings(rec.Str("reason_code")), Text: text(rec.Str("reason_description"))}
	if c.Coding == nil && c.Text == nil {
		return nil
	}
	return []r4.CodeableConcept{c}
}

// carePlanNarrative is the plan's text (US Core CarePlan.text, must
// support): what the plan is, its status and period, and what it is for.
// It shows only what the structured elements hold, so its status is
// generated (the us-core-narrative-status value set; additional would say
// it holds more).
func carePlanNarrative(rec emr.Record, status string) *r4.Narrative {
	var b strings.Builder
	b.WriteString(`<div xmlns="http://www.w3.org/1999/xhtml">`)
	para := func(label, value string) {
		if v := strings.TrimSpace(value); v != "" {
			b.WriteString("<p><b>" + label + "</b>: " + html.EscapeString(v) + "</p>")
		}
	}
	para("Plan", firstOf(rec.Str("description"), rec.Str("codetext"), "Plan of care"))
	if rec.Str("description") != "" {
		para("Activity", rec.Str("codetext"))
	}
	for _, name := range carePlanActivityNames(rec.Str("activities")) {
		para("Activity", name)
	}
	para("Status", status)
	if p := carePlanPeriod(rec); p != nil {
		period := "ongoing"
		if p.End != nil {
			period = *p.End
		}
		if p.Start != nil {
			period = *p.Start + " to " + period
		} else {
			period = "to " + period
		}
		para("Period", period)
	}
	para("For", rec.Str("reason_description"))
	b.WriteString("</div>")
	return &r4.Narrative{Status: ptr("generated"), Div: ptr(b.String())}
}

// firstOf is the first of values that is not blank, or "".
func firstOf(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
