package fhirmap

import (
	"goemr/internal/fhir/r4"
)

// conditionFromFHIR maps a US Core Condition Problems and Health Concerns
// onto a lists row, the inverse of conditionToFHIR: the category chooses
// the row's type (problem list or health concern), then subject, code,
// clinical and verification status, onset, abatement, recorded (or
// asserted) date and notes.
func conditionFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	c, ok := res.(*r4.Condition)
	if !ok {
		return nil, invalid("resourceType", "a Condition is expected")
	}
	v := map[string]any{"comments": notesFrom(c.Note)}
	typ, err := conditionTypeFrom(c.Category)
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
	return v, nil
}

// conditionTypeFrom is the lists type of a Condition's categories: US
// Core requires problem-list-item or health-concern (further categories,
// such as sdoh, may accompany it but are not stored). An encounter
// diagnosis needs OpenEMR's issue_encounter links, which goemr does not
// keep.
func conditionTypeFrom(cats []r4.CodeableConcept) (string, error) {
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
	case typ != "":
		return typ, nil
	case diagnosis:
		return "", invalid("Condition.category", "encounter diagnoses cannot be written here: only problem-list-item and health-concern Conditions")
	}
	return "", invalid("Condition.category", "must include problem-list-item or health-concern (US Core)")
}
