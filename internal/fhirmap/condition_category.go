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

// conditionCategory is the US Core category of a lists type: OpenEMR
// keeps health concerns as their own type beside the problem list.
func conditionCategory(typ string) r4.CodeableConcept {
	if typ == "health_concern" {
		return *concept(systemUSCoreConditionCategory, "health-concern", "Health Concern")
	}
	return *concept(systemConditionCategory, "problem-list-item", "Problem List Item")
}

// conditionCategoryTokens finds the lists type of a category. Both
// categories are taken under either code system: US Core 6.1 puts
// health-concern in its own, later versions of HL7's terminology add it to
// condition-category.
func conditionCategoryTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemConditionCategory && system != systemUSCoreConditionCategory {
		return nil
	}
	switch code {
	case "problem-list-item":
		return []emr.Cond{emr.Eq("type", "medical_problem")}
	case "health-concern":
		return []emr.Cond{emr.Eq("type", "health_concern")}
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
