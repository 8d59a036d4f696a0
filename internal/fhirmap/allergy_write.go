package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// allergyFromFHIR maps a US Core AllergyIntolerance onto a lists row of
// type allergy, the inverse of allergyToFHIR: patient, code, clinical and
// verification status, onset, recorded date, criticality, the one
// reaction OpenEMR records, and notes. category and type are not stored
// (the read derives category from an RxNorm code).
func allergyFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	a, ok := res.(*r4.AllergyIntolerance)
	if !ok {
		return nil, invalid("resourceType", "an AllergyIntolerance is expected")
	}
	v := map[string]any{"type": "allergy", "comments": notesFrom(a.Note), "severity_al": "", "reaction": ""}
	otherOnset := a.OnsetAge != nil || a.OnsetPeriod != nil || a.OnsetRange != nil || a.OnsetString != nil
	if err := issueCommonFrom("AllergyIntolerance", w, a.Patient, a.Code, a.OnsetDateTime, otherOnset, a.RecordedDate, v); err != nil {
		return nil, err
	}
	if err := issueStatusFrom("AllergyIntolerance", a.ClinicalStatus, a.VerificationStatus,
		systemAllergyClinical, systemAllergyVerification, nil, v); err != nil {
		return nil, err
	}
	if s := v["verification"].(string); s != "" && allergyVerification[s] != s {
		return nil, invalid("AllergyIntolerance.verificationStatus", "%q is not an allergyintolerance-verification code", s)
	}
	if len(a.Reaction) > 1 || len(a.Reaction) == 1 && len(a.Reaction[0].Manifestation) > 1 {
		return nil, invalid("AllergyIntolerance.reaction", "OpenEMR records one reaction with one manifestation")
	}
	severity := ""
	if len(a.Reaction) == 1 {
		r := a.Reaction[0]
		severity = deref(r.Severity)
		if len(r.Manifestation) == 1 {
			v["reaction"] = allergyReactionFrom(&r.Manifestation[0])
		}
	}
	sev, err := allergySeverityFrom(deref(a.Criticality), severity)
	if err != nil {
		return nil, err
	}
	v["severity_al"] = sev
	return v, nil
}

// allergyReactions are the options of OpenEMR's 'reaction' list
// (migration 0010) with their SNOMED CT codes.
var allergyReactions = []struct{ option, code, title string }{
	{"hives", "247472004", "Hives"},
	{"nausea", "422587007", "Nausea"},
	{"shortness_of_breath", "267036007", "Shortness of Breath"},
}

// allergyReactionFrom is the reaction option of a manifestation, by its
// SNOMED CT code or its text. A manifestation the list has no option for
// is kept as its text (lists.reaction is free text in OpenEMR's schema),
// which the read shows as the manifestation's text; its coding is lost.
func allergyReactionFrom(m *r4.CodeableConcept) string {
	code := conceptCode(m, systemSNOMED)
	title := strings.TrimSpace(deref(m.Text))
	for _, c := range m.Coding {
		if title == "" {
			title = strings.TrimSpace(deref(c.Display))
		}
	}
	for _, o := range allergyReactions {
		if code != "" && code == o.code || strings.EqualFold(title, o.title) {
			return o.option
		}
	}
	if title == "" {
		return code
	}
	return title
}

// allergySeverityFrom is the severity_al option of a criticality and a
// reaction severity, the inverse of allergySeverity. severity_al is one
// value read as both; the criticality (the allergy's risk) decides, the
// severity only chooses within it, so a high-criticality allergy reads
// back with a severe reaction.
func allergySeverityFrom(criticality, severity string) (string, error) {
	switch criticality {
	case "high":
		if severity == "moderate" {
			return "moderate_to_severe", nil
		}
		return "severe", nil
	case "low":
		if severity == "moderate" || severity == "severe" {
			return "moderate", nil
		}
		return "mild", nil
	case "unable-to-assess":
		return "unassigned", nil
	case "":
	default:
		return "", invalid("AllergyIntolerance.criticality", "%q is not low, high or unable-to-assess", criticality)
	}
	switch severity {
	case "mild", "moderate", "severe", "":
		return severity, nil
	}
	return "", invalid("AllergyIntolerance.reaction.severity", "%q is not mild, moderate or severe", severity)
}
