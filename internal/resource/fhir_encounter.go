package resource

// FHIREncounter is form_encounter as the FHIR Encounter reads it: the
// columns US Core Encounter is built from, with times typed so that date
// searches compare them as times. Writes go through Encounter (the
// Standard API) and FHIREncounterWrite.
var FHIREncounter = &Def{
	Name: "encounter", Table: "form_encounter", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)),
		Col("uuid"),
		Col("encounter", As(Int)),
		Col("pid", As(Int)),
		Col("date", As(DateTime)),
		Col("date_end", As(DateTime)),
		Col("status"),
		Col("reason"),
		Col("class_code"),
		Col("pc_catid"),
		// The category's constant id (office_visit, new_patient…) is the
		// same on every OpenEMR install, unlike its number and name.
		Col("pc_constant_id", Computed("SELECT c.pc_constant_id FROM openemr_postcalendar_categories c WHERE CAST(c.pc_catid AS TEXT) = t.pc_catid")),
		Col("pc_catname", Computed("SELECT c.pc_catname FROM openemr_postcalendar_categories c WHERE CAST(c.pc_catid AS TEXT) = t.pc_catid")),
		Col("encounter_type_code"),
		Col("encounter_type_description"),
		Col("facility_id", As(Int)),
		Col("provider_id", As(Int)),
		Col("referring_provider_id", As(Int)),
		Col("discharge_disposition"),
		Col("discharge_disposition_text", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'discharge-disposition' AND lo.option_id = t.discharge_disposition")),
		Col("last_update", As(DateTime)),
	},
}
