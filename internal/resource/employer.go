package resource

// odhCode reads a column of the ODH option (list OccupationODH or
// IndustryODH) an employer row's occupation or industry names.
func odhCode(list, column, of string) Opt {
	return Computed("SELECT lo." + column + " FROM list_options lo WHERE lo.list_id = '" + list + "' AND lo.option_id = t." + of)
}

// Employer is employer_data, the read-only employer history of a patient
// (openemr-standard-api.md §3.15), in the column order of OpenEMR's
// EmployerService::search. Lists filter on id and pid.
var Employer = &Def{
	Name: "employer", Table: "employer_data", ID: "id", Key: "uuid",
	Binds:   []Bind{PatientByUUID},
	Summary: "Patient employer history",
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int), S), Col("uuid", Set(AutoUUID)),
		Col("name"), Col("street"), Col("street_line_2"), Col("postal_code"),
		Col("city"), Col("state"), Col("country"),
		Col("date", Set(AutoNow)), Col("start_date", As(Date)), Col("end_date", As(Date)),
		Col("pid", As(Int), S),
		Col("puuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
		Col("created_by", As(Int), Set(AutoUser)),
		Col("user_uuid", Computed("SELECT u.uuid FROM users u WHERE u.id = t.created_by")),
		Col("occupation"),
		Col("occupation_codes", odhCode("OccupationODH", "codes", "occupation")),
		Col("industry_codes_display", odhCode("IndustryODH", "title", "industry")),
		Col("industry"),
		Col("industry_codes", odhCode("IndustryODH", "codes", "industry")),
		Col("occupation_codes_display", odhCode("OccupationODH", "title", "occupation")),
	},
}
