package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Specimen is procedure_specimen as US Core Specimen
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-specimen.html),
// as OpenEMR's FhirSpecimenService maps it: SNOMED CT type, collection
// method and site, the lab's specimen and accession identifiers, and the
// ServiceRequest of the test it was collected for.
var Specimen = &Mapping{
	Type:     "Specimen",
	Profiles: specimenProfiles,
	Def:      resource.FHIRSpecimen,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "collector", Field: "collector_id", Def: resource.Practitioner, By: "id", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "identifier", Type: Token, Fields: []string{"specimen_identifier"}, Doc: "The specimen's (container's) identifier"},
		{Code: "accession", Type: Token, Fields: []string{"accession_identifier"}, Doc: "The laboratory's accession number"},
		{Code: "type", Type: Token, Fields: []string{"specimen_type_code"}, Tokens: tokenOfSystem("specimen_type_code", systemSNOMED),
			Doc: "The SNOMED CT specimen type"},
		{Code: "collected", Type: Date, Fields: []string{"collected_date"}},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemSpecimenStatus),
			Doc: "available, or entered-in-error"},
	},
	ToFHIR: specimenToFHIR,
}

var specimenProfiles = profiles("us-core-specimen")

// Specimen code systems: R4 specimen-status and HL7 v2 table 0493
// (specimen condition).
const (
	systemSpecimenStatus    = "http://hl7.org/fhir/specimen-status"
	systemSpecimenCondition = "http://terminology.hl7.org/CodeSystem/v2-0493"
)

func specimenToFHIR(rec emr.Record, c *Context) r4.Resource {
	s := &r4.Specimen{
		ID:     text(rec.Str("uuid")),
		Meta:   meta(specimenProfiles, rec.Str("last_updated")),
		Status: ptr(rec.Str("status")),
		// type is required (1..1).
		Type:    specimenConcept(rec.Str("specimen_type_code"), rec.Str("specimen_type"), unknownConcept()),
		Subject: issueSubject(rec, c),
	}
	if v := text(rec.Str("specimen_identifier")); v != nil {
		s.Identifier = []r4.Identifier{{Value: v}}
	}
	if v := text(rec.Str("accession_identifier")); v != nil {
		s.AccessionIdentifier = &r4.Identifier{Type: concept(systemIdentifier, "ACSN", "Accession ID"), Value: v}
	}
	if id := text(rec.Str("request")); id != nil {
		s.Request = []r4.Reference{*reference("ServiceRequest", *id)}
	}
	s.Collection = specimenCollection(rec, c)
	if cond := specimenConcept(rec.Str("condition_code"), rec.Str("specimen_condition"), nil); cond != nil {
		if cond.Coding != nil {
			cond.Coding[0].System = ptr(systemSpecimenCondition)
		}
		s.Condition = []r4.CodeableConcept{*cond}
	}
	if note := text(rec.Str("comments")); note != nil {
		s.Note = []r4.Annotation{{Text: note}}
	}
	return s
}

// specimenCollection is when, how, where and by whom the specimen was
// collected, and how much; nil when nothing is known.
func specimenCollection(rec emr.Record, c *Context) *r4.SpecimenCollection {
	col := &r4.SpecimenCollection{
		CollectedDateTime: dateTime(rec.Str("collected_date")),
		Method:            specimenConcept(rec.Str("collection_method_code"), rec.Str("collection_method"), nil),
		BodySite:          specimenConcept(rec.Str("specimen_location_code"), rec.Str("specimen_location"), nil),
	}
	if col.CollectedDateTime == nil {
		low, high := dateTime(rec.Str("collection_date_low")), dateTime(rec.Str("collection_date_high"))
		if low != nil || high != nil {
			col.CollectedPeriod = &r4.Period{Start: low, End: high}
		}
	}
	if n := decimalOf(rec.Str("volume_value")); n != nil {
		col.Quantity = &r4.Quantity{Value: n, Unit: text(rec.Str("volume_unit"))}
		if col.Quantity.Unit != nil && ucumDoseUnits[*col.Quantity.Unit] {
			col.Quantity.System, col.Quantity.Code = ptr(systemUCUMUnits), col.Quantity.Unit
		}
	}
	if id, ok := c.Ref("collector", rec.Str("collector_id")); ok {
		col.Collector = reference("Practitioner", id)
	}
	if col.CollectedDateTime == nil && col.CollectedPeriod == nil && col.Method == nil && col.BodySite == nil &&
		col.Quantity == nil && col.Collector == nil {
		return nil
	}
	return col
}

// specimenConcept is a SNOMED CT code with its name, the name alone, or
// otherwise when neither is stored.
func specimenConcept(code, name string, otherwise *r4.CodeableConcept) *r4.CodeableConcept {
	switch {
	case text(code) != nil:
		return concept(systemSNOMED, *text(code), name)
	case text(name) != nil:
		return &r4.CodeableConcept{Text: text(name)}
	}
	return otherwise
}
