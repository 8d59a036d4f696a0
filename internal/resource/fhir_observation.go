package resource

// FHIRObservation is the view fhir_observations (migration 0015): one row
// per US Core vital sign measured in a form_vitals row and one per
// laboratory result (procedure_result), with the columns the FHIR
// Observation is built from. Read only: vitals are written through Vital
// and results arrive with procedure orders.
//
// Its id is text (<form_vitals uuid>-<vital>, or the result's uuid), the
// keyset tie-break of paging; every search names a patient, so sorting by
// it sorts one patient's rows (see the migration).
var FHIRObservation = &Def{
	Name: "fhir_observation", Table: "fhir_observations", ID: "id", Key: "id",
	Fields: []Field{
		Col("id"), Col("src_uuid"), Col("pid", As(Int)), Col("category"), Col("code"), Col("code_text"), Col("status"),
		Col("date", As(DateTime)), Col("issued", As(DateTime)),
		// value2 is the diastolic pressure of a blood pressure and the
		// inhaled oxygen flow of a pulse oximetry, value3 its inhaled
		// oxygen concentration.
		Col("value"), Col("value2"), Col("value3"), Col("units"),
		Col("method"), Col("interpretation"), Col("ref_range"), Col("note"),
		Col("encounter", As(Int)), Col("specimen"), Col("specimen_num"),
		Col("last_updated", As(DateTime)),
	},
}

// FHIRPatientKey and FHIREncounterKey are the least of patient_data and
// form_encounter a FHIR reference needs (a pid or encounter number to its
// uuid): the references of a page of Observations are resolved by one
// query each, which should not read every demographic column or compute
// an encounter's names.
var (
	FHIRPatientKey = &Def{
		Name: "patient", Table: "patient_data", ID: "id", Key: "uuid",
		Fields: []Field{Col("id", As(Int)), Col("pid", As(Int)), Col("uuid")},
	}
	FHIREncounterKey = &Def{
		Name: "encounter", Table: "form_encounter", ID: "id", Key: "uuid",
		Fields: []Field{Col("id", As(Int)), Col("encounter", As(Int)), Col("uuid")},
	}
)
