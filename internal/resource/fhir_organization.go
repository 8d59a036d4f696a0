package resource

// FHIROrganization is a facility or an insurance company, the view
// fhir_organization (migration 0014). kind is the organization type code
// (prov or pay); facility_id and insurance_company_id hold the number of
// the row it comes from.
var FHIROrganization = &Def{
	Name: "organization", Table: "fhir_organization", ID: "uuid", Key: "uuid",
	Order: []string{"uuid"},
	Fields: []Field{
		Col("uuid"),
		Col("facility_id", As(Int)),
		Col("insurance_company_id", As(Int)),
		Col("kind"),
		Col("name"),
		Col("npi"), Col("tax_id"), Col("clia"), Col("payer_id"),
		Col("phone"), Col("fax"), Col("email"), Col("website"),
		Col("line1"), Col("line2"), Col("city"), Col("state"), Col("postal_code"), Col("country"),
		Col("inactive"),
		Col("last_updated", As(DateTime)),
	},
}
