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
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-observation-lab.html),
// and smoking status (history_data), occupation (employer_data) and the
// Observation form's entries (form_observation) as the social history and
// screening profiles (observation_social.go). One Def serves all, so that
// a search by patient and code or date finds any in one sorted, paged
// query.
var Observation = &Mapping{
	Type:     "Observation",
	Profiles: observationProfiles(),
	Def:      resource.FHIRObservation,
	ID:       "id", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.FHIREncounterKey, By: "encounter", Take: "uuid"},
		{Name: "performer", Field: "performer", Def: resource.FHIRPractitioner, By: "id", Take: "uuid"},
		{Name: versionRef, Field: "src_uuid", Def: resource.FHIRObservationSources, By: "uuid", Take: "version"},
		{Name: "extras", Field: "src_uuid", Def: resource.FHIRObservationSources, By: "uuid", Take: "extras"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"category", "us_core_category"}, Tokens: observationCategory,
			Doc: "An observation-category code (vital-signs, laboratory, social-history, survey, exam…) or a us-core-category one (sdoh…)"},
		{Code: "code", Type: Token, Fields: []string{"code"}, Tokens: observationCode, Doc: "The LOINC code"},
		{Code: "date", Type: Date, Fields: []string{"date"}, Doc: "When measured (vitals), collected (lab results), recorded (social history, screenings) or a job began (occupation)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: observationStatusTokens},
	},
	ToFHIR:   observationToFHIR,
	IDConds:  observationByID,
	FromFHIR: observationFromFHIR,
	Store:    observationStore,
	WriteDef: resource.FHIRObservationWrite,
	Paths:    observationWritePaths,
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
	out = append(out, profiles("us-core-vital-signs", "us-core-observation-lab")...)
	return append(out, socialProfiles...)
}

// observationCategory finds Observations by a code of either category
// system they carry: observation-category (the category column) or US
// Core's us-core-category (us_core_category: sdoh …).
func observationCategory(system, code string, hasSystem bool) []emr.Cond {
	switch {
	case !hasSystem:
		return []emr.Cond{emr.Eq("category", code), emr.Eq("us_core_category", code)}
	case system == systemObservationCategory:
		return []emr.Cond{emr.Eq("category", code)}
	case system == systemUSCoreCategory:
		return []emr.Cond{emr.Eq("us_core_category", code)}
	}
	return nil
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
	switch {
	case socialSources[rec.Str("source")]:
		socialToFHIR(o, rec, c)
	case rec.Str("category") == categoryVitalSigns:
		vitalToFHIR(o, rec)
	default:
		labToFHIR(o, rec)
	}
	writtenToFHIR(o, rec, c)
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
