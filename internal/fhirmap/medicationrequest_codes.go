package fhirmap

import (
	"encoding/json"
	"regexp"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// Code systems of MedicationRequest, Medication, Coverage and
// DocumentReference beyond uscore.go's.
const (
	systemRxNormCode     = "http://www.nlm.nih.gov/research/umls/rxnorm"
	systemICD10CMCode    = "http://hl7.org/fhir/sid/icd-10-cm"
	systemMedReqIntent   = "http://hl7.org/fhir/CodeSystem/medicationrequest-intent"
	systemMedReqStatus   = "http://hl7.org/fhir/CodeSystem/medicationrequest-status"
	systemMedReqCategory = "http://terminology.hl7.org/CodeSystem/medicationrequest-category"
)

// prefixSystems are the systems of OpenEMR's code prefixes, as its code
// lists ("ICD10:E11.9;SNOMED-CT:44054006") and list_options.codes write
// them.
var prefixSystems = map[string]string{
	"ICD10": systemICD10CMCode, "ICD10-CM": systemICD10CMCode,
	"SNOMED-CT": systemSNOMED, "SNOMED": systemSNOMED, "SNOMEDCT": systemSNOMED,
	"LOINC": systemLOINC, "RXCUI": systemRxNormCode, "RXNORM": systemRxNormCode,
}

// prefixedCodings reads an OpenEMR code list into codings of the known
// systems; codes of other systems (CPT4, local ones) are left out.
func prefixedCodings(list string) []r4.Coding {
	var out []r4.Coding
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		prefix, code, ok := strings.Cut(item, ":")
		system := prefixSystems[strings.ToUpper(prefix)]
		if !ok || system == "" || code == "" {
			continue
		}
		out = append(out, r4.Coding{System: ptr(system), Code: ptr(code)})
	}
	return out
}

// rxcui matches an RxNorm concept id.
var rxcui = regexp.MustCompile(`^[0-9]{1,12}$`)

// rxNormCodings reads RxNorm codes stored bare ("314076"), as
// prescriptions.rxnorm_drugcode and drugs.drug_code keep them, or
// prefixed ("RXCUI:314076").
func rxNormCodings(s string) []r4.Coding {
	var out []r4.Coding
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		if prefix, code, ok := strings.Cut(item, ":"); ok {
			if prefixSystems[strings.ToUpper(prefix)] != systemRxNormCode {
				continue
			}
			item = code
		}
		if rxcui.MatchString(item) {
			out = append(out, r4.Coding{System: ptr(systemRxNormCode), Code: ptr(item)})
		}
	}
	return out
}

// fhirDecimal matches a FHIR decimal (R4 datatypes.html#decimal).
var fhirDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// decimalOf is a stored number as a FHIR decimal, or nil.
func decimalOf(s string) *json.Number {
	s = strings.TrimSpace(s)
	if !fhirDecimal.MatchString(s) {
		return nil
	}
	n := json.Number(s)
	return &n
}

// tokenOfSystem is the Tokens of a code field whose stored values are the
// codes of system, as FHIR shows them: a code alone or with that system
// matches; another system, or "|code" (no system), matches nothing.
func tokenOfSystem(field, system string) func(string, string, bool) []emr.Cond {
	return func(sys, code string, hasSystem bool) []emr.Cond {
		if hasSystem && sys != system {
			return nil
		}
		return []emr.Cond{emr.Eq(field, code)}
	}
}
