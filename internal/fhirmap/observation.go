package fhirmap

import (
	"maps"
	"slices"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Observation is the view fhir_observations: vital signs from form_vitals
// as the US Core vital signs profiles
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-vital-signs.html
// and its specializations) and lab results from procedure_result as US
// Core Laboratory Result Observation
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-observation-lab.html).
// One Def serves both, so that a search by patient and code or date finds
// either in one sorted, paged query.
//
// Smoking status and other social history are not served: goemr has no
// history_data table (OpenEMR's tobacco and social history columns), so
// there is nothing to compute them from.
var Observation = &Mapping{
	Type:     "Observation",
	Profiles: observationProfiles(),
	Def:      resource.FHIRObservation,
	ID:       "id", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.FHIREncounterKey, By: "encounter", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"category"}, Tokens: observationCategory, Doc: "vital-signs or laboratory"},
		{Code: "code", Type: Token, Fields: []string{"code"}, Tokens: observationCode, Doc: "The LOINC code"},
		{Code: "date", Type: Date, Fields: []string{"date"}, Doc: "When measured (vitals) or collected (lab results)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: observationStatusTokens},
	},
	ToFHIR:  observationToFHIR,
	IDConds: observationByID,
}

// Observation categories (http://terminology.hl7.org/CodeSystem/observation-category).
const (
	categoryVitalSigns = "vital-signs"
	categoryLaboratory = "laboratory"
)

// observationProfiles are every profile an Observation may claim, for the
// CapabilityStatement.
func observationProfiles() []string {
	var out []string
	for _, code := range slices.Sorted(maps.Keys(vitalSigns)) {
		out = append(out, profiles(vitalSigns[code].profile)...)
	}
	return append(out, profiles("us-core-vital-signs", "us-core-observation-lab")...)
}

func observationCategory(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemObservationCategory {
		return nil
	}
	return []emr.Cond{emr.Eq("category", code)}
}

// observationCode finds an Observation by its LOINC code. A pulse
// oximetry carries two codes (US Core Pulse Oximetry, code.coding:PulseOx
// and :O2Sat) and is stored under the first.
func observationCode(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemLOINC {
		return nil
	}
	out := []emr.Cond{emr.Eq("code", code)}
	if alias, ok := vitalCodeAliases[code]; ok {
		out = append(out, emr.Eq("code", alias))
	}
	return out
}

func observationToFHIR(rec emr.Record, c *Context) r4.Resource {
	o := &r4.Observation{
		ID:     text(rec.Str("id")),
		Status: ptr(observationStatus(rec.Str("status"))),
		Issued: instant(rec.Str("issued")),
	}
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		o.Subject = reference("Patient", id)
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		o.Encounter = reference("Encounter", id)
	}
	// effective[x] is required of vital signs and must support of lab
	// results; it says why when the row has no time.
	if o.EffectiveDateTime = dateTime(rec.Str("date")); o.EffectiveDateTime == nil {
		o.EffectiveDateTimeExt = &r4.Element{Extension: absent("unknown")}
	}
	if n := text(rec.Str("note")); n != nil {
		o.Note = []r4.Annotation{{Text: n}}
	}
	if rec.Str("category") == categoryVitalSigns {
		vitalToFHIR(o, rec)
	} else {
		labToFHIR(o, rec)
	}
	return o
}

// observationCategoryConcept is the category an Observation is in.
func observationCategoryConcept(code, display string) []r4.CodeableConcept {
	return []r4.CodeableConcept{*concept(systemObservationCategory, code, display)}
}

// observationByID finds an Observation through the uuid of the row it
// comes from (the view's src_uuid, which both branches index): a vital's
// id is "<form_vitals uuid>-<vital>", a lab result's its own uuid.
func observationByID(id string) []emr.Cond {
	src := id
	if len(id) > 37 && id[36] == '-' {
		src = id[:36]
	}
	return []emr.Cond{emr.Eq("src_uuid", src), emr.Eq("id", id)}
}
