package fhirmap

import (
	"goemr/internal/fhir/r4"
)

// conditionFromFHIR maps a US Core Condition onto a lists row, the
// inverse of conditionToFHIR: the category chooses the row's type (problem
// list or health concern), then subject, code, clinical and verification
// status, onset, abatement, recorded (or asserted) date and notes. An
// encounter diagnosis is a problem too, and adds the number of its
// encounter (diagnosisEncounter), which conditionStore links it to.
func conditionFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	c, ok := res.(*r4.Condition)
	if !ok {
		return nil, invalid("resourceType", "a Condition is expected")
	}
	v := map[string]any{"comments": notesFrom(c.Note)}
	typ, diagnosis, err := conditionTypeFrom(c.Category, c.Encounter != nil)
	if err != nil {
		return nil, err
	}
	v["type"] = typ
	recorded := c.RecordedDate
	if recorded == nil {
		// OpenEMR's one entry time is both (conditionToFHIR).
		for _, e := range c.Extension {
			if deref(e.Url) == extConditionAsserted && e.ValueDateTime != nil {
				recorded = e.ValueDateTime
			}
		}
	}
	otherOnset := c.OnsetAge != nil || c.OnsetPeriod != nil || c.OnsetRange != nil || c.OnsetString != nil
	if err := issueCommonFrom("Condition", w, c.Subject, c.Code, c.OnsetDateTime, otherOnset, recorded, v); err != nil {
		return nil, err
	}
	if c.AbatementAge != nil || c.AbatementPeriod != nil || c.AbatementRange != nil || c.AbatementString != nil {
		return nil, invalid("Condition.abatement[x]", "only abatementDateTime can be stored (OpenEMR keeps an end date)")
	}
	if err := issueStatusFrom("Condition", c.ClinicalStatus, c.VerificationStatus,
		systemConditionClinical, systemConditionVerStatus, c.AbatementDateTime, v); err != nil {
		return nil, err
	}
	if s := v["verification"].(string); s != "" && !conditionVerification[s] {
		return nil, invalid("Condition.verificationStatus", "%q is not a condition-ver-status code", s)
	}
	if diagnosis {
		if err := diagnosisFrom(c.Encounter, w, v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// conditionTypeFrom is the lists type of a Condition's categories, and
// whether it is an encounter diagnosis (a problem linked to an encounter):
// US Core requires problem-list-item, health-concern or
// encounter-diagnosis (further categories, such as sdoh, may accompany
// them but are not stored). A diagnosis is stored apart from the problem
// list, so a Condition cannot be both.
//
// A Condition with no category at all (R4 makes it optional; Synthea
// and other pre-US Core sources write none) is still a diagnosis of its
// encounter when it names one, and a problem otherwise: that is where
// OpenEMR keeps a patient's conditions, and it loses nothing written.
// Categories goemr does not know, without one of the three, are refused.
func conditionTypeFrom(cats []r4.CodeableConcept, hasEncounter bool) (string, bool, error) {
	if len(cats) == 0 {
		return "medical_problem", hasEncounter, nil
	}
	typ, diagnosis := "", false
	for i := range cats {
		for _, cd := range cats[i].Coding {
			sys, code := deref(cd.System), deref(cd.Code)
			if sys != systemConditionCategory && sys != systemUSCoreConditionCategory {
				continue
			}
			switch code {
			case "problem-list-item":
				typ = "medical_problem"
			case "health-concern":
				if typ == "" {
					typ = "health_concern"
				}
			case "encounter-diagnosis":
				diagnosis = true
			}
		}
	}
	switch {
	case typ != "" && diagnosis:
		return "", false, invalid("Condition.category", "an encounter diagnosis cannot also be a %s", map[string]string{
			"medical_problem": "problem-list-item", "health_concern": "health-concern"}[typ])
	case typ != "":
		return typ, false, nil
	case diagnosis:
		return "medical_problem", true, nil
	}
	return "", false, invalid("Condition.category", "must include problem-list-item, health-concern or encounter-diagnosis (US Core)")
}

// diagnosisEncounter is the written value holding an encounter
// diagnosis's encounter number; it is no lists column.
const diagnosisEncounter = "encounter"

// diagnosisFrom maps the encounter of an encounter diagnosis, which must
// be one of the subject's (v's pid): US Core marks Condition.encounter
// must support, and OpenEMR's diagnosis is the link to it.
func diagnosisFrom(ref *r4.Reference, w *WriteContext, v map[string]any) error {
	const path = "Condition.encounter"
	if ref == nil || ref.Reference == nil {
		return invalid(path, "an encounter diagnosis must refer to the Encounter it was made at")
	}
	enc, err := w.reference(path, ref, "Encounter", "encounter")
	if err != nil {
		return err
	}
	pid, err := w.reference(path, ref, "Encounter", "pid")
	if err != nil {
		return err
	}
	if pid != v["pid"] {
		return invalid(path, "%s is not an encounter of the Condition's subject", deref(ref.Reference))
	}
	v[diagnosisEncounter] = enc
	return nil
}
