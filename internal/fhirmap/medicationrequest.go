package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// MedicationRequest is prescriptions (orders) and the patient's
// medication list (plans) as US Core MedicationRequest
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-medicationrequest.html),
// read through the view of migration 0016. Following the US Core
// medication list guidance, a list entry is a plan the patient reported
// (reportedBoolean true); a prescription is the prescriber's own order.
var MedicationRequest = &Mapping{
	Type:     "MedicationRequest",
	Profiles: medicationRequestProfiles,
	Def:      resource.FHIRMedicationRequest,
	// Writes are prescriptions (medicationRequestStore), checked by the
	// Standard API's prescription rules.
	WriteDef: resource.FHIRPrescriptionWrite,
	ID:       "uuid", Updated: "updated", Patient: "pid",
	Refs: []Ref{
		{Name: versionRef, Field: "uuid", Def: resource.FHIRMedicationRequestVersion, By: "uuid", Take: "version"},
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "requester", Field: "requester_id", Def: resource.Practitioner, By: "id", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.Encounter, By: "encounter", Take: "uuid"},
		{Name: "medication", Field: "drug_id", Def: resource.FHIRMedication, By: "drug_id", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "intent", Type: Token, Fields: []string{"intent"}, Tokens: tokenOfSystem("intent", systemMedReqIntent),
			Doc: "order (prescriptions) or plan (the patient's medication list)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemMedReqStatus),
			Doc: "active, completed or stopped"},
		{Code: "encounter", Type: Reference, Fields: []string{"encounter"}, Target: "Encounter", TargetKey: "encounter"},
		{Code: "authoredon", Type: Date, Fields: []string{"authored_on"}},
		{Code: "medication", Type: Reference, Fields: []string{"drug_id"}, Target: "Medication", TargetKey: "drug_id",
			Doc: "The formulary drug a prescription refers to (medicationReference)"},
	},
	ToFHIR:   medicationRequestToFHIR,
	FromFHIR: medicationRequestFromFHIR,
	Store:    medicationRequestStore,
	Paths: map[string]string{
		"patient_id": "MedicationRequest.subject", "drug": "MedicationRequest.medication[x]",
		"date_added": "MedicationRequest.authoredOn", "start_date": "MedicationRequest.dosageInstruction.timing.repeat.boundsPeriod.start",
		"end_date": "MedicationRequest.dosageInstruction.timing.repeat.boundsPeriod.end",
	},
}

var medicationRequestProfiles = profiles("us-core-medicationrequest")

// medicationRequestIntents are the intents of the required value set
// that OpenEMR's request_intent may hold; anything else is sent as plan,
// the intent that claims the least (OpenEMR's fallback).
var medicationRequestIntents = map[string]bool{
	"proposal": true, "plan": true, "order": true, "original-order": true, "reflex-order": true,
	"filler-order": true, "instance-order": true, "option": true,
}

// medicationOrderIntents are the intents for which US Core requires a requester
// (us-core-21).
var medicationOrderIntents = map[string]bool{"order": true, "original-order": true, "reflex-order": true, "filler-order": true, "instance-order": true}

func medicationRequestToFHIR(rec emr.Record, c *Context) r4.Resource {
	intent := rec.Str("intent")
	if !medicationRequestIntents[intent] {
		intent = "plan"
	}
	status := rec.Str("status")
	if status != "active" && status != "completed" && status != "stopped" {
		status = "unknown"
	}
	mr := &r4.MedicationRequest{
		ID:                text(rec.Str("uuid")),
		Meta:              meta(medicationRequestProfiles, rec.Str("updated")),
		Status:            ptr(status),
		Intent:            ptr(intent),
		Category:          medicationRequestCategory(rec.Str("category")),
		ReportedBoolean:   ptr(rec.Str("reported") == "1"),
		AuthoredOn:        dateTime(rec.Str("authored_on")),
		Subject:           &r4.Reference{Extension: absent("unknown")},
		DosageInstruction: medicationDosage(rec),
		DispenseRequest:   medicationDispense(rec),
		ReasonCode:        medicationReasons(rec),
	}
	mr.Meta.VersionId = ptr(c.Version(rec.Str("uuid")))
	if id, ok := c.Ref("medication", rec.Str("drug_id")); ok {
		mr.MedicationReference = reference("Medication", id)
		mr.MedicationReference.Display = text(rec.Str("drug"))
	} else {
		mr.MedicationCodeableConcept = medicationConcept(rec.Str("rxnorm"), rec.Str("drug"))
	}
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		mr.Subject = reference("Patient", id)
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		mr.Encounter = reference("Encounter", id)
	}
	mr.Requester = medicationRequester(rec, c, medicationOrderIntents[intent])
	if n := text(rec.Str("note")); n != nil {
		mr.Note = []r4.Annotation{{Text: n}}
	}
	return mr
}

// medicationRequester is the prescriber (a practitioner: a user with an
// NPI). An order without one names the organization that keeps the
// record instead, as OpenEMR does, since US Core requires a requester of
// every order (us-core-21); failing that, why it is missing.
func medicationRequester(rec emr.Record, c *Context, order bool) *r4.Reference {
	if id, ok := c.Ref("requester", rec.Str("requester_id")); ok {
		return reference("Practitioner", id)
	}
	if !order {
		return nil
	}
	if org := text(rec.Str("custodian_uuid")); org != nil {
		return reference("Organization", *org)
	}
	return &r4.Reference{Extension: absent("unknown")}
}

// medicationConcept is the drug as RxNorm codes with the name as text, or
// the name alone when no code is known (US Core allows text: the binding
// is extensible); unknown when there is neither.
func medicationConcept(codes, name string) *r4.CodeableConcept {
	cc := &r4.CodeableConcept{Coding: rxNormCodings(codes), Text: text(name)}
	if cc.Coding == nil && cc.Text == nil {
		return unknownConcept()
	}
	return cc
}

// medicationRequestCategories are the codes of the required us-core
// category slice (medicationrequest-category) with their displays.
var medicationRequestCategories = map[string]string{
	"inpatient": "Inpatient", "outpatient": "Outpatient", "community": "Community", "discharge": "Discharge",
}

func medicationRequestCategory(code string) []r4.CodeableConcept {
	if display, ok := medicationRequestCategories[code]; ok {
		return []r4.CodeableConcept{*concept(systemMedReqCategory, code, display)}
	}
	if t := text(code); t != nil {
		return []r4.CodeableConcept{{Text: t}}
	}
	return nil
}

// medicationReasons is the problem the drug treats: the prescription's
// diagnosis codes (ICD-10-CM, SNOMED CT) with its indication as text.
func medicationReasons(rec emr.Record) []r4.CodeableConcept {
	cc := r4.CodeableConcept{Coding: prefixedCodings(rec.Str("diagnosis")), Text: text(rec.Str("indication"))}
	if cc.Coding == nil && cc.Text == nil {
		return nil
	}
	return []r4.CodeableConcept{cc}
}
