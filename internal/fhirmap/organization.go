package fhirmap

import (
	"regexp"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Organization is a facility (a healthcare provider) or an insurance
// company (a payer) as US Core Organization
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-organization.html).
// OpenEMR serves both as Organization, and both are referred to: a
// facility as an Encounter's serviceProvider and the records' custodian
// in Provenance, a payer as Coverage.payor. Neither is in a patient's
// compartment.
var Organization = &Mapping{
	Type:     "Organization",
	Profiles: organizationProfiles,
	Def:      resource.FHIROrganization,
	// Writes are checked by the rules of a facility (organizationStore
	// writes a payer's parts by the insurance company's), and each row's
	// version is counted by the uuid the view shows.
	WriteDef: resource.FHIRFacilityWrite,
	ID:       "uuid", Updated: "last_updated",
	Refs: []Ref{{Name: versionRef, Field: "uuid", Def: resource.FHIROrganizationVersion, By: "uuid", Take: "version"}},
	Params: []Param{
		{Code: "name", Type: String, Fields: []string{"name"}},
		{Code: "identifier", Type: Token, Fields: []string{"npi", "tax_id", "clia", "payer_id"}, Tokens: organizationIdentifier, Doc: "The NPI, tax id, CLIA number or payer id"},
		{Code: "type", Type: Token, Fields: []string{"kind"}, Tokens: organizationType, Doc: "prov (a facility) or pay (an insurance company)"},
		{Code: "address", Type: String, Fields: []string{"line1", "line2", "city", "state", "postal_code", "country"}},
		{Code: "address-city", Type: String, Fields: []string{"city"}},
		{Code: "address-state", Type: String, Fields: []string{"state"}},
		{Code: "address-postalcode", Type: String, Fields: []string{"postal_code"}},
		{Code: "email", Type: Token, Fields: []string{"email"}},
		{Code: "phone", Type: Token, Fields: []string{"phone"}},
		{Code: "telecom", Type: Token, Fields: []string{"phone", "fax", "email", "website"}},
	},
	ToFHIR:   organizationToFHIR,
	FromFHIR: organizationFromFHIR,
	Store:    organizationStore,
	Paths: map[string]string{
		"name": "Organization.name", "facility_npi": "Organization.identifier", "domain_identifier": "Organization.identifier",
		"federal_ein": "Organization.identifier", "phone": "Organization.telecom", "fax": "Organization.telecom",
		"email": "Organization.telecom", "website": "Organization.telecom", "street": "Organization.address.line",
		"city": "Organization.address.city", "state": "Organization.address.state",
		"postal_code": "Organization.address.postalCode", "country_code": "Organization.address.country",
	},
}

var organizationProfiles = profiles("us-core-organization")

// Organization identifier systems and types.
const (
	systemOrgType = "http://terminology.hl7.org/CodeSystem/organization-type"
	systemTIN     = "urn:oid:2.16.840.1.113883.4.4" // IRS taxpayer identification numbers
	systemCLIA    = "urn:oid:2.16.840.1.113883.4.7"
)

// cliaNumber is the shape of a CLIA number (US Core us-core-18).
var cliaNumber = regexp.MustCompile(`^[0-9]{2}D[0-9]{7}$`)

var organizationTypes = map[string]string{"prov": "Healthcare Provider", "pay": "Payer"}

func organizationIdentifier(system, code string, hasSystem bool) []emr.Cond {
	switch {
	case !hasSystem:
		return []emr.Cond{emr.Eq("npi", code), emr.Eq("tax_id", code), emr.Eq("clia", code), emr.Eq("payer_id", code)}
	case system == systemNPI:
		return []emr.Cond{emr.Eq("npi", code)}
	case system == systemTIN:
		return []emr.Cond{emr.Eq("tax_id", code)}
	case system == systemCLIA:
		return []emr.Cond{emr.Eq("clia", code)}
	}
	return nil
}

func organizationType(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemOrgType || organizationTypes[code] == "" {
		return nil
	}
	return []emr.Cond{emr.Eq("kind", code)}
}

func organizationToFHIR(rec emr.Record, c *Context) r4.Resource {
	kind := rec.Str("kind")
	o := &r4.Organization{
		ID:     text(rec.Str("uuid")),
		Meta:   meta(organizationProfiles, rec.Str("last_updated")),
		Active: ptr(rec.Str("inactive") != "1"),
		Type:   []r4.CodeableConcept{*concept(systemOrgType, kind, organizationTypes[kind])},
		Name:   text(rec.Str("name")),
		Telecom: telecomOf(rec,
			contactField{"phone", "phone", "work"}, contactField{"fax", "fax", "work"},
			contactField{"email", "email", "work"}, contactField{"website", "url", "work"}),
		Address: addressOf(rec, "work", []string{"line1", "line2"}, "city", "state", "postal_code", "country"),
	}
	o.Meta.VersionId = ptr(c.Version(rec.Str("uuid")))
	if o.Name == nil { // name is required (1..1)
		o.NameExt = &r4.Element{Extension: absent("unknown")}
	}
	o.Identifier = organizationIdentifiers(rec)
	return o
}

// organizationIdentifiers are the NPI and CLIA number when they have the
// shape US Core requires (us-core-16, -17, -18), the tax id, and a payer's
// id for claims (v2 type NIIP, National Insurance Payor Identifier), which
// has no system of its own.
func organizationIdentifiers(rec emr.Record) []r4.Identifier {
	var out []r4.Identifier
	if npi := rec.Str("npi"); validNPI(npi) {
		out = append(out, npiIdentifier(npi))
	}
	if clia := rec.Str("clia"); cliaNumber.MatchString(clia) {
		out = append(out, r4.Identifier{System: ptr(systemCLIA), Value: ptr(clia)})
	}
	if tin := text(rec.Str("tax_id")); tin != nil {
		out = append(out, r4.Identifier{
			Type:   concept(systemIdentifier, "TAX", "Tax ID number"),
			System: ptr(systemTIN), Value: tin,
		})
	}
	if payer := text(rec.Str("payer_id")); payer != nil {
		out = append(out, r4.Identifier{Type: concept(systemIdentifier, "NIIP", "National Insurance Payor Identifier (Payor)"), Value: payer})
	}
	return out
}
