package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// smokingToFHIR fills o as US Core Smoking Status
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-smokingstatus.html):
// category social-history, code 72166-2, the smoking_status option's
// SNOMED CT code as valueCodeableConcept, the entry's note.
func smokingToFHIR(o *r4.Observation, rec emr.Record) {
	o.Meta = meta(profiles("us-core-smokingstatus"), rec.Str("last_updated"))
	o.Category = observationCategoryConcept(categorySocialHistory, observationCategoryNames[categorySocialHistory])
	o.Code = concept(systemLOINC, loincSmokingStatus, "Tobacco smoking status")
	entry := strings.Split(rec.Str("value2"), "|")
	if o.ValueCodeableConcept = codedAnswer(rec.Str("value"), rec.Str("value_display")); o.ValueCodeableConcept == nil {
		kind := ""
		if len(entry) > 1 {
			kind = strings.TrimSpace(entry[1])
		}
		f, ok := smokingFallback[kind]
		if !ok {
			f = smokingFallback["not_applicabletobacco"]
		}
		o.ValueCodeableConcept = concept(systemSNOMED, f[0], f[1])
	}
	if n := text(entry[0]); n != nil { // the entry's free-text part
		o.Note = []r4.Annotation{{Text: n}}
	}
}

// occupationToFHIR fills o as US Core Occupation
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-observation-occupation.html)
// from an employer_data row: the job's period, the occupation as the
// value (required; "unknown" when only the industry is known) and the
// industry as component:industry.
func occupationToFHIR(o *r4.Observation, rec emr.Record) {
	o.Meta = meta(profiles("us-core-observation-occupation"), rec.Str("last_updated"))
	o.Category = observationCategoryConcept(categorySocialHistory, observationCategoryNames[categorySocialHistory])
	o.Code = concept(systemLOINC, loincOccupation, "History of Occupation")
	o.EffectiveDateTime, o.EffectiveDateTimeExt = nil, nil
	if start, end := date(rec.Str("date")), date(rec.Str("end_date")); start != nil || end != nil {
		o.EffectivePeriod = &r4.Period{Start: start, End: end}
	}
	if o.ValueCodeableConcept = odhConcept(rec.Str("value"), rec.Str("value_display")); o.ValueCodeableConcept == nil {
		o.ValueCodeableConcept = unknownConcept()
	}
	if industry := odhConcept(rec.Str("value2"), rec.Str("value3")); industry != nil {
		o.Component = []r4.ObservationComponent{{
			Code:                 concept(systemLOINC, loincIndustry, "History of Occupation Industry"),
			ValueCodeableConcept: industry,
		}}
	}
}
