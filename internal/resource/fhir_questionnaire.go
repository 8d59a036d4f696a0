package resource

// QuestionnaireRepository is a questionnaire a site offers,
// questionnaire_repository (migration 0020), as it is written.
var QuestionnaireRepository = &Def{
	Name: "questionnaire_repository", Table: "questionnaire_repository", ID: "id", Key: "uuid",
	Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID))},
}

// FHIRQuestionnaire is a questionnaire_repository row as FHIR
// Questionnaire reads it (read only). questionnaire is the FHIR
// Questionnaire the row stores as JSON; last_updated is when it last
// changed, its creation for a row never modified.
var FHIRQuestionnaire = &Def{
	Name: "fhir_questionnaire", Table: "questionnaire_repository", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("questionnaire_id"), Col("name"), Col("version", As(Int)),
		Col("status"), Col("active"), Col("code"), Col("code_display"), Col("source_url"), Col("questionnaire"),
		Col("created_date", As(DateTime)),
		Col("last_updated", As(DateTime), Computed("COALESCE(t.modified_date, t.created_date)")),
	},
}
