package restapi

import (
	"strings"

	"goemr/internal/emr"
)

func init() {
	presenters["medical_problem"] = presentDiagnosis
	presenters["allergy"] = presentDiagnosis
}

// codeSystems are the FHIR system URIs of OpenEMR's code types.
var codeSystems = map[string]string{
	"ICD10":     "http://hl7.org/fhir/sid/icd-10-cm",
	"ICD9":      "http://hl7.org/fhir/sid/icd-9-cm",
	"SNOMED-CT": "http://snomed.info/sct",
	"SNOMED":    "http://snomed.info/sct",
	"CPT4":      "http://www.ama-assn.org/go/cpt",
	"RXCUI":     "http://www.nlm.nih.gov/research/umls/rxnorm",
	"RXNORM":    "http://www.nlm.nih.gov/research/umls/rxnorm",
	"LOINC":     "http://loinc.org",
	"CVX":       "http://hl7.org/fhir/sid/cvx",
}

// presentDiagnosis expands the stored "TYPE:code;TYPE:code" of diagnosis
// into OpenEMR's object keyed by code (openemr-standard-api.md §3.8).
func presentDiagnosis(_ *Call, recs []emr.Record) error {
	for _, r := range recs {
		r["diagnosis"] = expandCodes(r.Str("diagnosis"))
	}
	return nil
}

// expandCodes parses OpenEMR's code list; an empty list is [] as PHP sends
// an empty array.
func expandCodes(s string) any {
	out := map[string]any{}
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		typ, code, ok := strings.Cut(part, ":")
		if !ok {
			typ, code = "", part
		}
		out[code] = map[string]any{"code": code, "description": "", "code_type": typ, "system": codeSystems[strings.ToUpper(typ)]}
	}
	if len(out) == 0 {
		return emptyList
	}
	return out
}
