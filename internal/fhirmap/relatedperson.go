package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// RelatedPerson is a person related to a patient (OpenEMR's
// contact_relation → contact → person, with the contact's telecoms and
// address) as US Core RelatedPerson
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-relatedperson.html),
// read through the view fhir_related_person. Its id is the relation's:
// one person may be related to several patients, and a RelatedPerson
// belongs to exactly one.
var RelatedPerson = &Mapping{
	Type:     "RelatedPerson",
	Profiles: relatedPersonProfiles,
	Def:      resource.FHIRRelatedPerson,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{{Name: "patient", Field: "pid", Def: resource.Patient, By: "pid", Take: "uuid"}},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "name", Type: String, Fields: []string{"first_name", "middle_name", "last_name"}, Doc: "The given, middle or family name"},
		{Code: "relationship", Type: Token, Fields: []string{"relationship"}, Tokens: tokenOfSystem("relationship", systemRoleCode),
			Doc: "The HL7 v3 RoleCode of the relation (MTH, SPS…)"},
	},
	ToFHIR: relatedPersonToFHIR,
}

var relatedPersonProfiles = profiles("us-core-relatedperson")

func relatedPersonToFHIR(rec emr.Record, c *Context) r4.Resource {
	rp := &r4.RelatedPerson{
		ID:           text(rec.Str("uuid")),
		Meta:         meta(relatedPersonProfiles, rec.Str("last_updated")),
		Active:       ptr(rec.Str("active") == "1"),
		Relationship: relatedPersonRelationship(rec),
		Telecom: telecomOf(rec,
			contactField{"phone", "phone", relatedPersonPhoneUse(rec.Str("phone_use"))},
			contactField{"email", "email", "home"}),
		BirthDate: date(rec.Str("birth_date")),
		Address: addressOf(rec, relatedPersonAddressUse(rec.Str("address_use")), []string{"line1", "line2"},
			"city", "state", "postal_code", "country"),
		// patient is required (1..1 in R4).
		Patient: issueSubject(rec, c),
	}
	if g := rec.Str("gender"); g != "" {
		rp.Gender = ptr(gender(g))
	}
	n := r4.HumanName{Family: text(rec.Str("last_name"))}
	for _, f := range []string{"first_name", "middle_name"} {
		if v := text(rec.Str(f)); v != nil {
			n.Given = append(n.Given, *v)
		}
	}
	if v := text(rec.Str("title")); v != nil {
		n.Prefix = []string{*v}
	}
	if n.Family != nil || n.Given != nil {
		rp.Name = []r4.HumanName{n}
	}
	start, end := date(rec.Str("start_date")), date(rec.Str("end_date"))
	if start != nil || end != nil {
		rp.Period = &r4.Period{Start: start, End: end}
	}
	// A relation with neither name nor relationship (us-core-14) still
	// says how the person relates: unknown.
	if rp.Name == nil && rp.Relationship == nil {
		rp.Relationship = []r4.CodeableConcept{*unknownConcept()}
	}
	return rp
}
