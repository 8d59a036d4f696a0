package resource

// The tables FHIR creates and updates of Observation and DiagnosticReport
// write (migration 0028): vitals forms, and laboratory orders, their
// ordered tests, reports and results. The FHIR server reads them back
// through the views fhir_observations and fhir_diagnostic_reports.

// FHIRVitalWrite is form_vitals with the stored columns of the Standard
// API's Vital and the units a vital was written in.
var FHIRVitalWrite = &Def{
	Name: "vital", Table: "form_vitals", ID: "id", Key: "uuid",
	Order:  []string{"id"},
	Fields: vitalWriteFields(),
}

func vitalWriteFields() []Field {
	var out []Field
	for _, f := range Vital.Fields {
		if f.Stored() {
			out = append(out, f)
		}
	}
	return append(out, Col("weight_unit"), Col("height_unit"), Col("temperature_unit"), Col("head_circ_unit"))
}

// FHIRLabOrder is procedure_order as laboratory results written through
// FHIR need it: the order their reports belong to.
var FHIRLabOrder = &Def{
	Name: "procedure_order", Table: "procedure_order", ID: "procedure_order_id", Key: "uuid",
	Order: []string{"procedure_order_id"},
	Fields: []Field{
		Col("procedure_order_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("patient_id", As(Int)), Col("encounter_id", As(Int)), Col("provider_id", As(Int)), Col("lab_id", As(Int)),
		Col("date_collected"), Col("date_ordered"), Col("order_status"), Col("order_priority"),
		Col("activity", Default("1")), Col("procedure_order_type", Default("laboratory_test")),
		Col("order_intent", Default("order")), Col("specimen_type"), Col("history_order", Default("0")),
	},
}

// FHIRLabOrderCode is procedure_order_code: the test a report answers,
// numbered within its order by procedure_order_seq.
var FHIRLabOrderCode = &Def{
	Name: "procedure_order_code", Table: "procedure_order_code",
	Order: []string{"procedure_order_id", "procedure_order_seq"},
	Fields: []Field{
		Col("procedure_order_id", As(Int)), Col("procedure_order_seq", As(Int)),
		Col("procedure_code"), Col("procedure_name"), Col("procedure_order_title"),
		Col("procedure_type"), Col("procedure_source", Default("1")), Col("do_not_send", Default("0")),
	},
}

// FHIRLabReport is procedure_report with the columns a DiagnosticReport
// and its results are read from.
var FHIRLabReport = &Def{
	Name: "procedure_report", Table: "procedure_report", ID: "procedure_report_id", Key: "uuid",
	Order: []string{"procedure_report_id"},
	Fields: []Field{
		Col("procedure_report_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("procedure_order_id", As(Int)), Col("procedure_order_seq", As(Int)),
		Col("date_collected"), Col("date_report"), Col("specimen_num"),
		Col("report_status"), Col("review_status", Default("received")), Col("report_notes"),
	},
}

// FHIRLabResult is procedure_result with the columns a laboratory result
// Observation is read from.
var FHIRLabResult = &Def{
	Name: "procedure_result", Table: "procedure_result", ID: "procedure_result_id", Key: "uuid",
	Order: []string{"procedure_result_id"},
	Fields: []Field{
		Col("procedure_result_id", As(Int)), Col("uuid", Set(AutoUUID)), Col("procedure_report_id", As(Int)),
		Col("result_data_type", Default("S")), Col("result_code"), Col("result_text"),
		Col("date"), Col("date_collected"), Col("units"), Col("result"), Col("value_codes"),
		Col("range"), Col("abnormal"), Col("comments"), Col("result_status"),
	},
}

// LabProvider is procedure_providers by uuid: the lab a report names as
// its performer.
var LabProvider = &Def{
	Name: "procedure_providers", Table: "procedure_providers", ID: "ppid", Key: "uuid",
	Fields: []Field{Col("ppid", As(Int)), Col("uuid"), Col("name")},
}

// FHIRObservationSources is the view fhir_observation_sources: the
// version of the row an Observation comes from and what the Observation
// view does not carry (a vital's unit, a result's own collection time and
// coded value), by the row's uuid.
var FHIRObservationSources = &Def{
	Name: "fhir_observation_source", Table: "fhir_observation_sources", Key: "uuid",
	Fields: []Field{Col("uuid"), Col("version", As(Int)), Col("extras")},
}

// UserName is a users row's username by its id: who a form is entered by.
var UserName = &Def{
	Name: "user_name", Table: "users", ID: "id", Key: "id",
	Fields: []Field{Col("id", As(Int)), Col("username")},
}

// FHIRObservationWrite names the values an Observation create or update
// maps to, with the rules their columns have in the Standard API (a
// vital is a number, a method or status at most 255 characters): the
// write itself goes to the tables (fhirmap.observationStore).
var FHIRObservationWrite = &Def{
	Name: "fhir_observation_write", Table: "form_vitals",
	Fields: observationWriteFields(),
}

func observationWriteFields() []Field {
	out := []Field{Col("pid", W, Req, As(Int)), Col("encounter", W, As(Int)), Col("performer", W, As(Int))}
	for _, f := range Vital.Fields {
		if f.Write && f.Stored() && f.Name != "note" && f.Name != "external_id" {
			out = append(out, f)
		}
	}
	return out
}

// FHIRFormObservationWrite is form_observation (migration 0024) with the
// columns an Observation written through FHIR fills: OpenEMR's
// Observation form, one row per observation, a panel's items under it.
// A row's form_id is numbered max + 1 unless given (its panel's).
var FHIRFormObservationWrite = &Def{
	Name: "form_observation", Table: "form_observation", ID: "id", Key: "uuid", Numbered: "form_id",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("form_id", As(Int)), Col("pid", As(Int)),
		Col("encounter", As(Int)), Col("date"), Col("date_end"), Col("user"), Col("groupname"),
		Col("authorized", As(Int)), Col("activity", As(Int)), Col("code"), Col("ob_code"), Col("code_type"),
		Col("description"), Col("observation"), Col("ob_type"), Col("category"), Col("ob_status"),
		Col("ob_value"), Col("ob_unit"), Col("ob_value_code_description"),
		Col("parent_observation_id", As(Int)), Col("questionnaire_response_id", As(Int)),
	},
}

// FHIRHistoryWrite is history_data (migration 0024) with every column: a
// smoking status written through FHIR saves the history anew, as OpenEMR
// does, copying the other answers of the latest save.
var FHIRHistoryWrite = &Def{
	Name: "history_data", Table: "history_data", ID: "id", Key: "uuid",
	Order:  []string{"id"},
	Fields: append([]Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("pid", As(Int)), Col("created_by", As(Int))}, historyColumns()...),
}

func historyColumns() []Field {
	var out []Field
	for _, c := range []string{"coffee", "tobacco", "alcohol", "sleep_patterns", "exercise_patterns", "seatbelt_use", "counseling",
		"hazardous_activities", "recreational_drugs", "last_breast_exam", "last_mammogram", "last_sigmoidoscopy_colonoscopy",
		"last_ecg", "last_cardiac_echo", "last_retinal", "last_fluvax", "last_pneuvax", "last_ldl", "last_hemoglobin", "last_psa",
		"last_exam_results", "history_mother", "history_father", "history_siblings", "history_offspring", "history_spouse",
		"relatives_cancer", "relatives_diabetes", "relatives_high_blood_pressure", "relatives_heart_problems",
		"relatives_stroke", "relatives_mental_illness", "additional_history", "exams", "date"} {
		out = append(out, Col(c))
	}
	return out
}
