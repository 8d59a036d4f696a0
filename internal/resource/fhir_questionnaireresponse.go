package resource

// QuestionnaireResponseRow is a completed questionnaire,
// questionnaire_response (migration 0020), as it is written.
var QuestionnaireResponseRow = &Def{
	Name: "questionnaire_response", Table: "questionnaire_response", ID: "id", Key: "uuid",
	Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("pid", As(Int))},
}

// FHIRQuestionnaireResponse is a questionnaire_response row as US Core
// QuestionnaireResponse reads it (read only): questionnaire_response is
// the FHIR QuestionnaireResponse the row stores as JSON, of which the
// items are shown; the other elements come from the columns.
// create_time is when it was answered (authored).
var FHIRQuestionnaireResponse = &Def{
	Name: "fhir_questionnaire_response", Table: "questionnaire_response", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("pid", As(Int)), Col("encounter", As(Int)),
		Col("questionnaire_foreign_id", As(Int)), Col("questionnaire_id"), Col("questionnaire_name"),
		Col("creator_user_id", As(Int)), Col("status"), Col("questionnaire_response"), Col("form_score", As(Int)),
		Col("create_time", As(DateTime)),
		Col("last_updated", As(DateTime), Computed("COALESCE(t.last_updated, t.create_time)")),
	},
}
