package resource

// HistoryData is OpenEMR's history_data (migration 0024), the patient's
// social and family history as it is written: a new row per save. The
// FHIR Observation reads its tobacco entries through fhir_observations.
var HistoryData = &Def{
	Name: "history_data", Table: "history_data", ID: "id", Key: "uuid",
	Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("pid", As(Int)), Col("date", Set(AutoNow))},
}

// FormObservation is one observation of OpenEMR's Observation form,
// form_observation (migration 0024), as the form writes it: a panel's
// first row is given the form's number (form_id, max + 1, as
// ObservationService::getNextFormId numbers it) and its items share it.
// The FHIR Observation reads the rows through fhir_observations.
var FormObservation = &Def{
	Name: "form_observation", Table: "form_observation", ID: "id", Key: "uuid", Numbered: "form_id",
	Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("form_id", As(Int)), Col("pid", As(Int))},
}
