package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Practitioner is a user with an NPI as US Core Practitioner
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-practitioner.html).
// It is in no patient's compartment: a patient token with
// patient/Practitioner.rs reads every practitioner, as it must to resolve
// the references its own records hold.
var Practitioner = &Mapping{
	Type:     "Practitioner",
	Profiles: practitionerProfiles,
	Def:      resource.FHIRPractitioner,
	// Writes follow the Standard API's practitioner rules: the same table
	// and the same checks (a first and last name, a numeric NPI).
	WriteDef: resource.Practitioner,
	ID:       "uuid", Updated: "last_updated",
	Refs: []Ref{VersionRef("users", "id")},
	Params: []Param{
		{Code: "identifier", Type: Token, Fields: []string{"npi"}, Tokens: practitionerIdentifier, Doc: "The NPI (system http://hl7.org/fhir/sid/us-npi)"},
		{Code: "name", Type: String, Fields: []string{"fname", "mname", "lname", "title"}, Doc: "Any part of the name"},
		{Code: "family", Type: String, Fields: []string{"lname"}},
		{Code: "given", Type: String, Fields: []string{"fname", "mname"}},
		{Code: "active", Type: Token, Fields: []string{"active"}, Tokens: practitionerActive},
		{Code: "email", Type: Token, Fields: []string{"email"}},
		{Code: "phone", Type: Token, Fields: []string{"phone", "phonew1", "phonecell"}},
		{Code: "telecom", Type: Token, Fields: []string{"phone", "phonew1", "phonecell", "fax", "email"}},
		{Code: "address", Type: String, Fields: []string{"street", "streetb", "city", "state", "zip"}},
		{Code: "address-city", Type: String, Fields: []string{"city"}},
		{Code: "address-state", Type: String, Fields: []string{"state"}},
		{Code: "address-postalcode", Type: String, Fields: []string{"zip"}},
	},
	ToFHIR:   practitionerToFHIR,
	FromFHIR: practitionerFromFHIR,
	Paths: map[string]string{
		"fname": "Practitioner.name.given", "lname": "Practitioner.name.family", "npi": "Practitioner.identifier",
		"email": "Practitioner.telecom", "street": "Practitioner.address.line", "title": "Practitioner.name.prefix",
	},
}

var practitionerProfiles = profiles("us-core-practitioner")

// practitionerIdentifier finds practitioners by NPI (with the NPI system
// or none) or by the urn:uuid identifier of those without a valid one.
func practitionerIdentifier(system, code string, hasSystem bool) []emr.Cond {
	uuid, isURI := strings.CutPrefix(code, "urn:uuid:")
	switch {
	case isURI && (!hasSystem || system == identifierSystemURI):
		return []emr.Cond{emr.Eq("uuid", uuid)}
	case !hasSystem || system == systemNPI:
		return []emr.Cond{emr.Eq("npi", code)}
	}
	return nil
}

// practitionerActive is the active token (FHIR boolean true or false)
// over users.active, 1 or 0.
func practitionerActive(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != "" {
		return nil
	}
	switch code {
	case "true":
		return []emr.Cond{emr.Eq("active", "1")}
	case "false":
		return []emr.Cond{emr.Eq("active", "0")}
	}
	return nil
}

func practitionerToFHIR(rec emr.Record, c *Context) r4.Resource {
	p := &r4.Practitioner{
		ID:     text(rec.Str("uuid")),
		Meta:   meta(practitionerProfiles, rec.Str("last_updated")),
		Active: ptr(rec.Str("active") == "1"),
		Name:   []r4.HumanName{practitionerName(rec)},
		Telecom: telecomOf(rec,
			contactField{"phonew1", "phone", "work"}, contactField{"phone", "phone", "work"},
			contactField{"phonecell", "phone", "mobile"}, contactField{"fax", "fax", "work"},
			contactField{"email", "email", "work"}),
		Address: addressOf(rec, "work", []string{"street", "streetb"}, "city", "state", "zip", ""),
	}
	p.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	// identifier is required (1..*): the NPI when it is one, else the
	// row's uuid, so that a mistyped NPI is neither lost nor misclaimed.
	if npi := rec.Str("npi"); validNPI(npi) {
		p.Identifier = []r4.Identifier{npiIdentifier(npi)}
	} else {
		p.Identifier = []r4.Identifier{rowURIIdentifier(rec.Str("uuid"))}
	}
	return p
}

// practitionerName is the official name; US Core requires a family name
// (name.family 1..1), so a user without one says why with
// data-absent-reason.
func practitionerName(rec emr.Record) r4.HumanName {
	n := officialName(rec)
	if n.Family == nil {
		n.FamilyExt = &r4.Element{Extension: absent("unknown")}
	}
	return n
}
