package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Procedure is US Core Procedure
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-procedure.html)
// over the view fhir_procedure: the surgeries on the patients' lists and
// the reported procedure orders other than laboratory tests, as OpenEMR
// serves both. Laboratory orders are ServiceRequest, DiagnosticReport and
// Observation (US Core: a lab test is not a Procedure).
var Procedure = &Mapping{
	Type:     "Procedure",
	Profiles: procedureProfiles,
	Def:      resource.FHIRProcedure,
	ID:       "id", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: versionRef, Field: "id", Def: resource.FHIRProcedureVersion, By: "uuid", Take: "version"},
		{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "practitioner", Field: "performer", Def: resource.Practitioner, By: "id", Take: "uuid"},
		{Name: "encounter", Field: "encounter", Def: resource.Encounter, By: "encounter", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "date", Type: Date, Fields: []string{"performed"}, Doc: "When the procedure was performed"},
		{Code: "code", Type: Token, Fields: []string{"codes"}, Tokens: issueCodeTokens("codes"), Doc: "A SNOMED CT, CPT, HCPCS or LOINC code of the procedure"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: procedureStatusTokens},
	},
	ToFHIR:   procedureToFHIR,
	FromFHIR: procedureFromFHIR,
	Store:    procedureStore,
	Paths:    map[string]string{"pid": "Procedure.subject", "procedure_code": "Procedure.code"},
}

var procedureProfiles = profiles("us-core-procedure")

func procedureToFHIR(rec emr.Record, c *Context) r4.Resource {
	p := &r4.Procedure{
		ID:                text(rec.Str("id")),
		Meta:              meta(procedureProfiles, rec.Str("last_updated")),
		Status:            ptr(rec.Str("status")),
		Code:              issueConcept(rec.Str("codes"), rec.Str("title")),
		Subject:           issueSubject(rec, c),
		PerformedDateTime: dateTime(rec.Str("performed_at")),
	}
	p.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	// A procedure that took a while was performed over a period: its end
	// is the ordered code's end.
	if end := dateTime(rec.Str("performed_end")); end != nil && p.PerformedDateTime != nil {
		p.PerformedPeriod = &r4.Period{Start: p.PerformedDateTime, End: end}
		p.PerformedDateTime = nil
	}
	// A completed or running procedure must say when it was performed
	// (us-core-7); one recorded without a date says that it is unknown.
	if p.PerformedDateTime == nil && (*p.Status == "completed" || *p.Status == "in-progress") {
		p.PerformedDateTimeExt = &r4.Element{Extension: absent("unknown")}
	}
	for _, r := range issueCodings(rec.Str("reasons")) {
		p.ReasonCode = append(p.ReasonCode, r4.CodeableConcept{Coding: []r4.Coding{r}})
	}
	if id, ok := c.Ref("practitioner", rec.Str("performer")); ok {
		p.Performer = []r4.ProcedurePerformer{{Actor: reference("Practitioner", id)}}
	}
	if id, ok := c.Ref("encounter", rec.Str("encounter")); ok {
		p.Encounter = reference("Encounter", id)
	}
	if note := text(rec.Str("note")); note != nil {
		p.Note = []r4.Annotation{{Text: note}}
	}
	return p
}

// procedureStatusTokens compares an event-status code with the status the
// view computed.
func procedureStatusTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != "http://hl7.org/fhir/event-status" || code == "" {
		return nil
	}
	return []emr.Cond{emr.Eq("status", code)}
}
