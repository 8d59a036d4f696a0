package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// MedicationDispense is the dispensary's sales to patients (drug_sales
// trans_type 1, OpenEMR's LocalDispensary) as US Core MedicationDispense
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-medicationdispense.html),
// read through the view fhir_medication_dispense. The drug is the
// formulary's Medication; the prescription that authorized the sale is
// the MedicationRequest whose id is the prescription's uuid.
var MedicationDispense = &Mapping{
	Type:     "MedicationDispense",
	Profiles: medicationDispenseProfiles,
	Def:      resource.FHIRMedicationDispense,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "medication", Field: "drug_id", Def: resource.FHIRMedication, By: "drug_id", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.Encounter, By: "encounter", Take: "uuid"},
		{Name: "dispenser", Field: "dispenser_id", Def: resource.Practitioner, By: "id", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemDispenseStatus)},
		{Code: "type", Type: Token, Fields: []string{"supply_type"}, Tokens: tokenOfSystem("supply_type", systemSupplyType),
			Doc: "The HL7 v3 ActPharmacySupplyType code of the fill (FF first fill, RF refill…)"},
		{Code: "medication", Type: Reference, Fields: []string{"drug_id"}, Target: "Medication", TargetKey: "drug_id",
			Doc: "The formulary drug dispensed (medicationReference)"},
		{Code: "prescription", Type: Reference, Fields: []string{"prescription"}, Target: "MedicationRequest", TargetKey: "uuid",
			Doc: "The prescription that authorized the dispense"},
		{Code: "context", Type: Reference, Fields: []string{"encounter"}, Target: "Encounter", TargetKey: "encounter"},
		{Code: "whenhandedover", Type: Date, Fields: []string{"sale_date"}},
	},
	ToFHIR: medicationDispenseToFHIR,
}

var medicationDispenseProfiles = profiles("us-core-medicationdispense")

// MedicationDispense code systems: R4's medicationdispense-status and HL7
// v3 ActCode, whose ActPharmacySupplyType codes type a fill.
const (
	systemDispenseStatus = "http://terminology.hl7.org/CodeSystem/medicationdispense-status"
	systemSupplyType     = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
)

// dispenseUnits are the UCUM units (annotations) of the dose forms
// drug_sales counts one by one.
var dispenseUnits = map[string]string{"tablet": "{tbl}", "capsule": "{capsule}"}

func medicationDispenseToFHIR(rec emr.Record, c *Context) r4.Resource {
	md := &r4.MedicationDispense{
		ID:                text(rec.Str("uuid")),
		Meta:              meta(medicationDispenseProfiles, rec.Str("last_updated")),
		Status:            ptr(rec.Str("status")),
		Subject:           issueSubject(rec, c),
		WhenHandedOver:    dateTime(rec.Str("sale_date")),
		DosageInstruction: medicationDosage(rec),
	}
	// A completed dispense says when it was handed over (us-core-20).
	if md.WhenHandedOver == nil && *md.Status == "completed" {
		md.WhenHandedOverExt = &r4.Element{Extension: absent("unknown")}
	}
	if id, ok := c.Ref("medication", rec.Str("drug_id")); ok {
		md.MedicationReference = reference("Medication", id)
		md.MedicationReference.Display = text(rec.Str("drug"))
	} else {
		md.MedicationCodeableConcept = medicationConcept(rec.Str("rxnorm"), rec.Str("drug"))
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		md.Context = reference("Encounter", id)
	}
	if id, ok := c.Ref("dispenser", rec.Str("dispenser_id")); ok {
		md.Performer = append(md.Performer, r4.MedicationDispensePerformer{Actor: reference("Practitioner", id)})
	}
	if org := text(rec.Str("dispensary_uuid")); org != nil {
		md.Performer = append(md.Performer, r4.MedicationDispensePerformer{Actor: reference("Organization", *org)})
	}
	if id := text(rec.Str("prescription")); id != nil {
		md.AuthorizingPrescription = []r4.Reference{*reference("MedicationRequest", *id)}
	}
	if code := text(rec.Str("supply_type")); code != nil {
		md.Type = concept(systemSupplyType, *code, rec.Str("supply_type_title"))
	}
	if n := decimalOf(rec.Str("quantity")); n != nil {
		md.Quantity = &r4.Quantity{Value: n}
		// drug_sales counts tablets and capsules; of other forms (an
		// inhaler, a tube of cream) it counts packages, whose unit it
		// does not name.
		if form := rec.Str("form_title"); dispenseUnits[form] != "" {
			md.Quantity.Unit, md.Quantity.System, md.Quantity.Code = ptr(form), ptr(systemUCUMUnits), ptr(dispenseUnits[form])
		}
	}
	if note := text(rec.Str("note")); note != nil {
		md.Note = []r4.Annotation{{Text: note}}
	}
	return md
}
