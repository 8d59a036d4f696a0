package resource

// FHIRAllergy is lists.type = allergy as the FHIR server reads it for US
// Core AllergyIntolerance: the Standard API's Allergy columns plus the
// codes of the reaction option (list_options 'reaction', e.g.
// "SNOMED-CT:247472004" for hives). Read only.
var FHIRAllergy = &Def{
	Name: "fhir_allergy", Table: "lists", ID: "id", Key: "uuid",
	Fixed: map[string]string{"type": "allergy"},
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("title"),
		Col("date", As(DateTime)), Col("begdate", As(Date)), Col("enddate", As(Date)),
		Col("diagnosis"), Col("codes", Computed(fhirIssueCodes)),
		Col("pid", As(Int)), Col("comments"), Col("outcome"), Col("verification"), Col("severity_al"),
		Col("reaction"),
		Col("reaction_title", Computed(optionOf("title", "reaction", "t.reaction"))),
		Col("reaction_codes", Computed(optionOf("codes", "reaction", "t.reaction"))),
		Col("last_updated", As(DateTime), Computed(fhirIssueUpdated)),
	},
}
