package resource

// Procedure is procedure_order (openemr-standard-api.md §3.18): one item per
// active order. The fields here are the order's own columns and the names
// of what it refers to; restapi's procedure handlers add the ordered codes
// and the reports with their results, and nest the patient, provider,
// lab, encounter and location objects in OpenEMR's shape.
var Procedure = &Def{
	Name: "procedure", Table: "procedure_order", ID: "procedure_order_id", Key: "uuid",
	Summary: "Procedure orders with their reports and results",
	Where:   "t.activity = '1'",
	Order:   []string{"procedure_order_id"},
	Fields: []Field{
		Col("procedure_order_id", As(Int)),
		Col("uuid", Set(AutoUUID)),
		Col("activity"),
		Col("order_diagnosis"),
		Col("order_status"),
		Col("order_priority"),
		Col("patient_instructions"),
		Col("clinical_hx"),
		Col("date_ordered"),
		Col("date_collected"),
		Col("procedure_order_type"),
		Col("scheduled_date"),
		Col("scheduled_start"),
		Col("scheduled_end"),
		Col("performer_type"),
		Col("order_intent"),
		Col("specimen_fasting"),
		Col("provider_id", As(Int)),
		Col("patient_id", As(Int)),
		Col("encounter_id", As(Int)),
		Col("lab_id", As(Int)),
		Col("location_id", As(Int)),
		Col("puuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.patient_id")),
		Col("euuid", Computed("SELECT e.uuid FROM form_encounter e WHERE e.encounter = t.encounter_id")),
		Col("encounter_date", Computed("SELECT e.date FROM form_encounter e WHERE e.encounter = t.encounter_id")),
		// OpenEMR names only providers with an NPI.
		Col("provider_uuid", Computed(orderProvider("uuid"))),
		Col("provider_fname", Computed(orderProvider("fname"))),
		Col("provider_mname", Computed(orderProvider("mname"))),
		Col("provider_lname", Computed(orderProvider("lname"))),
		Col("provider_npi", Computed(orderProvider("npi"))),
		Col("lab_uuid", Computed("SELECT l.uuid FROM procedure_providers l WHERE l.ppid = t.lab_id")),
		Col("lab_name", Computed("SELECT l.name FROM procedure_providers l WHERE l.ppid = t.lab_id")),
		Col("lab_npi", Computed("SELECT l.npi FROM procedure_providers l WHERE l.ppid = t.lab_id")),
		Col("location_uuid", Computed("SELECT f.uuid FROM facility f WHERE f.id = t.location_id")),
		Col("location_name", Computed("SELECT f.name FROM facility f WHERE f.id = t.location_id")),
	},
}

// orderProvider reads column of the ordering provider.
func orderProvider(column string) string {
	return "SELECT u." + column + " FROM users u WHERE u.id = t.provider_id AND u.npi <> ''"
}

// ProcedureCode is procedure_order_code: the procedures one order asks
// for, numbered by procedure_order_seq. standard_code is the compendium's
// standard (LOINC) code of the lab's procedure code.
var ProcedureCode = &Def{
	Name: "procedure_order_code", Table: "procedure_order_code",
	Order: []string{"procedure_order_id", "procedure_order_seq"},
	Fields: []Field{
		Col("procedure_order_id", As(Int)),
		Col("procedure_order_seq", As(Int)),
		Col("procedure_code"),
		Col("procedure_name"),
		Col("procedure_order_title"),
		Col("diagnoses"),
		Col("standard_code", Computed("SELECT pt.standard_code FROM procedure_type pt WHERE pt.procedure_code = t.procedure_code AND pt.procedure_code <> '' ORDER BY pt.procedure_type_id LIMIT 1")),
	},
}

// ProcedureReport is procedure_report: what a lab sent back for one
// ordered code.
var ProcedureReport = &Def{
	Name: "procedure_report", Table: "procedure_report", ID: "procedure_report_id", Key: "uuid",
	Order: []string{"procedure_order_id", "procedure_order_seq", "procedure_report_id"},
	Fields: []Field{
		Col("procedure_report_id", As(Int)),
		Col("uuid", Set(AutoUUID)),
		Col("procedure_order_id", As(Int)),
		Col("procedure_order_seq", As(Int)),
		Col("date_report"),
		Col("report_notes"),
	},
}

// ProcedureResult is procedure_result: the observations of a report.
var ProcedureResult = &Def{
	Name: "procedure_result", Table: "procedure_result", ID: "procedure_result_id", Key: "uuid",
	Order: []string{"procedure_report_id", "procedure_result_id"},
	Fields: []Field{
		Col("procedure_result_id", As(Int)),
		Col("uuid", Set(AutoUUID)),
		Col("procedure_report_id", As(Int)),
		Col("result_code"),
		Col("result_text"),
		Col("units"),
		Col("result"),
		Col("range"),
		Col("abnormal"),
		Col("comments"),
		Col("document_id", As(Int)),
		Col("result_status"),
	},
}
