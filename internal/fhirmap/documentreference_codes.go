package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// DocumentReference code systems.
const (
	systemDocRefStatus   = "http://hl7.org/fhir/document-reference-status"
	systemDocRefCategory = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
	systemIHEFormat      = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode"
)

// documentTypeConcept is the document's type: the LOINC codes of its
// category (categories.codes, "LOINC:11506-3"), else NullFlavor UNK, the
// value US Core's required type binding offers for an unknown type.
func documentTypeConcept(codes, category string) *r4.CodeableConcept {
	var loinc []r4.Coding
	for _, c := range prefixedCodings(codes) {
		if *c.System == systemLOINC {
			loinc = append(loinc, c)
		}
	}
	if loinc == nil {
		return concept(systemNullFlav, "UNK", "unknown")
	}
	return &r4.CodeableConcept{Coding: loinc, Text: text(category)}
}

// documentCategories are US Core's clinical-note for documents filed in
// the clinical branches of the category tree, and the category itself by
// name.
func documentCategories(rec emr.Record) []r4.CodeableConcept {
	var out []r4.CodeableConcept
	if rec.Str("clinical_note") == "1" {
		out = append(out, *concept(systemDocRefCategory, "clinical-note", "Clinical Note"))
	}
	if name := text(rec.Str("category_name")); name != nil {
		out = append(out, r4.CodeableConcept{Text: name})
	}
	if out == nil {
		// category is required (1..*).
		out = append(out, *unknownConcept())
	}
	return out
}

// documentType finds documents by type: a LOINC code of their category,
// or UNK for those whose category has none.
func documentType(system, code string, hasSystem bool) []emr.Cond {
	switch {
	case code == "UNK" && (!hasSystem || system == systemNullFlav):
		return []emr.Cond{emr.Eq("typed", "0")}
	case !hasSystem || system == systemLOINC:
		return []emr.Cond{{Field: "category_codes", Match: emr.Contains, Value: "LOINC:" + code}}
	}
	return nil
}

// documentCategory finds the documents of category clinical-note.
func documentCategory(system, code string, hasSystem bool) []emr.Cond {
	if code != "clinical-note" || hasSystem && system != systemDocRefCategory {
		return nil
	}
	return []emr.Cond{emr.Eq("clinical_note", "1")}
}
