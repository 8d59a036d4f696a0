package resource

// A procedure performed and recorded through FHIR is stored as OpenEMR
// records a procedure order with its result: a procedure_order (the
// patient, encounter, performer and when it was done), its one ordered
// code (procedure_order_code: the code, name, reasons and end) and the
// report (procedure_report: status, notes), whose uuid is the Procedure's
// id (the view fhir_procedure, migrations 0013 and 0026).

// FHIRProcedureOrderWrite is the procedure_order columns of such a record.
var FHIRProcedureOrderWrite = &Def{
	Name: "fhir_procedure_order", Table: "procedure_order", ID: "procedure_order_id", Key: "uuid",
	Fields: []Field{
		Col("procedure_order_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("patient_id", W, As(Int)), Col("encounter_id", W, As(Int)), Col("provider_id", W, As(Int)),
		Col("date_ordered", W), Col("date_collected", W), Col("order_status", W), Col("activity", W),
		Col("procedure_order_type", W), Col("order_diagnosis", W), Col("history_order", W),
	},
}

// FHIRProcedureCodeWrite is the procedure_order_code row of such a record.
var FHIRProcedureCodeWrite = &Def{
	Name: "fhir_procedure_order_code", Table: "procedure_order_code",
	Fields: []Field{
		Col("procedure_order_id", As(Int)), Col("procedure_order_seq", As(Int)),
		Col("procedure_code", W), Col("procedure_name", W), Col("procedure_order_title", W),
		Col("diagnoses", W), Col("procedure_type", W), Col("date_end", W),
	},
}

// FHIRProcedureReportWrite is the procedure_report row of such a record.
var FHIRProcedureReportWrite = &Def{
	Name: "fhir_procedure_report", Table: "procedure_report", ID: "procedure_report_id", Key: "uuid",
	Fields: []Field{
		Col("procedure_report_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("procedure_order_id", As(Int)), Col("procedure_order_seq", As(Int)),
		Col("date_collected", W), Col("report_status", W), Col("review_status", W), Col("report_notes", W),
	},
}

// FHIRProcedureVersion is the view fhir_procedure_version (migration
// 0026): the version counter of each updated surgery or procedure report,
// by the uuid that is its Procedure id.
var FHIRProcedureVersion = &Def{
	Name: "fhir_procedure_version", Table: "fhir_procedure_version", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("version", As(Int))},
}
