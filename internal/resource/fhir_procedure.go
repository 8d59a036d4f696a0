package resource

// FHIRProcedure is the view fhir_procedure (migration 0013): surgeries of
// the patients' lists and the reported non-laboratory procedure orders,
// one row per procedure, as the FHIR server shows them as US Core
// Procedure. Read only: the rows belong to lists and procedure_report.
var FHIRProcedure = &Def{
	Name: "fhir_procedure", Table: "fhir_procedure", ID: "id", Key: "id",
	Order: []string{"id"},
	Fields: []Field{
		Col("id"), Col("source"), Col("pid", As(Int)), Col("title"), Col("codes"), Col("reasons"), Col("status"),
		Col("performed_at"), Col("performed_end"),
		// performed is performed_at as a datetime, so that date searches,
		// which compare text, also find a surgery recorded by day.
		Col("performed", As(DateTime), Computed("CASE WHEN length(t.performed_at) = 10 THEN t.performed_at || ' 00:00:00' ELSE t.performed_at END")),
		Col("encounter", As(Int)), Col("performer", As(Int)), Col("note"),
		Col("last_updated", As(DateTime)),
	},
}
