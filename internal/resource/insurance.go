package resource

// Coverage slots a policy can fill (insurance_data.type).
var CoverageTypes = []string{"primary", "secondary", "tertiary"}

// PolicyTypes are the 837P insurance policy types OpenEMR accepts
// (InsurancePolicyTypes::POLICY_TYPES); the empty "not applicable" one is
// the optional field left empty.
var PolicyTypes = []string{"12", "13", "14", "15", "16", "41", "42", "43", "47"}

// sub declares an optional subscriber field of 2–255 characters.
func sub(name string) Field { return Col(name, W, S, Len(2, 255)) }

// Insurance is insurance_data, a patient's policy (openemr-standard-api.md
// §3.13): every column, then puuid and insureruuid. The rules are
// CoverageValidator's that a Def can state; the ones that need the patient
// or the patient's other policies (self subscriber, one policy per type
// and date, one open-ended policy per type, date_end present with date)
// are checked by the handlers. On update only type is required.
var Insurance = &Def{
	Name: "insurance", Table: "insurance_data", ID: "id", Key: "uuid",
	Binds:   []Bind{PatientByUUID},
	Summary: "Patient insurance policies (coverage)",
	Order:   []string{"type", "date DESC"},
	Fields: []Field{
		Col("id", As(Int), S),
		Col("uuid", S, Set(AutoUUID)),
		Col("type", W, S, Sorted, ReqAlways, OneOf(CoverageTypes...)),
		Col("provider", W, S, Req, Fmt(FormatNumeric)),
		sub("plan_name"),
		Col("policy_number", W, S, Req, Len(2, 255)),
		sub("group_number"),
		Col("subscriber_lname", W, S, Req, Len(2, 255)),
		Col("subscriber_mname", W, S, Len(1, 255)),
		Col("subscriber_fname", W, S, Req, Len(1, 255)),
		Col("subscriber_relationship", W, S, Req, InList("sub_relation")),
		Col("subscriber_ss", W, S),
		Col("subscriber_DOB", W, S, Req, As(Date)),
		Col("subscriber_street", W, S, Req, Len(2, 255)),
		Col("subscriber_postal_code", W, S, Req, Len(2, 255)),
		Col("subscriber_city", W, S, Req, Len(2, 255)),
		Col("subscriber_state", W, S, Req, InList("state")),
		Col("subscriber_country", W, S, InList("country")),
		sub("subscriber_phone"),
		sub("subscriber_employer"),
		sub("subscriber_employer_street"),
		sub("subscriber_employer_postal_code"),
		Col("subscriber_employer_state", W, S, InList("state")),
		Col("subscriber_employer_country", W, S, InList("country")),
		sub("subscriber_employer_city"),
		sub("copay"),
		Col("date", W, S, Sorted, Req, As(Date)),
		Col("pid", As(Int), S),
		Col("subscriber_sex", W, S, Req, InList("sex")),
		Col("accept_assignment", W, S, Req, OneOf("TRUE", "FALSE")),
		Col("policy_type", W, S, OneOf(PolicyTypes...)),
		Col("date_end", W, S, As(Date)),
		Col("subscriber_street_line_2", S),
		Col("subscriber_employer_street_line_2", S),
		Col("puuid", S, Computed("SELECT p.uuid FROM patient_data p WHERE p.pid = t.pid")),
		Col("insureruuid", Computed("SELECT c.uuid FROM insurance_companies c WHERE CAST(c.id AS TEXT) = t.provider")),
	},
	Created: Reply{Full: true},
	Updated: Reply{Full: true},
}
