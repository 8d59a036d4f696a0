package fhirmap

import (
	"slices"

	"goemr/internal/emr"
)

// Code systems of US Core AllergyIntolerance.
const (
	systemAllergyClinical     = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
	systemAllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
)

// allergyVerification maps OpenEMR's condition-verification options to
// allergyintolerance-verification codes: provisional and differential,
// which that system lacks, are kinds of unconfirmed.
var allergyVerification = map[string]string{
	"unconfirmed": "unconfirmed", "provisional": "unconfirmed", "differential": "unconfirmed",
	"confirmed": "confirmed", "refuted": "refuted", "entered-in-error": "entered-in-error",
}

func allergyVerificationTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemAllergyVerification {
		return nil
	}
	var stored []string
	for opt, v := range allergyVerification {
		if v == code {
			stored = append(stored, opt)
		}
	}
	if stored == nil {
		return nil
	}
	slices.Sort(stored)
	return []emr.Cond{{Field: "verification", Match: emr.In, Value: stored}}
}

// allergySeverity reads OpenEMR's severity_al (the severity_ccda list) as
// the allergy's criticality, as OpenEMR's FHIR service does, and as the
// severity of its reaction (mild | moderate | severe).
var allergySeverity = map[string]struct{ criticality, severity string }{
	"mild":                      {"low", "mild"},
	"mild_to_moderate":          {"low", "mild"},
	"moderate":                  {"low", "moderate"},
	"moderate_to_severe":        {"high", "severe"},
	"severe":                    {"high", "severe"},
	"life_threatening_severity": {"high", "severe"},
	"fatal":                     {"high", "severe"},
	"unassigned":                {"unable-to-assess", ""},
}
