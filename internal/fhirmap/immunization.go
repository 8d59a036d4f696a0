package fhirmap

import (
	"encoding/json"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Immunization is the immunizations table as US Core Immunization
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-immunization.html),
// the vaccine coded in CVX.
var Immunization = &Mapping{
	Type:     "Immunization",
	Profiles: immunizationProfiles,
	Def:      resource.Immunization,
	WriteDef: resource.FHIRImmunizationWrite,
	ID:       "uuid", Updated: "update_date", Patient: "patient_id",
	Refs: []Ref{
		VersionRef("immunizations", "id"),
		{Name: "patient", Field: "patient_id", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "practitioner", Field: "administered_by_id", Def: resource.Practitioner, By: "id", Take: "uuid"},
		{Name: "encounter", Field: "encounter_id", Def: resource.Encounter, By: "encounter", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"patient_id"}, Target: "Patient", TargetKey: "pid"},
		{Code: "date", Type: Date, Fields: []string{"administered_date"}, Doc: "When the vaccine was given"},
		{Code: "status", Type: Token, Fields: []string{"completion_status", "added_erroneously", "refusal_reason"},
			Tokens: immunizationStatusTokens, Doc: "completed, not-done or entered-in-error"},
		{Code: "vaccine-code", Type: Token, Fields: []string{"cvx_code"}, Tokens: immunizationVaccineTokens, Doc: "The vaccine's CVX code"},
	},
	ToFHIR:   immunizationToFHIR,
	FromFHIR: immunizationFromFHIR,
	Paths: map[string]string{
		"patient_id": "Immunization.patient", "cvx_code": "Immunization.vaccineCode",
		"administered_date": "Immunization.occurrenceDateTime", "expiration_date": "Immunization.expirationDate",
	},
}

var immunizationProfiles = profiles("us-core-immunization")

func immunizationToFHIR(rec emr.Record, c *Context) r4.Resource {
	status := immunizationStatus(rec)
	im := &r4.Immunization{
		ID:             text(rec.Str("uuid")),
		Meta:           meta(immunizationProfiles, rec.Str("update_date")),
		Status:         ptr(status),
		VaccineCode:    immunizationVaccine(rec),
		Recorded:       dateTime(rec.Str("create_date")),
		PrimarySource:  ptr(rec.Str("primarySource") == "1"),
		LotNumber:      text(rec.Str("lot_number")),
		ExpirationDate: date(rec.Str("expiration_date")),
		Site:           immunizationSite(rec),
		Route:          immunizationRoute(rec.Str("route")),
		DoseQuantity:   immunizationDose(rec),
	}
	im.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	if id, ok := c.Ref("patient", rec.Str("patient_id")); ok {
		im.Patient = reference("Patient", id)
	} else {
		im.Patient = &r4.Reference{Extension: absent("unknown")}
	}
	// occurrence[x] is required; a dose recorded without its date says so.
	if im.OccurrenceDateTime = dateTime(rec.Str("administered_date")); im.OccurrenceDateTime == nil {
		im.OccurrenceDateTimeExt = &r4.Element{Extension: absent("unknown")}
	}
	if status == "not-done" {
		im.StatusReason = immunizationRefusal(rec)
	}
	if immunizationPartial[rec.Str("completion_status")] {
		im.IsSubpotent = ptr(true)
	}
	if m := text(rec.Str("manufacturer")); m != nil {
		im.Manufacturer = &r4.Reference{Display: m}
	}
	if id, ok := c.Ref("practitioner", rec.Str("administered_by_id")); ok {
		im.Performer = []r4.ImmunizationPerformer{{
			Function: concept("http://terminology.hl7.org/CodeSystem/v2-0443", "AP", "Administering Provider"),
			Actor:    reference("Practitioner", id),
		}}
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter_id")); ok {
		im.Encounter = reference("Encounter", id)
	}
	if note := text(rec.Str("note")); note != nil {
		im.Note = []r4.Annotation{{Text: note}}
	}
	return im
}

// immunizationVaccine is the CVX code with the codes table's name for it;
// vaccineCode is required, so a dose without a code is unknown.
func immunizationVaccine(rec emr.Record) *r4.CodeableConcept {
	cvx := text(rec.Str("cvx_code"))
	if cvx == nil {
		return unknownConcept()
	}
	return concept(immunizationCVX, *cvx, rec.Str("cvx_code_text"))
}

// immunizationDose is the amount given, in UCUM when the unit is one of
// OpenEMR's amount units UCUM spells the same way.
func immunizationDose(rec emr.Record) *r4.Quantity {
	amount := rec.Str("amount_administered")
	if _, err := strconv.ParseFloat(amount, 64); err != nil {
		return nil
	}
	q := &r4.Quantity{Value: ptr(json.Number(amount)), Unit: text(rec.Str("amount_administered_unit"))}
	if q.Unit != nil && ucumDoseUnits[*q.Unit] {
		q.System, q.Code = ptr("http://unitsofmeasure.org"), q.Unit
	}
	return q
}
