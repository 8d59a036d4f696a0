package resource

// FHIRPractitioner is a users row with an NPI as the FHIR Practitioner
// reads it, the rows Practitioner (the Standard API) serves: the columns
// US Core Practitioner is built from, with active a number as stored.
var FHIRPractitioner = &Def{
	Name: "practitioner", Table: "users", ID: "id", Key: "uuid",
	Where: Practitioner.Where,
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)),
		Col("uuid"),
		Col("title"), Col("fname"), Col("mname"), Col("lname"),
		Col("npi"),
		Col("email"),
		Col("phone"), Col("phonew1"), Col("phonecell"), Col("fax"),
		Col("street"), Col("streetb"), Col("city"), Col("state"), Col("zip"),
		Col("specialty"), Col("taxonomy"),
		Col("active", As(Int)),
		Col("last_updated", As(Unix)),
	},
}
