package resource

// fhirIssueCodes is lists.diagnosis ("ICD10:E11.9;SNOMED-CT:44054006")
// between semicolons and without spaces, so that a FHIR token search for
// one code is a contains search for ";TYPE:code;", which a longer code
// that merely starts with it (E11.91) cannot match.
const fhirIssueCodes = "';' || REPLACE(t.diagnosis, ' ', '') || ';'"

// fhirIssueUpdated is when a lists row last changed: modifydate, which
// every write sets, or for rows older than it the time of entry (as
// OpenEMR's condition services read it).
const fhirIssueUpdated = "COALESCE(t.modifydate, t.date)"

// FHIRCondition is the view fhir_condition (migration 0025), the rows the
// FHIR server shows as US Core Condition: the problem list (type
// medical_problem) and health concerns (type health_concern, as OpenEMR
// stores them), active rows only, as OpenEMR's FhirConditionProblemListItem
// and HealthConcern services read them, and the encounter diagnoses of
// issue_encounter (FhirConditionEncounterDiagnosisService). uuid is the
// FHIR id; list_id the lists row shown. Read only: the Standard API's
// MedicalProblem writes the same lists rows.
var FHIRCondition = &Def{
	Name: "fhir_condition", Table: "fhir_condition", ID: "uuid", Key: "uuid",
	Order: []string{"list_id"},
	Fields: []Field{
		Col("uuid"), Col("list_id", As(Int)), Col("category"), Col("type"), Col("title"),
		Col("date", As(DateTime)), Col("begdate", As(Date)), Col("enddate", As(Date)),
		Col("diagnosis"), Col("codes"),
		Col("pid", As(Int)), Col("comments"), Col("occurrence"), Col("outcome"), Col("verification"),
		Col("encounter", As(Int)),
		Col("last_updated", As(DateTime)),
	},
}
