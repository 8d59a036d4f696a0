package resource

// FHIRPractitionerRole is a practitioner at a facility, the view
// fhir_practitioner_role (migration 0014) over users and facility.
var FHIRPractitionerRole = &Def{
	Name: "practitioner_role", Table: "fhir_practitioner_role", ID: "id", Key: "id",
	Order: []string{"id"},
	Fields: []Field{
		Col("id"),
		Col("user_id", As(Int)),
		Col("user_uuid"),
		Col("facility_id", As(Int)),
		Col("facility_uuid"),
		Col("active", As(Int)),
		Col("specialty"),
		Col("taxonomy"),
		Col("phone"), Col("phonew1"), Col("phonecell"), Col("email"),
		Col("facility_phone"), Col("facility_email"),
		Col("last_updated", As(Unix)),
	},
}
