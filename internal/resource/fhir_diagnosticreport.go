package resource

// FHIRDiagnosticReport is the view fhir_diagnostic_reports (migrations
// 0015, 0028): one row per procedure_report of an ordered test of an
// active laboratory order, with its order's patient, code, lab and
// encounter, request, the id of the ordered test's ServiceRequest, and
// results, the ids of its result Observations separated by commas.
// DiagnosticReport writes store into the tables themselves
// (fhirmap.storeReport).
var FHIRDiagnosticReport = &Def{
	Name: "fhir_diagnosticreport", Table: "fhir_diagnostic_reports", ID: "id", Key: "id",
	Fields: []Field{
		Col("id"), Col("pid", As(Int)), Col("category"), Col("code"), Col("code_text"), Col("status"),
		Col("date", As(DateTime)), Col("issued", As(DateTime)),
		Col("request"), Col("encounter", As(Int)), Col("lab_uuid"), Col("lab_name"), Col("lab_director", As(Int)),
		Col("conclusion"), Col("results"),
		Col("last_updated", As(DateTime)),
		// The report's key, for its version (migration 0028).
		Col("report_id", As(Int)),
	},
}
