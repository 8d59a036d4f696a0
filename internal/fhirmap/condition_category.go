package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// Code systems and extensions of US Core Condition.
const (
	systemConditionClinical  = "http://terminology.hl7.org/CodeSystem/condition-clinical"
	systemConditionVerStatus = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
	systemConditionCategory  = "http://terminology.hl7.org/CodeSystem/condition-category"
	// health-concern is US Core's own category code
	// (us-core-problem-or-health-concern value set).
	systemUSCoreConditionCategory = "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
	extConditionAsserted          = "http://hl7.org/fhir/StructureDefinition/condition-assertedDate"
)

// The category codes of fhir_condition rows (migration 0025).
const (
	categoryProblem            = "problem-list-item"
	categoryHealthConcern      = "health-concern"
	categoryEncounterDiagnosis = "encounter-diagnosis"
)

// conditionCategory is the US Core category of a fhir_condition row:
// OpenEMR keeps health concerns as their own lists type beside the problem
// list, and encounter diagnoses as issue_encounter links to problems.
func conditionCategory(category string) r4.CodeableConcept {
	switch category {
	case categoryHealthConcern:
		return *concept(systemUSCoreConditionCategory, categoryHealthConcern, "Health Concern")
	case categoryEncounterDiagnosis:
		return *concept(systemConditionCategory, categoryEncounterDiagnosis, "Encounter Diagnosis")
	}
	return *concept(systemConditionCategory, categoryProblem, "Problem List Item")
}

// conditionCategoryTokens finds the rows of a category. Categories are
// taken under either code system: US Core 6.1 puts health-concern in its
// own, later versions of HL7's terminology add it to condition-category,
// which has the other two.
func conditionCategoryTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemConditionCategory && system != systemUSCoreConditionCategory {
		return nil
	}
	switch code {
	case categoryProblem, categoryHealthConcern, categoryEncounterDiagnosis:
		return []emr.Cond{emr.Eq("category", code)}
	}
	return nil
}

// conditionVerification are the condition-ver-status codes; OpenEMR's
// condition-verification list uses them as its option ids.
var conditionVerification = map[string]bool{
	"unconfirmed": true, "provisional": true, "differential": true,
	"confirmed": true, "refuted": true, "entered-in-error": true,
}

func conditionVerificationTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemConditionVerStatus || !conditionVerification[code] {
		return nil
	}
	return []emr.Cond{emr.Eq("verification", code)}
}
