package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// CarePlan is the plan-of-care rows of OpenEMR's Care Plan form
// (form_care_plan, care_plan_type 'plan_of_care') as US Core CarePlan
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-careplan.html),
// one per row, but for the rows a FHIR write made of a plan's further
// activities (plan_uuid, migration 0027), which are activities of it.
// OpenEMR makes one CarePlan of each form, with the surrogate id
// <encounter uuid>-SK-<form id>; goemr's rows have uuids of their own,
// so a planned activity keeps its id, status and period whatever else the
// form holds. Every plan is an assessment and plan of treatment
// (category assess-plan) with intent plan, as in OpenEMR, unless a FHIR
// write stored another intent.
var CarePlan = &Mapping{
	Type:     "CarePlan",
	Profiles: carePlanProfiles,
	Def:      resource.FHIRCarePlan,
	WriteDef: resource.FHIRCarePlanWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: carePlanRefs,
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"care_plan_type"}, Tokens: carePlanCategory, Doc: "assess-plan (every plan)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: computedStatusTokens(systemRequestStatus, "status")},
		// Both ends are compared with the value: a plan matches eq when
		// its whole period lies in the value's range (R4 §3.1.1.4.5 for
		// a Period), an open plan ending never.
		{Code: "date", Type: Date, Fields: []string{"start_day", "end_day"}, Doc: "The plan's period (start and end day)"},
	},
	ToFHIR:   carePlanToFHIR,
	FromFHIR: carePlanFromFHIR,
	Store:    carePlanStore,
	Paths: map[string]string{
		"pid": "CarePlan.subject", "plan_status": "CarePlan.status", "intent": "CarePlan.intent",
		"code": "CarePlan.activity.detail.code", "reason_code": "CarePlan.activity.detail.reasonCode",
		"date": "CarePlan.period.start", "date_end": "CarePlan.period.end",
	},
}

var carePlanProfiles = profiles("us-core-careplan")

// Code systems of CarePlan.
const (
	systemCarePlanCategory = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category"
	systemRequestStatus    = "http://hl7.org/fhir/request-status"
)

// carePlanCategory: every plan is assess-plan, so that code finds every
// row the mapping reads and any other nothing.
func carePlanCategory(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemCarePlanCategory || code != "assess-plan" {
		return nil
	}
	return []emr.Cond{emr.Eq("care_plan_type", "plan_of_care")}
}

func carePlanToFHIR(rec emr.Record, c *Context) r4.Resource {
	status := rec.Str("status")
	p := &r4.CarePlan{
		ID:          text(rec.Str("uuid")),
		Meta:        meta(carePlanProfiles, rec.Str("last_updated")),
		Status:      ptr(status),
		Intent:      ptr(firstOf(rec.Str("intent"), "plan")),
		Category:    []r4.CodeableConcept{{Coding: []r4.Coding{coding(systemCarePlanCategory, "assess-plan", "Assessment and Plan of Treatment")}}},
		Description: text(firstOf(rec.Str("description"), rec.Str("codetext"))),
		Subject:     issueSubject(rec, c),
		Encounter:   carePlanEncounter(rec, c),
		Period:      carePlanPeriod(rec),
		Author:      carePlanAuthor(rec, c),
		Addresses:   carePlanAddresses(rec),
	}
	p.Meta.VersionId = ptr(c.Version(rec.Str("uuid")))
	if code := carePlanCode(rec); code != nil {
		p.Activity = []r4.CarePlanActivity{{Detail: &r4.CarePlanActivityDetail{
			Code:       code,
			ReasonCode: carePlanReason(rec),
			Status:     ptr(activityStatus[status]),
		}}}
	}
	p.Activity = append(p.Activity, carePlanActivities(rec.Str("activities"))...)
	p.Text = carePlanNarrative(rec, status)
	return p
}

// activityStatus is the status of a plan's activity (CarePlan
// activity.detail.status) for the plan's own status.
var activityStatus = map[string]string{
	"draft": "not-started", "active": "in-progress", "on-hold": "on-hold", "revoked": "cancelled",
	"completed": "completed", "entered-in-error": "entered-in-error", "unknown": "unknown",
}

// carePlanPeriod is from the row's date to its end date, when it has
// either. An end before the start is left out: a period may not end before
// it starts (R4 per-1).
func carePlanPeriod(rec emr.Record) *r4.Period {
	start, end := dayOrTime(rec.Str("date")), dayOrTime(rec.Str("date_end"))
	if start != nil && end != nil && (*end)[:10] < (*start)[:10] {
		end = nil
	}
	if start == nil && end == nil {
		return nil
	}
	return &r4.Period{Start: start, End: end}
}

// dayOrTime is a stored date or datetime as a FHIR date or dateTime; a
// datetime at midnight, how OpenEMR's date pickers store a day in a
// datetime column, is the day.
func dayOrTime(s string) *string {
	if len(s) == 19 && s[10:] == " 00:00:00" {
		return date(s)
	}
	return dateTime(s)
}
