package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// ServiceRequest is US Core ServiceRequest
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-servicerequest.html)
// over the view fhir_service_request: one request per ordered test of a
// procedure order (procedure_order_code), since a ServiceRequest has one
// code. The tests of one order share its requisition (control_id).
var ServiceRequest = &Mapping{
	Type:     "ServiceRequest",
	Profiles: serviceRequestProfiles,
	Def:      resource.FHIRServiceRequest,
	ID:       "id", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "requester", Field: "requester_id", Def: resource.Practitioner, By: "id", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.Encounter, By: "encounter", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "category", Type: Token, Fields: []string{"category"}, Tokens: serviceRequestCategoryTokens,
			Doc: "SNOMED CT 108252007 (laboratory), 363679005 (imaging), 103693007 (diagnostic) or 387713003 (surgical procedure)"},
		{Code: "code", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "The LOINC, CPT or SNOMED CT code of the test"},
		{Code: "authored", Type: Date, Fields: []string{"authored_on"}, Doc: "When the test was ordered"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemServiceRequestStatus)},
		{Code: "intent", Type: Token, Fields: []string{"intent"}, Tokens: tokenOfSystem("intent", systemServiceRequestIntent)},
		{Code: "encounter", Type: Reference, Fields: []string{"encounter"}, Target: "Encounter", TargetKey: "encounter"},
	},
	ToFHIR: serviceRequestToFHIR,
}

var serviceRequestProfiles = profiles("us-core-servicerequest")

func serviceRequestToFHIR(rec emr.Record, c *Context) r4.Resource {
	intent := rec.Str("intent")
	if !serviceRequestIntents[intent] {
		intent = "order" // OpenEMR's default: a placed order
	}
	sr := &r4.ServiceRequest{
		ID:       text(rec.Str("id")),
		Meta:     meta(serviceRequestProfiles, rec.Str("last_updated")),
		Status:   ptr(rec.Str("status")),
		Intent:   ptr(intent),
		Category: []r4.CodeableConcept{serviceRequestCategory(rec.Str("category"))},
		// code is required (1..1): the test's codes with its name, or why
		// it is unknown.
		Code:               issueConcept(rec.Str("codes"), rec.Str("title")),
		Subject:            issueSubject(rec, c),
		AuthoredOn:         dateTime(rec.Str("authored_on")),
		Priority:           text(serviceRequestPriorities[rec.Str("priority")]),
		PatientInstruction: text(rec.Str("instructions")),
	}
	if start := dateTime(rec.Str("occurrence")); start != nil {
		if end := dateTime(rec.Str("occurrence_end")); end != nil {
			sr.OccurrencePeriod = &r4.Period{Start: start, End: end}
		} else {
			sr.OccurrenceDateTime = start
		}
	}
	if id, ok := c.Ref("requester", rec.Str("requester_id")); ok {
		sr.Requester = reference("Practitioner", id)
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		sr.Encounter = reference("Encounter", id)
	}
	for _, r := range issueCodings(rec.Str("reasons")) {
		sr.ReasonCode = append(sr.ReasonCode, r4.CodeableConcept{Coding: []r4.Coding{r}})
	}
	if v := text(rec.Str("requisition")); v != nil {
		sr.Requisition = &r4.Identifier{Value: v}
	}
	if id := text(rec.Str("specimen")); id != nil {
		sr.Specimen = []r4.Reference{*reference("Specimen", *id)}
	}
	if note := text(rec.Str("note")); note != nil {
		sr.Note = []r4.Annotation{{Text: note}}
	}
	return sr
}
