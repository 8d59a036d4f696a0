package resource

// FHIRGroup is a provider's patients, the view patient_provider_groups
// (migration 0020), as FHIR Group reads it: members are the member
// patients' uuids between commas, provider_key the users.id as
// patient_data.providerID holds it.
var FHIRGroup = &Def{
	Name: "fhir_group", Table: "patient_provider_groups", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("provider_key"), Col("title"), Col("fname"), Col("lname"), Col("name"),
		Col("quantity", As(Int)), Col("members"), Col("last_updated", As(Unix)),
	},
}
