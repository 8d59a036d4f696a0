package resource

// Immunization is immunizations (openemr-standard-api.md §3.18), read only.
// Every column is an exact-match search parameter, as OpenEMR passes every
// query parameter to its search; puuid (or OpenEMR's "patient.uuid")
// selects one patient. The record adds the vaccine's CVX text from codes,
// the administering provider from users and the encounter and facility
// uuids; restapi's presenter types primarySource, amount_administered and
// the dates as OpenEMR sends them.
var Immunization = &Def{
	Name: "immunization", Table: "immunizations", ID: "id", Key: "uuid",
	Summary: "Immunizations given or refused",
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int), S),
		Col("uuid", S, Set(AutoUUID)),
		Col("puuid", S, Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.patient_id")),
		Col("patient.uuid", S, Secret, Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.patient_id")),
		Col("patient_id", As(Int), S, Secret),
		Col("administered_date", S),
		Col("immunization_id", As(Int), S, Secret),
		Col("cvx_code", S),
		Col("cvx_code_text", Computed("SELECT c.code_text FROM codes c WHERE c.code_type = 100 AND c.code = t.cvx_code ORDER BY c.id LIMIT 1")),
		Col("manufacturer", S),
		Col("lot_number", S),
		Col("added_erroneously", S),
		Col("administered_by_id", As(Int), S),
		Col("administered_by", S),
		Col("education_date", S),
		Col("vis_date", S, Secret),
		Col("note", S),
		Col("create_date", S),
		Col("update_date", S),
		Col("created_by", As(Int), S, Secret),
		Col("updated_by", As(Int), S, Secret),
		Col("amount_administered", S, Shaped),
		Col("amount_administered_unit", S),
		Col("expiration_date", S),
		Col("route", S),
		Col("administration_site", S),
		Col("site_display", Computed(optionOf("title", "proc_body_site", "t.administration_site"))),
		Col("site_code", Computed(optionOf("notes", "proc_body_site", "t.administration_site"))),
		Col("completion_status", S),
		Col("information_source", S, Secret),
		Col("reason_code", S),
		Col("reason_description", S, Secret),
		Col("refusal_reason", S),
		Col("refusal_reason_codes", Computed(optionOf("codes", "immunization_refusal_reason", "t.refusal_reason"))),
		Col("refusal_reason_cdc_nip_code", Computed(optionOf("notes", "immunization_refusal_reason", "t.refusal_reason"))),
		Col("refusal_reason_description", Computed(optionOf("title", "immunization_refusal_reason", "t.refusal_reason"))),
		Col("external_id", S, Secret),
		Col("ordering_provider", As(Int), S, Secret),
		Col("encounter_id", As(Int), S, Secret),
		Col("provider_uuid", Computed("SELECT u.uuid FROM users u WHERE u.id = t.administered_by_id")),
		Col("provider_npi", Computed("SELECT u.npi FROM users u WHERE u.id = t.administered_by_id")),
		Col("provider_username", Computed("SELECT u.username FROM users u WHERE u.id = t.administered_by_id")),
		Col("primarySource", Computed(primarySource), Shaped),
		Col("euuid", Computed("SELECT e.uuid FROM form_encounter e WHERE e.encounter = t.encounter_id")),
		Col("facility_uuid", Computed("SELECT f.uuid FROM form_encounter e JOIN facility f ON f.id = e.facility_id WHERE e.encounter = t.encounter_id")),
		// OpenEMR maps facilities to separate FHIR Location uuids
		// (uuid_mapping); goemr has none, so this is always null.
		Col("facility_location_uuid", Computed("NULL")),
	},
}

// optionOf is the SQL reading column of the option of list whose option_id
// is the SQL expression value (the administration site, a refusal reason,
// a drug route).
func optionOf(column, list, value string) string {
	return "SELECT lo." + column + " FROM list_options lo WHERE lo.list_id = '" + list + "' AND lo.option_id = " + value
}

// primarySource is OpenEMR's rule: the record comes from whoever gave the
// vaccine when it was entered as a new record by a known administrator, or
// came from another provider, a birth certificate, a school or a public
// agency ('1' or '0'; the presenter sends a boolean).
const primarySource = `CASE WHEN (t.information_source = 'new_immunization_record'
	AND (t.administered_by IS NOT NULL OR t.administered_by_id IS NOT NULL))
	OR t.information_source IN ('other_provider', 'birth_certificate', 'school_record', 'public_agency')
	THEN '1' ELSE '0' END`
