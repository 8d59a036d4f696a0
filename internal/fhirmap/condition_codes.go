package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// OpenEMR keeps the codes of a problem, allergy or surgery as one text of
// "TYPE:code" parts joined by ";" (lists.diagnosis: "ICD10:E11.9;
// SNOMED-CT:44054006"), TYPE being a code_types key. issueCodeTypes are
// the FHIR systems of the code types, in the order searches try them.
var issueCodeTypes = []struct{ typ, system string }{
	{"ICD10", "http://hl7.org/fhir/sid/icd-10-cm"},
	{"ICD9", "http://hl7.org/fhir/sid/icd-9-cm"},
	{"SNOMED-CT", systemSNOMED},
	{"SNOMED", systemSNOMED},
	{"SNOMED-PR", systemSNOMED},
	{"RXCUI", "http://www.nlm.nih.gov/research/umls/rxnorm"},
	{"RXNORM", "http://www.nlm.nih.gov/research/umls/rxnorm"},
	{"CPT4", "http://www.ama-assn.org/go/cpt"},
	{"HCPCS", "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"},
	{"ICD10-PCS", "http://www.cms.gov/Medicare/Coding/ICD10"},
	{"LOINC", systemLOINC},
	{"CVX", "http://hl7.org/fhir/sid/cvx"},
}

// issueSystem is the FHIR system of an OpenEMR code type, "" if unknown.
func issueSystem(typ string) string {
	typ = strings.ToUpper(strings.TrimSpace(typ))
	for _, t := range issueCodeTypes {
		if t.typ == typ {
			return t.system
		}
	}
	return ""
}

// issueCodings are the codings of a code list. Codes of a type without a
// known system are left out: a code without its system means nothing to
// a receiver (OpenEMR's procedure services drop them too).
func issueCodings(list string) []r4.Coding {
	var out []r4.Coding
	seen := map[string]bool{}
	for _, part := range strings.Split(list, ";") {
		typ, code, ok := strings.Cut(strings.TrimSpace(part), ":")
		code = strings.TrimSpace(code)
		system := issueSystem(typ)
		if !ok || code == "" || system == "" || seen[system+"|"+code] {
			continue
		}
		seen[system+"|"+code] = true
		out = append(out, r4.Coding{System: ptr(system), Code: ptr(code)})
	}
	return out
}

// issueConcept is a code list with the row's title as text. A row with
// neither says so with the data-absent-reason code: US Core requires
// the code (Condition.code, AllergyIntolerance.code, Procedure.code 1..1).
func issueConcept(list, title string) *r4.CodeableConcept {
	c := &r4.CodeableConcept{Coding: issueCodings(list), Text: text(title)}
	if c.Coding == nil && c.Text == nil {
		return unknownConcept()
	}
	return c
}

// issueCodeTokens searches field, a code list between semicolons
// (resource.FHIRCondition's codes), for a token: system|code matches the
// code under any code type of that system, a bare code any type, and
// |code (no system) nothing, since every coding shown has one.
func issueCodeTokens(field string) func(system, code string, hasSystem bool) []emr.Cond {
	return func(system, code string, hasSystem bool) []emr.Cond {
		code = strings.TrimSpace(code)
		if code == "" || strings.ContainsAny(code, ": ;") {
			return nil
		}
		if !hasSystem {
			return []emr.Cond{{Field: field, Match: emr.Contains, Value: ":" + code + ";"}}
		}
		var out []emr.Cond
		for _, t := range issueCodeTypes {
			if t.system == system {
				out = append(out, emr.Cond{Field: field, Match: emr.Contains, Value: ";" + t.typ + ":" + code + ";"})
			}
		}
		return out
	}
}
