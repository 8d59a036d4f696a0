package resource

// Encounter is form_encounter (openemr-standard-api.md §3.2). encounter is
// OpenEMR's encounter number, sent as eid; the record adds the names of
// the facility, category, class and providers it refers to.
var Encounter = &Def{
	Name: "encounter", Table: "form_encounter", ID: "id", Key: "uuid", Numbered: "encounter",
	Binds:   []Bind{PatientByUUID},
	Summary: "Encounters (visits)",
	Order:   []string{"encounter DESC"},
	Fields: []Field{
		Col("id", As(Int), Secret),
		Col("uuid", Set(AutoUUID), Secret),
		Col("encounter", As(Int), Secret),
		Col("eid", Computed("t.encounter")),
		Col("euuid", Computed("t.uuid")),
		Col("date", W, As(DateTime), Set(AutoNow), Label("Date")),
		Col("reason", W),
		Col("onset_date", W, As(DateTime)),
		Col("sensitivity", W, Default("normal")),
		Col("billing_note", W),
		Col("pc_catid", W, Req, Fmt(FormatNumeric), Exists("openemr_postcalendar_categories.pc_catid"), Label("Category")),
		Col("last_level_billed"), Col("last_level_closed"), Col("last_stmt_date"), Col("stmt_count"),
		Col("supervisor_id", W, Fmt(FormatNumeric)),
		Col("invoice_refno"),
		Col("referral_source", W),
		Col("billing_facility", W, Fmt(FormatNumeric)),
		Col("external_id", W),
		Col("last_update", Set(AutoTouch)),
		Col("pos_code", W),
		Col("class_code", W, Req, InList("_ActEncounterCode"), Label("Class Code")),
		Col("class_title", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = '_ActEncounterCode' AND lo.option_id = t.class_code")),
		Col("pc_catname", Computed("SELECT c.pc_catname FROM openemr_postcalendar_categories c WHERE CAST(c.pc_catid AS TEXT) = t.pc_catid")),
		Col("pid", As(Int)),
		Col("puuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
		Col("facility", W),
		Col("facility_id", W, Fmt(FormatNumeric), Exists("facility.id")),
		Col("facility_uuid", Computed("SELECT f.uuid FROM facility f WHERE f.id = t.facility_id")),
		Col("facility_name", Computed("SELECT f.name FROM facility f WHERE f.id = t.facility_id")),
		Col("billing_facility_id", Computed("t.billing_facility")),
		Col("billing_facility_uuid", Computed("SELECT f.uuid FROM facility f WHERE f.id = t.billing_facility")),
		Col("billing_facility_name", Computed("SELECT f.name FROM facility f WHERE f.id = t.billing_facility")),
		Col("provider_id", W, Fmt(FormatNumeric), Exists("users.id")),
		Col("provider_uuid", Computed("SELECT u.uuid FROM users u WHERE u.id = t.provider_id")),
		Col("provider_username", Computed("SELECT u.username FROM users u WHERE u.id = t.provider_id")),
		Col("referring_provider_id", W, Fmt(FormatNumeric)),
		Col("referrer_uuid", Computed("SELECT u.uuid FROM users u WHERE u.id = t.referring_provider_id")),
		Col("referrer_username", Computed("SELECT u.username FROM users u WHERE u.id = t.referring_provider_id")),
		Col("ordering_provider_id", W, Fmt(FormatNumeric)),
		Col("discharge_disposition", W),
		Col("discharge_disposition_text", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'discharge-disposition' AND lo.option_id = t.discharge_disposition")),
	},
	Created: Reply{Full: true},
	Updated: Reply{Full: true},
}

// formFields are the columns OpenEMR's encounter forms share.
func formFields(extra ...Field) []Field {
	fs := []Field{
		Col("id", As(Int)), Col("date", Set(AutoNow)), Col("pid", As(Int)), Col("encounter", As(Int), Secret),
		Col("user"), Col("groupname"), Col("authorized"), Col("activity", Default("1")),
	}
	return append(fs, extra...)
}

func numeric(name string) Field { return Col(name, W, As(Decimal)) }

// Vital is form_vitals (§3.3), addressed by numeric pid and encounter
// number.
var Vital = &Def{
	Name: "vital", Table: "form_vitals", ID: "id", Key: "id",
	Binds:   []Bind{PatientByPID, EncounterByNumber},
	Summary: "Vital signs",
	Order:   []string{"id"},
	Fields: append(formFields(
		Col("uuid", Set(AutoUUID)),
		numeric("bps"), numeric("bpd"), numeric("weight"), numeric("height"), numeric("temperature"),
		Col("temp_method", W, Len(1, 255)), numeric("pulse"), numeric("respiration"),
		Col("note", W, Len(1, 255)), numeric("BMI"), Col("BMI_status", W, Len(1, 255)),
		numeric("waist_circ"), numeric("head_circ"), numeric("oxygen_saturation"),
		numeric("oxygen_flow_rate"), numeric("inhaled_oxygen_concentration"),
		numeric("ped_weight_height"), numeric("ped_bmi"), numeric("ped_head_circ"),
		Col("external_id", W),
		Col("last_updated", Set(AutoTouch)),
	),
		Col("puuid", Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
		Col("eid", Computed("t.encounter")),
		Col("euuid", Computed("SELECT e.uuid FROM form_encounter e WHERE e.encounter = t.encounter")),
		Col("form_id", Computed("SELECT f.id FROM forms f WHERE f.formdir = 'vitals' AND f.form_id = t.id")),
		Col("user_uuid", Computed("SELECT u.uuid FROM users u WHERE u.username = t."+`"user"`)),
		Col("user_npi", Computed("SELECT u.npi FROM users u WHERE u.username = t."+`"user"`)),
	),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "vid", Int: true}, {From: "form_id", To: "fid", Int: true}}},
	Updated: Reply{Keys: []KeyAs{{From: "id", To: "vid"}}},
}

// SOAPNote is form_soap (§3.4).
var SOAPNote = &Def{
	Name: "soap_note", Table: "form_soap", ID: "id", Key: "id",
	Binds:   []Bind{PatientByPID, EncounterByNumber},
	Summary: "SOAP notes",
	Order:   []string{"id"},
	Fields: formFields(
		Col("subjective", W, Len(2, 65535)), Col("objective", W, Len(2, 65535)),
		Col("assessment", W, Len(2, 65535)), Col("plan", W, Len(2, 65535)),
	),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "sid", Int: true}, {From: "form_id", To: "fid", Int: true}}},
	Updated: Reply{Keys: []KeyAs{{From: "id", To: "sid"}}},
}

// ListOption is list_options (§3.11), read by list id.
var ListOption = &Def{
	Name: "list", Table: "list_options", Key: "list_id",
	Summary: "Option lists",
	Order:   []string{"seq", "option_id"},
	Fields: append([]Field{Col("list_id"), Col("option_id"), Col("title"), Col("seq")},
		Cols("is_default", "option_value", "mapping", "notes", "codes", "toggle_setting_1", "toggle_setting_2",
			"activity", "subtype", "edit_options", "timestamp", "last_updated")...),
}
