package resource

// FHIRCarePlanWrite is form_care_plan as FHIR creates and updates of
// CarePlan and Goal write it: one row per plan, goal or further activity
// of a plan, every column the FHIR reading uses. A row without id starts
// a new form, numbered MAX + 1 as OpenEMR's care plan form numbers it;
// the further activities of a plan share its form's id.
var FHIRCarePlanWrite = &Def{
	Name: "fhir_care_plan_row", Table: "form_care_plan", Key: "uuid", Numbered: "id",
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("pid", W, Req, As(Int)), Col("encounter", W, As(Int)),
		Col("care_plan_type", W, OneOf("plan_of_care", "goal")),
		Col("code", W, Len(0, 255)), Col("codetext", W), Col("description", W),
		Col("date", W, Label("Start")), Col("date_end", W, Label("End")),
		Col("plan_status", W), Col("intent", W),
		Col("reason_code", W, Len(0, 255)), Col("reason_description", W),
		Col("addresses", W), Col("plan_uuid"),
		Col("user"), Col("groupname", Default("Default")), Col("authorized", Default("1")), Col("activity", Default("1")),
	},
}

// CarePlanVersion reads the version counter of a form_care_plan row
// (row_version, migration 0027) by its uuid.
var CarePlanVersion = &Def{
	Name: "care_plan_version", Table: "form_care_plan", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("row_version", As(Int))},
}
