package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Coverage is insurance_data, a patient's policies, as US Core Coverage
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-coverage.html).
// The payer is the Organization whose id is insurance_companies.uuid
// (fhir_organization, migration 0014).
// insurance_data keeps no time of change, so Coverage has no
// meta.lastUpdated and no _lastUpdated search.
var Coverage = &Mapping{
	Type:     "Coverage",
	Profiles: coverageProfiles,
	Def:      resource.FHIRCoverage,
	ID:       "uuid", Patient: "pid",
	Refs: []Ref{{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"}},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		// payer_uuid is the payer's Organization id itself.
		{Code: "payor", Type: Reference, Fields: []string{"payer_uuid"}, Target: "Organization", TargetKey: Organization.ID,
			Doc: "The insurance company"},
		{Code: "type", Type: Token, Fields: []string{"payer_type"}, Tokens: coverageType,
			Doc: "The payer's Source of Payment Typology code (https://nahdo.org/sopt)"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: tokenOfSystem("status", systemFMStatus)},
	},
	ToFHIR: coverageToFHIR,
}

var coverageProfiles = profiles("us-core-coverage")

// coverageType finds the policies of payers of the insurance types a
// SOPT code stands for.
func coverageType(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemSOPT {
		return nil
	}
	types := sopTypes[code]
	if len(types) == 0 {
		return nil
	}
	return []emr.Cond{{Field: "payer_type", Match: emr.In, Value: types}}
}

// coverageOrder is the policy's rank among the patient's (insurance_data.type).
var coverageOrder = map[string]int64{"primary": 1, "secondary": 2, "tertiary": 3}

func coverageToFHIR(rec emr.Record, c *Context) r4.Resource {
	number := text(rec.Str("policy_number"))
	cov := &r4.Coverage{
		ID:     text(rec.Str("uuid")),
		Meta:   meta(coverageProfiles, ""),
		Status: ptr("active"),
		Type:   &r4.CodeableConcept{Text: text(rec.Str("payer_type_name"))},
		// OpenEMR's policy number is the subscriber's id on the card.
		SubscriberId: number,
		Beneficiary:  &r4.Reference{Extension: absent("unknown")},
		Relationship: unknownConcept(),
		Payor:        []r4.Reference{{Extension: absent("unknown")}},
		Class:        coverageClasses(rec),
	}
	if code, ok := payerTypes[rec.Str("payer_type")]; ok {
		cov.Type.Coding = []r4.Coding{{System: ptr(systemSOPT), Code: ptr(code)}}
	}
	if cov.Type.Text == nil && cov.Type.Coding == nil {
		cov.Type = nil
	}
	if id, ok := c.Ref("patient", rec.Str("pid")); ok {
		cov.Beneficiary = reference("Patient", id)
	}
	rel := rec.Str("subscriber_relationship")
	if display, ok := subscriberRelations[rel]; ok {
		cov.Relationship = concept(systemSubscriberRel, rel, display)
	}
	if rel == "self" {
		cov.Subscriber = cov.Beneficiary
		if number != nil {
			// The beneficiary is the subscriber: the member id is the
			// subscriber's (US Core memberid slice, type MB).
			cov.Identifier = []r4.Identifier{{Type: concept(systemIdentifier, "MB", "Member Number"), Value: number}}
		}
	} else if name := subscriberName(rec); name != nil {
		cov.Subscriber = &r4.Reference{Display: name}
	}
	if uuid := text(rec.Str("payer_uuid")); uuid != nil {
		cov.Payor = []r4.Reference{*reference("Organization", *uuid)}
		cov.Payor[0].Display = text(rec.Str("payer_name"))
	}
	if start, end := date(rec.Str("date")), date(rec.Str("date_end")); start != nil || end != nil {
		cov.Period = &r4.Period{Start: start, End: end}
	}
	if n, ok := coverageOrder[rec.Str("type")]; ok {
		cov.Order = ptr(n)
	}
	if copay := decimalOf(rec.Str("copay")); copay != nil {
		cov.CostToBeneficiary = []r4.CoverageCostToBeneficiary{{
			Type:       concept(systemCopayType, "copay", "Copay Amount"),
			ValueMoney: &r4.Money{Value: copay, Currency: ptr("USD")},
		}}
	}
	return cov
}

// coverageClasses are the group (group_number) and plan (plan_name) the
// policy belongs to (US Core class:group and class:plan slices).
func coverageClasses(rec emr.Record) []r4.CoverageClass {
	var out []r4.CoverageClass
	if g := text(rec.Str("group_number")); g != nil {
		out = append(out, r4.CoverageClass{Type: concept(systemCoverageCls, "group", "Group"), Value: g})
	}
	if p := text(rec.Str("plan_name")); p != nil {
		out = append(out, r4.CoverageClass{Type: concept(systemCoverageCls, "plan", "Plan"), Value: p, Name: p})
	}
	return out
}

func subscriberName(rec emr.Record) *string {
	var parts []string
	for _, f := range []string{"subscriber_fname", "subscriber_mname", "subscriber_lname"} {
		if v := text(rec.Str(f)); v != nil {
			parts = append(parts, *v)
		}
	}
	if parts == nil {
		return nil
	}
	name := parts[0]
	for _, p := range parts[1:] {
		name += " " + p
	}
	return &name
}
