package resource

// EncounterStatuses are FHIR's encounter statuses (R4 encounter-status),
// what form_encounter.status (migration 0027) may hold.
var EncounterStatuses = []string{"planned", "arrived", "triaged", "in-progress", "onleave", "finished",
	"cancelled", "entered-in-error", "unknown"}

// FHIREncounterWrite is form_encounter as FHIR creates and updates of
// Encounter write it: the Standard API's rules for the columns both write
// (Encounter: a category and a class of OpenEMR's list, a known facility
// and provider), and the columns only FHIR fills: the end of the period,
// the type code and the status. The encounter number is MAX + 1, as
// OpenEMR numbers it.
var FHIREncounterWrite = &Def{
	Name: "fhir_encounter", Table: "form_encounter", ID: "id", Key: "uuid", Numbered: "encounter",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("encounter", As(Int)),
		Col("pid", W, Req, As(Int)),
		Col("status", W, OneOf(EncounterStatuses...)),
		Col("date", W, As(DateTime), Label("Date")),
		Col("date_end", W, As(DateTime), Label("End Date")),
		Col("reason", W),
		Col("pc_catid", W, Req, Fmt(FormatNumeric), Exists("openemr_postcalendar_categories.pc_catid"), Label("Category")),
		Col("class_code", W, Req, InList("_ActEncounterCode"), Label("Class Code")),
		Col("encounter_type_code", W, Len(0, 255)), Col("encounter_type_description", W),
		Col("facility", W),
		Col("facility_id", W, As(Int), Fmt(FormatNumeric), Exists("facility.id")),
		Col("provider_id", W, As(Int), Fmt(FormatNumeric), Exists("users.id")),
		Col("referring_provider_id", W, As(Int), Fmt(FormatNumeric), Exists("users.id")),
		Col("discharge_disposition", W),
		Col("sensitivity", W, Default("normal")),
		Col("last_update", As(DateTime), Set(AutoTouch)),
	},
}
