package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Location is a facility as US Core Location
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-location.html):
// the place an Encounter happens, managed by the Organization the same
// facility is (both take the facility's uuid as id). OpenEMR also makes
// Locations of patient and user addresses; those are contact details of
// a person, which Patient and Practitioner already carry, so goemr does
// not. No Location is in a patient's compartment.
var Location = &Mapping{
	Type:     "Location",
	Profiles: locationProfiles,
	Def:      resource.Facility,
	ID:       "uuid", Updated: "last_updated",
	Params: []Param{
		{Code: "name", Type: String, Fields: []string{"name"}},
		{Code: "address", Type: String, Fields: []string{"street", "city", "state", "postal_code", "country_code"}},
		{Code: "address-city", Type: String, Fields: []string{"city"}},
		{Code: "address-state", Type: String, Fields: []string{"state"}},
		{Code: "address-postalcode", Type: String, Fields: []string{"postal_code"}},
	},
	ToFHIR: locationToFHIR,
}

var locationProfiles = profiles("us-core-location")

func locationToFHIR(rec emr.Record, _ *Context) r4.Resource {
	id := rec.Str("uuid")
	l := &r4.Location{
		ID:     text(id),
		Meta:   meta(locationProfiles, rec.Str("last_updated")),
		Status: ptr("active"),
		Name:   text(rec.Str("name")),
		Telecom: telecomOf(rec,
			contactField{"phone", "phone", "work"}, contactField{"fax", "fax", "work"},
			contactField{"email", "email", "work"}, contactField{"website", "url", "work"}),
		ManagingOrganization: reference("Organization", id),
	}
	if rec.Str("inactive") == "1" {
		l.Status = ptr("inactive")
	}
	if a := addressOf(rec, "work", []string{"street"}, "city", "state", "postal_code", "country_code"); a != nil {
		l.Address = &a[0]
	}
	if l.Name == nil { // name is required (1..1)
		l.NameExt = &r4.Element{Extension: absent("unknown")}
	}
	if npi := rec.Str("facility_npi"); validNPI(npi) {
		l.Identifier = []r4.Identifier{npiIdentifier(npi)}
	}
	return l
}
