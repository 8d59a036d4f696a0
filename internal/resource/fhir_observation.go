package resource

// FHIRObservation is the view fhir_observations (migrations 0015, 0024):
// one row per US Core vital sign measured in a form_vitals row, one per
// laboratory result (procedure_result), and one per smoking status
// (history_data), Observation form entry (form_observation) and
// occupation (employer_data), with the columns the FHIR Observation is
// built from. FHIR creates and updates write those tables themselves
// (fhirmap.observationStore).
//
// Its id is text (<form_vitals uuid>-<vital>, or the source row's uuid), the
// keyset tie-break of paging; every search names a patient, so sorting by
// it sorts one patient's rows (see the migration).
var FHIRObservation = &Def{
	Name: "fhir_observation", Table: "fhir_observations", ID: "id", Key: "id",
	Fields: []Field{
		Col("id"), Col("src_uuid"), Col("pid", As(Int)), Col("category"), Col("code"), Col("code_text"), Col("status"),
		Col("date", As(DateTime)), Col("issued", As(DateTime)),
		// value2 is the diastolic pressure of a blood pressure and the
		// inhaled oxygen flow of a pulse oximetry, value3 its inhaled
		// oxygen concentration; of a smoking status value2 is the tobacco
		// entry as stored, of an occupation the industry's code (value3
		// its name).
		Col("value"), Col("value2"), Col("value3"), Col("units"),
		Col("method"), Col("interpretation"), Col("ref_range"), Col("note"),
		Col("encounter", As(Int)), Col("specimen"), Col("specimen_num"),
		Col("last_updated", As(DateTime)),
		// Migration 0024: the table a row comes from, a US Core category
		// beside the observation-category one, the code's OpenEMR code
		// type, a coded value's name, the end of an effective period, who
		// made it (users.id), a panel's items and the questionnaire
		// response it was taken from (uuids).
		Col("source"), Col("us_core_category"), Col("code_type"), Col("value_display"),
		Col("end_date", As(DateTime)), Col("performer", As(Int)), Col("members"), Col("derived_from"),
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
