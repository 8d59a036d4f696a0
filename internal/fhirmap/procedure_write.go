package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// procedureReportStatus is the procedure_report status of each event
// status the view reads back (fhir_procedure: prelim is in progress,
// cancel stopped, error entered in error, anything else completed).
var procedureReportStatus = map[string]string{
	"completed": "final", "in-progress": "prelim", "stopped": "cancel", "entered-in-error": "error",
}

// procedureFromFHIR maps a US Core Procedure onto a performed procedure
// order (procedureStore), the inverse of procedureToFHIR's order branch:
// subject, status, code, when it was performed, encounter, the performing
// practitioner, reasons and notes. Not kept: identifiers, basedOn,
// partOf, category, location, recorder, asserter, body site, outcome,
// complications, follow-up, focal and used devices and codes.
func procedureFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	p, ok := res.(*r4.Procedure)
	if !ok {
		return nil, invalid("resourceType", "a Procedure is expected")
	}
	if p.Subject == nil {
		return nil, invalid("Procedure.subject", "is required (US Core)")
	}
	pid, err := w.reference("Procedure.subject", p.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("Procedure.subject", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"pid": pid, "report_notes": notesFrom(p.Note)}
	status := deref(p.Status)
	if v["report_status"] = procedureReportStatus[status]; v["report_status"] == "" {
		return nil, invalid("Procedure.status", "%q cannot be stored: OpenEMR records completed, in-progress, stopped and entered-in-error procedures", status)
	}
	if p.Code == nil {
		return nil, invalid("Procedure.code", "is required (US Core)")
	}
	list, title, err := codeListFrom("Procedure.code", p.Code)
	if err != nil {
		return nil, err
	}
	if title == "" {
		return nil, invalid("Procedure.code", "must have a text or a coding")
	}
	v["procedure_code"], v["procedure_name"] = list, title
	if err := procedurePerformedFrom(p, v); err != nil {
		return nil, err
	}
	if v["encounter_id"], err = encounterFrom("Procedure.encounter", p.Encounter, w, pid); err != nil {
		return nil, err
	}
	if v["provider_id"], err = procedurePerformerFrom(p.Performer, w); err != nil {
		return nil, err
	}
	return v, procedureReasonsFrom(p, w, v)
}

// procedurePerformedFrom keeps when the procedure was performed: a time,
// or a period whose end is the ordered code's end (date_end). A completed
// or running procedure must say when (us-core-7).
func procedurePerformedFrom(p *r4.Procedure, v map[string]any) error {
	if p.PerformedString != nil || p.PerformedAge != nil || p.PerformedRange != nil {
		return invalid("Procedure.performed[x]", "only performedDateTime and performedPeriod can be stored")
	}
	var err error
	v["date_collected"], v["date_end"] = "", ""
	switch {
	case p.PerformedDateTime != nil:
		v["date_collected"], err = timeFrom("Procedure.performedDateTime", p.PerformedDateTime)
	case p.PerformedPeriod != nil:
		if p.PerformedPeriod.Start == nil {
			return invalid("Procedure.performedPeriod.start", "is required to store a period")
		}
		if v["date_collected"], err = timeFrom("Procedure.performedPeriod.start", p.PerformedPeriod.Start); err == nil {
			v["date_end"], err = timeFrom("Procedure.performedPeriod.end", p.PerformedPeriod.End)
		}
	}
	if err != nil {
		return err
	}
	if s := deref(p.Status); v["date_collected"] == "" && (s == "completed" || s == "in-progress") {
		return invalid("Procedure.performed[x]", "is required for a %s procedure (us-core-7)", s)
	}
	return nil
}

// procedurePerformerFrom is the practitioner who performed it, the one
// provider an order records.
func procedurePerformerFrom(ps []r4.ProcedurePerformer, w *WriteContext) (string, error) {
	if len(ps) > 1 {
		return "", invalid("Procedure.performer", "OpenEMR records one performer")
	}
	if len(ps) == 0 || ps[0].Actor == nil {
		return "", nil
	}
	return w.reference("Procedure.performer.actor", ps[0].Actor, "Practitioner", "id")
}

// procedureReasonsFrom keeps why it was done as the ordered code's
// diagnoses: the codes of reasonCode and of the Conditions reasonReference
// names (the read shows them as reasonCode).
func procedureReasonsFrom(p *r4.Procedure, w *WriteContext, v map[string]any) error {
	var codes []string
	for i := range p.ReasonCode {
		list, _, err := codeListFrom("Procedure.reasonCode", &p.ReasonCode[i])
		if err != nil {
			return err
		}
		codes = appendNonEmpty(codes, list)
	}
	for i := range p.ReasonReference {
		list, err := w.reference("Procedure.reasonReference", &p.ReasonReference[i], "Condition", "diagnosis")
		if err != nil {
			return err
		}
		codes = appendNonEmpty(codes, list)
	}
	v["diagnoses"] = strings.Join(codes, ";")
	return nil
}
