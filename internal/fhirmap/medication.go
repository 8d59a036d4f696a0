package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Medication is the formulary (drugs) as US Core Medication
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-medication.html),
// read only: the Medication a prescription of a formulary drug refers to
// (MedicationRequest.medicationReference). US Core asks only for read;
// _id and _lastUpdated search come with every type.
var Medication = &Mapping{
	Type:     "Medication",
	Profiles: medicationProfiles,
	Def:      resource.FHIRMedication,
	ID:       "uuid", Updated: "last_updated",
	ToFHIR: medicationToFHIR,
}

var medicationProfiles = profiles("us-core-medication")

func medicationToFHIR(rec emr.Record, _ *Context) r4.Resource {
	m := &r4.Medication{
		ID:   text(rec.Str("uuid")),
		Meta: meta(medicationProfiles, rec.Str("last_updated")),
		// code is required (1..1): RxNorm when the drug has a code, else
		// the drug's name.
		Code:   medicationConcept(rec.Str("drug_code"), rec.Str("name")),
		Status: ptr("inactive"),
	}
	if rec.Str("active") == "1" {
		m.Status = ptr("active")
	}
	if f := text(rec.Str("form_title")); f != nil {
		m.Form = &r4.CodeableConcept{Text: f}
	}
	lot, expires := text(rec.Str("lot_number")), date(rec.Str("expiration"))
	if lot != nil || expires != nil {
		m.Batch = &r4.MedicationBatch{LotNumber: lot, ExpirationDate: expires}
	}
	return m
}
