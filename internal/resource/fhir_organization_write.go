package resource

// FHIRFacilityWrite is facility as FHIR creates and updates of a provider
// Organization write it: the Standard API's rules (Facility) but two. The
// NPI is optional, as in US Core Organization (the NPI slice is must
// support, not required), so that an organization known by name and
// address only, such as a hospital Synthea writes, can be stored; and
// domain_identifier, which the read shows as the CLIA number, takes one
// ("12D4567890", us-core-18) rather than digits only.
var FHIRFacilityWrite = fhirFacilityWrite()

func fhirFacilityWrite() *Def {
	d := *Facility
	d.Name = "fhir_facility"
	d.Fields = append([]Field(nil), Facility.Fields...)
	for i, f := range d.Fields {
		switch f.Name {
		case "facility_npi":
			d.Fields[i] = Col("facility_npi", W, Fmt(FormatNumeric), Len(10, 15), Label("Facility NPI"))
		case "domain_identifier":
			d.Fields[i] = Col("domain_identifier", W, Len(2, 60))
		}
	}
	return &d
}

// FHIROrganizationVersion is the view fhir_organization_version
// (migration 0026): the version counter of each updated facility or
// insurance company, by the uuid that is its Organization id.
var FHIROrganizationVersion = &Def{
	Name: "fhir_organization_version", Table: "fhir_organization_version", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("version", As(Int))},
}
