package resource

// Patient is patient_data (openemr-standard-api.md §3.1). Any column may
// be written; pid is numbered max + 1 and pubpid defaults to it.
var Patient = &Def{
	Name: "patient", Table: "patient_data", ID: "id", Key: "uuid", Numbered: "pid",
	TextIndex:   "patient_data_search", // migrations 0009, 0017
	TextIndexed: []string{"mname"},
	Summary:     "Patient demographics",
	Order:       []string{"id"}, // insertion order; a trigram search finds its matches in it
	Fields: append([]Field{
		Col("id", As(Int), Sorted),
		Col("uuid", Set(AutoUUID)),
		Col("pid", As(Int), Sorted),
		Col("pubpid", W, Set(AutoNumber), Sorted),
		Col("title", W, Sorted, Len(0, 255)),
		Col("fname", W, Like, Sorted, Req, Len(1, 255), Label("First Name")),
		Col("mname", W, Sorted, Len(0, 255)),
		Col("lname", W, Like, Sorted, Req, Len(2, 255), Label("Last Name")),
		Col("suffix", W),
		Col("DOB", W, S, Sorted, Req, As(Date), Label("Date of Birth")),
		Col("sex", W, S, Sorted, Req, Len(4, 30), Label("Sex")),
		Col("ss", W, S),
		Col("street", W, Like, Sorted),
		Col("street_line_2", W),
		Col("city", W, Like, Sorted),
		Col("county", W),
		Col("state", W, Like, Sorted),
		Col("postal_code", W, Like, Sorted),
		Col("country_code", W, S, Sorted),
		Col("phone_home", W, S, Sorted),
		Col("phone_biz", W, S, Sorted),
		Col("phone_cell", W, S, Sorted),
		Col("phone_contact", W),
		Col("email", W, S, Sorted, Fmt(FormatEmail), Label("Email")),
		Col("email_direct", W, Fmt(FormatEmail), Label("Direct Email")),
		Col("status", W, Sorted),
		Col("date", As(Unix), Set(AutoTouch), Sorted),
		Col("regdate", W, As(DateTime), Set(AutoNow), Sorted),
		Col("last_updated", As(Unix), Set(AutoTouch), Sorted),
		Col("created_by", Set(AutoUser)),
		Col("updated_by", Set(AutoUser)),
		// How many previous names the patient has, so that a read asks
		// for them only when there are some.
		Col("previous_name_count", Secret, DetailOnly, Computed("SELECT COUNT(*) FROM patient_history h WHERE h.pid = t.pid")),
		Col("address_count", Secret, DetailOnly, Computed("SELECT COUNT(*) FROM contact c WHERE c.foreign_table_name = 'patient_data' AND c.foreign_id = t.pid")),
	}, WCols(
		"race", "ethnicity", "language", "providerID", "ref_providerID", "deceased_date", "deceased_reason",
		"allow_patient_portal", "allow_imm_reg_use", "allow_imm_info_share", "allow_health_info_ex",
		"drivers_license", "occupation", "industry", "religion", "mothersname", "guardiansname",
		"hipaa_notice", "hipaa_voice", "hipaa_mail", "hipaa_allowsms", "hipaa_allowemail", "hipaa_message",
		"financial_review", "family_size", "monthly_income", "homeless", "interpretter", "migrantseasonal",
		"contrastart", "referral_source", "vfc", "sexual_orientation", "gender_identity",
		"birth_fname", "birth_lname", "birth_mname", "preferred_name", "nationality_country",
		"care_team_provider", "care_team_facility", "care_team_status", "pharmacy_id",
		"genericname1", "genericval1", "genericname2", "genericval2", "squad", "fitness", "pricelevel",
		"billing_note", "dupscore", "name_history",
	)...),
	Created: Reply{Keys: []KeyAs{{From: "pid", To: "pid", Int: true}, {From: "uuid", To: "uuid"}}},
	Updated: Reply{Full: true},
}

// PatientHistory is a patient's previous names (patient_history).
var PatientHistory = &Def{
	Name: "patient_history", Table: "patient_history", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("pid", As(Int)), Col("date", Set(AutoNow)),
		Col("history_type_key", Default("name_history")),
		Col("previous_name_prefix", W), Col("previous_name_first", W), Col("previous_name_middle", W),
		Col("previous_name_last", W), Col("previous_name_suffix", W), Col("previous_name_enddate", W, As(Date)),
	},
}

// PatientAddress is a patient's address beyond the one in patient_data:
// contact (the patient) → contact_address (use, type, period) → addresses
// (openemr-standard-api.md §3.1).
var PatientAddress = &Def{
	Name: "patient_address", Table: "contact_address", ID: "id", Key: "id",
	Order: []string{"priority", "id"},
	Fields: []Field{
		Col("id", As(Int)), Col("contact_id"), Col("address_id"), Col("priority"), Col("type"), Col("use"),
		Col("period_start"), Col("period_end"),
		Col("pid", Computed("SELECT c.foreign_id FROM contact c WHERE c.id = t.contact_id AND c.foreign_table_name = 'patient_data'")),
		Col("line1", Computed("SELECT a.line1 FROM addresses a WHERE a.id = t.address_id")),
		Col("line2", Computed("SELECT a.line2 FROM addresses a WHERE a.id = t.address_id")),
		Col("city", Computed("SELECT a.city FROM addresses a WHERE a.id = t.address_id")),
		Col("district", Computed("SELECT a.district FROM addresses a WHERE a.id = t.address_id")),
		Col("state", Computed("SELECT a.state FROM addresses a WHERE a.id = t.address_id")),
		Col("postal_code", Computed("SELECT a.zip FROM addresses a WHERE a.id = t.address_id")),
		Col("country_code", Computed("SELECT a.country FROM addresses a WHERE a.id = t.address_id")),
	},
}
