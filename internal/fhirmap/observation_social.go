package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// socialProfiles are the US Core profiles of the Observations
// history_data, form_observation and employer_data give.
var socialProfiles = profiles(
	"us-core-smokingstatus", "us-core-observation-occupation",
	"us-core-observation-pregnancystatus", "us-core-observation-pregnancyintent",
	"us-core-observation-sexual-orientation",
	"us-core-observation-screening-assessment", "us-core-simple-observation",
)

// socialSources are the tables (the view's source column) whose rows are
// social history and screening Observations.
var socialSources = map[string]bool{"history_data": true, "form_observation": true, "employer_data": true}

// socialToFHIR fills o as the Observation a social history or screening
// row is, by the table it comes from.
func socialToFHIR(o *r4.Observation, rec emr.Record, c *Context) {
	switch rec.Str("source") {
	case "history_data":
		smokingToFHIR(o, rec)
	case "employer_data":
		occupationToFHIR(o, rec)
	default:
		formObservationToFHIR(o, rec, c)
	}
}

// formObservationToFHIR fills o from an Observation form row: its
// categories, code, value (a coded answer, a number in its unit, or
// text), period, performer, a panel's items (hasMember) and the
// questionnaire response it was taken from (derivedFrom), under the
// profile its code and category call for (formObservationProfile).
func formObservationToFHIR(o *r4.Observation, rec emr.Record, c *Context) {
	category := rec.Str("category")
	o.Category = observationCategoryConcept(category, observationCategoryNames[category])
	if uc := rec.Str("us_core_category"); usCoreCategoryNames[uc] != "" {
		o.Category = append(o.Category, *concept(systemUSCoreCategory, uc, usCoreCategoryNames[uc]))
	}
	o.Code = formObservationCode(rec)
	if end := dateTime(rec.Str("end_date")); end != nil && o.EffectiveDateTime != nil {
		o.EffectivePeriod = &r4.Period{Start: o.EffectiveDateTime, End: end}
		o.EffectiveDateTime = nil
	}
	if id, ok := c.Ref("performer", rec.Str("performer")); ok {
		o.Performer = []r4.Reference{*reference("Practitioner", id)}
	}
	for _, id := range strings.Split(rec.Str("members"), ",") {
		if id = strings.TrimSpace(id); id != "" {
			o.HasMember = append(o.HasMember, *reference("Observation", id))
		}
	}
	if qr := text(rec.Str("derived_from")); qr != nil {
		o.DerivedFrom = []r4.Reference{*reference("QuestionnaireResponse", *qr)}
	}
	value, units := strings.TrimSpace(rec.Str("value")), strings.TrimSpace(rec.Str("units"))
	switch answer := codedAnswer(value, rec.Str("value_display")); {
	case answer != nil:
		o.ValueCodeableConcept = answer
	case decimalValue(value) != nil:
		o.ValueQuantity = quantityIn(value, units)
	case value != "":
		o.ValueString = &value
	case len(o.HasMember) == 0:
		// A value or why not, unless the panel's items hold them (US Core
		// us-core-2).
		o.DataAbsentReason = concept(systemAbsent, "unknown", "Unknown")
	}
	o.Meta = meta(profiles(formObservationProfile(o)), rec.Str("last_updated"))
}

// formObservationCode is the row's code in the system of its code type
// (LOINC unless named otherwise), with its description.
func formObservationCode(rec emr.Record) *r4.CodeableConcept {
	code := strings.TrimSpace(rec.Str("code"))
	if system := observationValueSystem(rec.Str("code_type")); code != "" && system != "" {
		return concept(system, code, rec.Str("code_text"))
	}
	return loincConcept(code, rec.Str("code_text"))
}

// formObservationProfile is the US Core profile an Observation form row
// meets: pregnancy status and intent with a coded value and a time, sexual
// orientation coded or without a value, a survey item or panel as
// Screening and Assessment (its category:survey), anything else as Simple
// Observation (any category of the two category code systems).
func formObservationProfile(o *r4.Observation) string {
	coded := o.ValueCodeableConcept != nil
	code := ""
	if o.Code != nil && len(o.Code.Coding) > 0 && o.Code.Coding[0].System != nil && *o.Code.Coding[0].System == systemLOINC {
		code = *o.Code.Coding[0].Code
	}
	switch {
	case code == loincPregnancyStatus && coded && o.EffectiveDateTime != nil:
		return "us-core-observation-pregnancystatus"
	case code == loincPregnancyIntent && coded && o.EffectiveDateTime != nil:
		return "us-core-observation-pregnancyintent"
	case code == loincSexualOrientation && (coded || o.DataAbsentReason != nil):
		return "us-core-observation-sexual-orientation"
	case len(o.Category) > 0 && o.Category[0].Coding[0].Code != nil && *o.Category[0].Coding[0].Code == categorySurvey:
		return "us-core-observation-screening-assessment"
	}
	return "us-core-simple-observation"
}
