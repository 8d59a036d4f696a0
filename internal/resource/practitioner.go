package resource

// practitionerFields are the 29 fields OpenEMR lets practitioner writes
// set and user and practitioner searches filter on (§3.6, §3.7).
var practitionerFields = []Field{
	Col("title", W, S), Col("fname", W, S, Req, Len(2, 255), Label("First Name")),
	Col("lname", W, S, Req, Len(2, 255), Label("Last Name")), Col("mname", W, S),
	Col("federaltaxid", W, S), Col("federaldrugid", W, S), Col("upin", W, S),
	Col("facility_id", W, S, Fmt(FormatNumeric), Exists("facility.id")), Col("facility", W, S),
	Col("npi", W, S, Req, Fmt(FormatNumeric), Len(10, 15), Label("NPI")),
	Col("email", W, S, Fmt(FormatEmail)), Col("specialty", W, S), Col("billname", W, S), Col("url", W, S),
	Col("assistant", W, S), Col("organization", W, S), Col("valedictory", W, S),
	Col("street", W, S), Col("streetb", W, S), Col("city", W, S), Col("state", W, S), Col("zip", W, S),
	Col("phone", W, S), Col("fax", W, S), Col("phonew1", W, S), Col("phonecell", W, S), Col("notes", W, S),
	Col("state_license_number", W, S),
}

// Practitioner is a users row with an NPI (§3.6). Unlike OpenEMR goemr
// never sends the password column: passwords live in users_secure only.
// A practitioner made through the API has no login, so the username
// OpenEMR accepts here is read-only: logins are made with goemr user add.
var Practitioner = &Def{
	Name: "practitioner", Table: "users", ID: "id", Key: "uuid",
	Summary: "Practitioners (users with an NPI)",
	// OpenEMR also asks for a login or a provider address-book type; goemr
	// lists every user with an NPI, so practitioners made through this
	// API (which have neither) can be read back.
	Where: "t.npi <> ''",
	Order: []string{"id"},
	Fields: append(append([]Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("username", S),
	}, practitionerFields...),
		Col("active", Default("1")), Col("authorized"), Col("abook_type"), Col("physician_type"),
		Col("taxonomy"), Col("info"), Col("see_auth"),
		Col("abook_title", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'abook_type' AND lo.option_id = t.abook_type")),
		Col("physician_title", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'physician_type' AND lo.option_id = t.physician_type")),
		Col("physician_code", Computed("SELECT lo.codes FROM list_options lo WHERE lo.list_id = 'physician_type' AND lo.option_id = t.physician_type")),
		Col("date_created", As(Unix), Set(AutoNow)),
		Col("last_updated", As(Unix), Set(AutoTouch)),
	),
	Created: Reply{Keys: []KeyAs{{From: "id", To: "id", Int: true}, {From: "uuid", To: "uuid"}}},
	Updated: Reply{Full: true},
}

// User is the read-only view of users (§3.7), without secrets.
var User = &Def{
	Name: "user", Table: "users", ID: "id", Key: "uuid",
	Summary: "Staff users and address-book entries",
	Order:   []string{"id"},
	Fields: append(append([]Field{
		Col("id", As(Int), S), Col("uuid"), Col("username"),
	}, readOnly(practitionerFields)...),
		Col("active"), Col("authorized"), Col("abook_type"),
		Col("abook_title", Computed("SELECT lo.title FROM list_options lo WHERE lo.list_id = 'abook_type' AND lo.option_id = t.abook_type")),
		Col("last_updated", As(Unix)),
	),
}

// readOnly copies fields without their write permission and rules.
func readOnly(fs []Field) []Field {
	out := make([]Field, len(fs))
	for i, f := range fs {
		f.Write, f.Create, f.Update = false, Rule{}, Rule{}
		out[i] = f
	}
	return out
}
