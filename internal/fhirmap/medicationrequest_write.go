package fhirmap

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// medicationRequestFromFHIR maps a US Core MedicationRequest onto a
// prescriptions row, the inverse of medicationRequestToFHIR: subject,
// status, intent, category, reported, the medication (coded, contained or
// a formulary drug), encounter, authoredOn, requester, reasons, notes,
// the dosage instruction and the dispense request. Not kept: identifiers,
// priority, performer, recorder, other codings of the drug than RxNorm
// (NDC), the expected supply duration and validity of the dispense,
// substitution, and course of therapy; a patient's own record of a drug
// (reported, requester the patient) keeps no requester.
func medicationRequestFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	mr, ok := res.(*r4.MedicationRequest)
	if !ok {
		return nil, invalid("resourceType", "a MedicationRequest is expected")
	}
	if mr.DoNotPerform != nil && *mr.DoNotPerform {
		return nil, invalid("MedicationRequest.doNotPerform", "a request not to give a drug cannot be stored as a prescription")
	}
	if mr.Subject == nil {
		return nil, invalid("MedicationRequest.subject", "is required (US Core)")
	}
	pid, err := w.reference("MedicationRequest.subject", mr.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("MedicationRequest.subject", "must be a literal reference Patient/{id}")
	}
	// pid is the view's patient field, by which a patient's token is
	// confined to its own records; prescriptions keeps it as patient_id.
	v := map[string]any{"pid": pid, "patient_id": pid, "note": notesFrom(mr.Note), "reported": ""}
	intent := deref(mr.Intent)
	if !medicationRequestIntents[intent] {
		return nil, invalid("MedicationRequest.intent", "%q is not a medicationrequest-intent code", intent)
	}
	v["request_intent"] = intent
	if (mr.ReportedBoolean != nil && *mr.ReportedBoolean) || mr.ReportedReference != nil {
		v["reported"] = "1"
	}
	if err := medicationCategoryFrom(mr.Category, v); err != nil {
		return nil, err
	}
	if err := medicationFrom(mr, w, v); err != nil {
		return nil, err
	}
	if v["encounter"], err = encounterFrom("MedicationRequest.encounter", mr.Encounter, w, pid); err != nil {
		return nil, err
	}
	if mr.AuthoredOn != nil {
		if v["date_added"], err = timeFrom("MedicationRequest.authoredOn", mr.AuthoredOn); err != nil {
			return nil, err
		}
	}
	if v["provider_id"], err = medicationRequesterFrom(mr, w, v["reported"] == "1"); err != nil {
		return nil, err
	}
	if err := medicationReasonsFrom(mr, w, v); err != nil {
		return nil, err
	}
	if err := medicationDosageFrom(mr, v); err != nil {
		return nil, err
	}
	return v, medicationStatusFrom(mr, v)
}

// medicationStatusFrom stores status as the view reads it: active is an
// active row without an end date, completed one with an end (the dosage's
// bounds, else today), stopped an inactive one.
func medicationStatusFrom(mr *r4.MedicationRequest, v map[string]any) error {
	end := ""
	for _, d := range mr.DosageInstruction {
		if d.Timing != nil && d.Timing.Repeat != nil && d.Timing.Repeat.BoundsPeriod != nil {
			var err error
			if end, err = dayFrom("MedicationRequest.dosageInstruction.timing.repeat.boundsPeriod.end", d.Timing.Repeat.BoundsPeriod.End); err != nil {
				return err
			}
		}
	}
	switch deref(mr.Status) {
	case "active":
		v["active"], v["end_date"] = "1", ""
	case "completed":
		if end == "" {
			end = time.Now().UTC().Format("2006-01-02")
		}
		v["active"], v["end_date"] = "1", end
	case "stopped":
		v["active"], v["end_date"] = "0", end
	case "":
		return invalid("MedicationRequest.status", "is required (US Core)")
	default:
		return invalid("MedicationRequest.status", "%q cannot be stored: OpenEMR records active, completed and stopped prescriptions", *mr.Status)
	}
	return nil
}

// medicationCategoryFrom keeps the US Core category (usage_category, with
// its title as OpenEMR's list has it), else a category's text.
func medicationCategoryFrom(cats []r4.CodeableConcept, v map[string]any) error {
	v["usage_category"], v["usage_category_title"] = "", ""
	for i := range cats {
		if code := conceptCode(&cats[i], systemMedReqCategory); code != "" {
			if medicationRequestCategories[code] == "" {
				return invalid("MedicationRequest.category", "%q is not a medicationrequest-category code", code)
			}
			v["usage_category"], v["usage_category_title"] = code, medicationRequestCategories[code]
			return nil
		}
	}
	for _, c := range cats {
		if t := strings.TrimSpace(deref(c.Text)); t != "" {
			v["usage_category"] = t
			return nil
		}
	}
	return nil
}

// medicationRequesterFrom is the prescriber: a practitioner (a user with
// an NPI). A patient recording their own drug may name themselves, which
// the read does not show for such a plan; any other requester has no
// column.
func medicationRequesterFrom(mr *r4.MedicationRequest, w *WriteContext, reported bool) (string, error) {
	ref := mr.Requester
	if ref == nil || ref.Reference == nil {
		return "", nil
	}
	if reported && mr.Subject.Reference != nil && *ref.Reference == *mr.Subject.Reference {
		return "", nil
	}
	return w.reference("MedicationRequest.requester", ref, "Practitioner", "id")
}
