package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// officeVisit is the calendar category (pc_catid) of an encounter created
// through FHIR: OpenEMR files every encounter under one, and Office Visit
// (office_visit, id 5 on every install) is its default. The FHIR type is
// the encounter's own type code, which the read prefers.
const officeVisit = "5"

// encounterFromFHIR maps a US Core Encounter onto form_encounter, the
// inverse of encounterToFHIR: status, class, type, subject, the provider
// and referrer among the participants, period, reason, discharge
// disposition and the facility (location and service provider).
func encounterFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	e, ok := res.(*r4.Encounter)
	if !ok {
		return nil, invalid("resourceType", "an Encounter is expected")
	}
	v := map[string]any{"pc_catid": officeVisit, "reason": encounterReasonFrom(e.ReasonCode), "discharge_disposition": ""}
	switch s := deref(e.Status); {
	case s == "":
		return nil, invalid("Encounter.status", "is required")
	case !oneOf(s, resource.EncounterStatuses):
		return nil, invalid("Encounter.status", "%q is not an encounter status", s)
	default:
		v["status"] = s
	}
	if e.Subject == nil {
		return nil, invalid("Encounter.subject", "is required (US Core)")
	}
	pid, err := w.reference("Encounter.subject", e.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("Encounter.subject", "must be a literal reference Patient/{id}")
	}
	v["pid"] = pid
	if err := encounterClassFrom(e.Class, v); err != nil {
		return nil, err
	}
	if err := encounterTypeFrom(e.Type, v); err != nil {
		return nil, err
	}
	if err := encounterPeriodFrom(e.Period, v); err != nil {
		return nil, err
	}
	if err := encounterParticipantsFrom(w, e.Participant, v); err != nil {
		return nil, err
	}
	if err := encounterFacilityFrom(w, e, v); err != nil {
		return nil, err
	}
	if len(e.ReasonReference) > 0 {
		return nil, invalid("Encounter.reasonReference", "cannot be stored: OpenEMR keeps the reason as text (reasonCode)")
	}
	if h := e.Hospitalization; h != nil && h.DischargeDisposition != nil {
		if v["discharge_disposition"], err = dischargeFrom(h.DischargeDisposition); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// encounterStore creates the encounter with its forms row, the way the
// Standard API does (resource.CreateEncounter), or updates it. An update
// keeps the calendar category OpenEMR filed the encounter under, and may
// not move the encounter to another patient: its forms belong to the
// patient's chart.
func encounterStore(ctx context.Context, w resource.Writer, values map[string]any, current emr.Record) (string, error) {
	if current == nil {
		rec, err := resource.CreateEncounter(ctx, w, resource.FHIREncounterWrite, values, "")
		if err != nil {
			return "", err
		}
		return rec.Str("uuid"), nil
	}
	if values["pid"] != current.Str("pid") {
		return "", invalid("Encounter.subject", "an encounter cannot move to another patient")
	}
	if cat := current.Str("pc_catid"); cat != "" {
		values["pc_catid"] = cat
	}
	_, err := w.Update(ctx, resource.FHIREncounterWrite, values, emr.Eq("uuid", current.Str("uuid")))
	return current.Str("uuid"), err
}

// encounterReasonFrom is the reason text OpenEMR keeps: each reason's
// text, else its codings' displays (the codes themselves are not kept).
func encounterReasonFrom(reasons []r4.CodeableConcept) string {
	var out []string
	for _, r := range reasons {
		t := strings.TrimSpace(deref(r.Text))
		for _, c := range r.Coding {
			if t == "" {
				t = strings.TrimSpace(firstOf(deref(c.Display), deref(c.Code)))
			}
		}
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "; ")
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if x == s {
			return true
		}
	}
	return false
}
