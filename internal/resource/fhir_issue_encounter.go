package resource

// IssueEncounter is issue_encounter (migration 0025): OpenEMR's link of a
// lists row to an encounter that addressed it, which FHIR shows as a US
// Core Condition Encounter Diagnosis (its uuid the Condition's id). The
// Standard API does not serve it; FHIR Condition writes create links, and
// the demo data records the problems each visit addressed.
var IssueEncounter = &Def{
	Name: "issue_encounter", Table: "issue_encounter", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("pid", W, Req, As(Int)),
		Col("list_id", W, Req, As(Int)),
		Col("encounter", W, Req, As(Int), Exists("form_encounter.encounter"), Label("Encounter")),
		Col("resolved", W, Default("0"), OneOf("0", "1")),
	},
}
