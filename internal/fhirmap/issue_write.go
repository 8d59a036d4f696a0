package fhirmap

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// issueStatusFrom is the inverse of issueClinical: OpenEMR keeps no
// clinical status, only an end date and an outcome, so a status is stored
// as the columns it is read from. active has no end (and may have no
// abatement, Condition con-4); resolved and inactive end at abatement, or
// today when none is given, with outcome 1 ("Resolved") or 0. A row
// entered in error has no clinical status (Condition con-5,
// AllergyIntolerance ait-2), every other row must have one (con-3, ait-1).
func issueStatusFrom(typ string, clinical, verification *r4.CodeableConcept, clinicalSystem, verificationSystem string,
	abatement *string, v map[string]any) error {
	status := conceptCode(clinical, clinicalSystem)
	if clinical != nil && status == "" {
		return invalid(typ+".clinicalStatus", "must have a coding of %s", clinicalSystem)
	}
	ver := conceptCode(verification, verificationSystem)
	if verification != nil && ver == "" {
		return invalid(typ+".verificationStatus", "must have a coding of %s", verificationSystem)
	}
	v["verification"], v["enddate"], v["outcome"] = ver, "", "0"
	end, err := dayFrom(typ+".abatementDateTime", abatement)
	if err != nil {
		return err
	}
	today := time.Now().UTC().Format("2006-01-02")
	switch {
	case ver == "entered-in-error":
		if status != "" {
			return invalid(typ+".clinicalStatus", "must be absent when verificationStatus is entered-in-error")
		}
		v["enddate"] = end
	case status == "":
		return invalid(typ+".clinicalStatus", "is required unless verificationStatus is entered-in-error (US Core)")
	case status == "active":
		if end != "" {
			return invalid(typ+".abatement", "an active condition cannot have abated (con-4)")
		}
	case status == "resolved" || status == "inactive":
		if end == "" {
			end = today
		}
		if end > today {
			return invalid(typ+".abatement", "a %s condition cannot abate in the future (%s)", status, end)
		}
		v["enddate"] = end
		if status == "resolved" {
			v["outcome"] = "1"
		}
	default:
		return invalid(typ+".clinicalStatus", "%q cannot be stored: OpenEMR records active, inactive or resolved", status)
	}
	return nil
}

// notesFrom is the text of a resource's notes, as the one comment a lists
// row keeps.
func notesFrom(notes []r4.Annotation) string {
	var out []string
	for _, n := range notes {
		if t := strings.TrimSpace(deref(n.Text)); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// issueCommonFrom maps what AllergyIntolerance and Condition share onto a
// lists row: the patient, the code (title and diagnosis), the onset (a
// dateTime only: lists keeps a begin date) and the recorded date.
func issueCommonFrom(typ string, w *WriteContext, patient *r4.Reference, code *r4.CodeableConcept,
	onset *string, otherOnset bool, recorded *string, v map[string]any) error {
	field := map[bool]string{true: "patient", false: "subject"}[typ == "AllergyIntolerance"]
	if patient == nil {
		return invalid(typ+"."+field, "is required (US Core)")
	}
	pid, err := w.reference(typ+"."+field, patient, "Patient", "pid")
	if err != nil {
		return err
	}
	if pid == "" {
		return invalid(typ+"."+field, "must be a literal reference Patient/{id}")
	}
	v["pid"] = pid
	if code == nil {
		return invalid(typ+".code", "is required (US Core)")
	}
	list, title, err := codeListFrom(typ+".code", code)
	if err != nil {
		return err
	}
	if title == "" {
		return invalid(typ+".code", "must have a text or a coding")
	}
	v["diagnosis"], v["title"] = list, title
	if otherOnset {
		return invalid(typ+".onset[x]", "only onsetDateTime can be stored (OpenEMR keeps a begin date)")
	}
	if v["begdate"], err = dayFrom(typ+".onsetDateTime", onset); err != nil {
		return err
	}
	if recorded != nil {
		if v["date"], err = timeFrom(typ+".recordedDate", recorded); err != nil {
			return err
		}
	}
	return nil
}
