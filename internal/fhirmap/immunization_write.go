package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// immunizationFromFHIR maps a US Core Immunization onto an immunizations
// row, the inverse of immunizationToFHIR: patient, CVX code, status (with
// its reason and subpotency), when it was given and recorded, the primary
// source, the administering practitioner, encounter, lot, expiry,
// manufacturer, site, route, dose and notes. Not kept, having no column
// the read shows: other codings of the vaccine (NDC) and its text (the
// read names a CVX code as the codes table does), identifiers, location,
// reasons, reactions, education, eligibility, funding and the protocol.
func immunizationFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	im, ok := res.(*r4.Immunization)
	if !ok {
		return nil, invalid("resourceType", "an Immunization is expected")
	}
	v := map[string]any{"note": notesFrom(im.Note), "lot_number": strings.TrimSpace(deref(im.LotNumber))}
	if im.Patient == nil {
		return nil, invalid("Immunization.patient", "is required (US Core)")
	}
	pid, err := w.reference("Immunization.patient", im.Patient, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("Immunization.patient", "must be a literal reference Patient/{id}")
	}
	v["patient_id"] = pid
	if v["cvx_code"] = conceptCode(im.VaccineCode, immunizationCVX); v["cvx_code"] == "" {
		return nil, invalid("Immunization.vaccineCode", "must have a CVX code (%s)", immunizationCVX)
	}
	if err := immunizationStatusFrom(im, v); err != nil {
		return nil, err
	}
	if im.OccurrenceString != nil {
		return nil, invalid("Immunization.occurrence[x]", "only occurrenceDateTime can be stored")
	}
	if v["administered_date"], err = timeFrom("Immunization.occurrenceDateTime", im.OccurrenceDateTime); err != nil {
		return nil, err
	}
	if im.Recorded != nil {
		if v["create_date"], err = timeFrom("Immunization.recorded", im.Recorded); err != nil {
			return nil, err
		}
	}
	if v["expiration_date"], err = dayFrom("Immunization.expirationDate", im.ExpirationDate); err != nil {
		return nil, err
	}
	// OpenEMR's rule (resource.Immunization primarySource): a new record
	// with an administrator, named or not, is from the primary source; a
	// dose from history is not (NIP001 01, source unspecified).
	v["information_source"], v["administered_by"] = "new_immunization_record", ""
	if im.PrimarySource != nil && !*im.PrimarySource {
		v["information_source"] = "hist_inf_src_unspecified"
	}
	if v["administered_by_id"], err = immunizationPerformerFrom(im.Performer, w); err != nil {
		return nil, err
	}
	if v["encounter_id"], err = encounterFrom("Immunization.encounter", im.Encounter, w, pid); err != nil {
		return nil, err
	}
	if err := immunizationDetailsFrom(im, v); err != nil {
		return nil, err
	}
	return v, nil
}

// immunizationStatusFrom stores status as immunizationStatus reads it: a
// dose entered in error is flagged; one not given is Not_Administered,
// or a refusal for a patient's or a religious objection (the reasons the
// read names); a subpotent dose was partially administered.
func immunizationStatusFrom(im *r4.Immunization, v map[string]any) error {
	v["added_erroneously"], v["completion_status"], v["refusal_reason"] = "0", "Completed", ""
	switch deref(im.Status) {
	case "completed":
		if im.IsSubpotent != nil && *im.IsSubpotent {
			v["completion_status"] = "Partially_Administered"
		}
	case "entered-in-error":
		v["added_erroneously"] = "1"
	case "not-done":
		v["completion_status"] = "Not_Administered"
		switch reason := conceptCode(im.StatusReason, "http://terminology.hl7.org/CodeSystem/v3-ActReason"); reason {
		case "PATOBJ":
			v["refusal_reason"] = "patient_decision"
		case "RELIG":
			v["refusal_reason"] = "religious_exemption"
		case "":
			if im.StatusReason != nil {
				return invalid("Immunization.statusReason", "only the v3-ActReason codes PATOBJ and RELIG can be stored")
			}
		default:
			return invalid("Immunization.statusReason", "%q cannot be stored: OpenEMR records refusals (PATOBJ, RELIG) only", reason)
		}
	case "":
		return invalid("Immunization.status", "is required (US Core)")
	default:
		return invalid("Immunization.status", "%q is not completed, not-done or entered-in-error", *im.Status)
	}
	return nil
}

// immunizationPerformerFrom is the administering practitioner: the one
// performer OpenEMR records (administered_by_id), whose function is
// administering provider (v2-0443 AP) or unsaid.
func immunizationPerformerFrom(ps []r4.ImmunizationPerformer, w *WriteContext) (string, error) {
	if len(ps) > 1 {
		return "", invalid("Immunization.performer", "OpenEMR records one performer, the administering practitioner")
	}
	if len(ps) == 0 {
		return "", nil
	}
	if f := ps[0].Function; f != nil && conceptCode(f, "http://terminology.hl7.org/CodeSystem/v2-0443") != "AP" {
		return "", invalid("Immunization.performer.function", "only the administering provider (AP) can be stored")
	}
	return w.reference("Immunization.performer.actor", ps[0].Actor, "Practitioner", "id")
}
