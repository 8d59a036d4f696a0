package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// RelatedPerson code systems: HL7 v3 RoleCode (the personal relationship,
// OpenEMR's related_person_relationship option ids) and HL7 v2 table 0131
// (contact role), both in R4's relatedperson-relationshiptype value set.
const (
	systemRoleCode    = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
	systemContactRole = "http://terminology.hl7.org/CodeSystem/v2-0131"
)

// relatedPersonRoles are the codes of what a related person does for the
// patient (contact_relation.role).
var relatedPersonRoles = map[string]r4.Coding{
	"emergency_contact": coding(systemContactRole, "C", "Emergency Contact"),
	"next_of_kin":       coding(systemContactRole, "N", "Next-of-Kin"),
	"guardian":          coding(systemRoleCode, "GUARD", "guardian"),
}

// relatedPersonRelationship is how the person relates to the patient: the
// personal relationship (v3 RoleCode) and the role, an emergency contact
// also when only flagged as one.
func relatedPersonRelationship(rec emr.Record) []r4.CodeableConcept {
	var out []r4.CodeableConcept
	if code := text(rec.Str("relationship")); code != nil {
		title := rec.Str("relationship_title")
		out = append(out, r4.CodeableConcept{Coding: []r4.Coding{coding(systemRoleCode, *code, title)}, Text: text(title)})
	}
	role := rec.Str("role")
	if role != "emergency_contact" && rec.Str("emergency_contact") == "1" {
		out = append(out, r4.CodeableConcept{Coding: []r4.Coding{relatedPersonRoles["emergency_contact"]}})
	}
	if c, ok := relatedPersonRoles[role]; ok {
		out = append(out, r4.CodeableConcept{Coding: []r4.Coding{c}})
	}
	return out
}

// relatedPersonPhoneUse is a contact_telecom use (list telecom_uses) as a
// ContactPoint use, "" when it is none.
func relatedPersonPhoneUse(use string) string {
	switch use {
	case "home", "work", "temp", "old", "mobile":
		return use
	}
	return ""
}

// relatedPersonAddressUse is a contact_address use (list address-uses) as
// an Address use, "" when it is none.
func relatedPersonAddressUse(use string) string {
	switch use {
	case "home", "work", "temp", "old", "billing":
		return use
	}
	return ""
}
