package resource

// FHIRValueSet is an option list of list_options, the view
// fhir_value_sets (migration 0023), as FHIR ValueSet reads it: id the
// list_id as a FHIR id, concepts the active options as JSON
// [[option_id, title], …] in list order.
var FHIRValueSet = &Def{
	Name: "fhir_value_set", Table: "fhir_value_sets", ID: "id", Key: "id",
	Order: []string{"id"},
	Fields: []Field{
		Col("id"), Col("list_id"), Col("name"), Col("title"), Col("publisher"),
		Col("last_updated", As(DateTime)), Col("total", As(Int)), Col("concepts"),
	},
}
