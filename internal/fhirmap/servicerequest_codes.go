package fhirmap

import (
	"maps"
	"slices"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// ServiceRequest code systems (R4 request-status, request-intent).
const (
	systemServiceRequestStatus = "http://hl7.org/fhir/request-status"
	systemServiceRequestIntent = "http://hl7.org/fhir/request-intent"
)

// serviceRequestIntents is R4's request-intent value set (required).
var serviceRequestIntents = map[string]bool{
	"proposal": true, "plan": true, "directive": true, "order": true, "original-order": true,
	"reflex-order": true, "filler-order": true, "instance-order": true, "option": true,
}

// serviceRequestCategories are the SNOMED CT codes of OpenEMR's order
// types (procedure_order.procedure_order_type, list ord_type), each in
// US Core's ServiceRequest category value set, which the us-core slice
// requires. OpenEMR sends a clinical test as 103693007 (Diagnostic
// procedure), which that value set lacks; 386053000 (Evaluation
// procedure) is its nearest member.
var serviceRequestCategories = map[string][2]string{
	"laboratory_test": {"108252007", "Laboratory procedure"},
	"imaging":         {"363679005", "Imaging"},
	"clinical_test":   {"386053000", "Evaluation procedure"},
	"procedure":       {"387713003", "Surgical procedure"},
}

// serviceRequestOtherCategory is the category of an order type outside
// the list, which OpenEMR treats as a clinical test.
const serviceRequestOtherCategory = "clinical_test"

func serviceRequestCategory(stored string) r4.CodeableConcept {
	c, ok := serviceRequestCategories[stored]
	if !ok {
		c = serviceRequestCategories[serviceRequestOtherCategory]
	}
	return *concept(systemSNOMED, c[0], c[1])
}

// serviceRequestCategoryTokens finds the order types a SNOMED CT category
// code stands for; the clinical-test code also finds types outside the
// list.
func serviceRequestCategoryTokens(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemSNOMED {
		return nil
	}
	var out []emr.Cond
	types := slices.Sorted(maps.Keys(serviceRequestCategories))
	for _, stored := range types {
		if serviceRequestCategories[stored][0] != code {
			continue
		}
		out = append(out, emr.Eq("category", stored))
		if stored == serviceRequestOtherCategory {
			var others []emr.Cond
			for _, known := range types {
				others = append(others, emr.Cond{Field: "category", Match: emr.NotEq, Value: known})
			}
			out = append(out, emr.And(others...))
		}
	}
	return out
}

// serviceRequestPriorities are R4 request-priority codes of OpenEMR's
// order priorities (list ord_priority), as FhirServiceRequestService
// maps them.
var serviceRequestPriorities = map[string]string{
	"routine": "routine", "normal": "routine", "low": "routine",
	"urgent": "urgent", "high": "urgent", "asap": "asap", "stat": "stat", "emergency": "stat",
}
