package resource

// Transaction is a patient transaction row (openemr-standard-api.md §3.17):
// title names its form (LBTref is a referral); the form's fields are
// lbt_data rows keyed by form_id = id.
var Transaction = &Def{
	Name: "transaction", Table: "transactions", ID: "id", Key: "id",
	Binds:   []Bind{PatientByPID},
	Summary: "Patient transactions (referrals)",
	Order:   []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("date", Set(AutoNow)), Col("title"), Col("pid", As(Int)),
		Col("user"), Col("groupname"), Col("authorized", Default("1")),
	},
}

// LBTData is one field of a transaction form (lbt_data).
var LBTData = &Def{
	Name: "lbt_data", Table: "lbt_data",
	Fields: []Field{Col("form_id", As(Int)), Col("field_id"), Col("field_value")},
}

// ReferralFields are the lbt_data field ids the API reads and writes, in
// OpenEMR's order, with the body key each is written from. refer_from and
// refer_to hold the users.id of the NPIs sent as referByNpi / referToNpi.
var ReferralFields = []struct{ Field, Input string }{
	{"body", "body"}, {"refer_date", "referralDate"}, {"refer_diag", "referDiagnosis"},
	{"refer_from", "referByNpi"}, {"refer_to", "referToNpi"}, {"refer_risk_level", "riskLevel"},
	{"refer_vitals", "includeVitals"}, {"refer_authorization", "authorization"},
	{"refer_visits", "visits"}, {"refer_validFrom", "validFrom"}, {"refer_validThrough", "validThrough"},
}

// transactionView pivots each transaction's lbt_data rows into columns in
// one pass (OpenEMR's PatientTransactionService select): the rows of a
// patient, fields included, are one query.
var transactionView = func() string {
	s := "(SELECT tr.id, tr.pid, tr.title, tr.groupname, tr.authorized"
	for _, f := range ReferralFields {
		s += ", MAX(CASE WHEN d.field_id = '" + f.Field + "' THEN d.field_value ELSE '' END) AS " + f.Field
	}
	return s + " FROM transactions tr LEFT JOIN lbt_data d ON d.form_id = tr.id" +
		" GROUP BY tr.id, tr.pid, tr.title, tr.groupname, tr.authorized)"
}()

// TransactionRow is the read view of a transaction: the row keys OpenEMR
// sends (form_id, title, groupname, authorized and the referral fields).
var TransactionRow = &Def{
	Name: "transaction", Table: transactionView, ID: "id", Key: "id",
	Binds: []Bind{PatientByPID},
	Order: []string{"id"},
	Fields: func() []Field {
		fs := []Field{Col("form_id", Computed("t.id")), Col("title"), Col("groupname"), Col("authorized")}
		for _, f := range ReferralFields {
			fs = append(fs, Col(f.Field))
		}
		return fs
	}(),
}

// transactionBody is the request body of POST and PUT transaction. With
// referral set, the LBTref rules apply: referralDate, body, groupname and
// referByNpi are required. Formats are checked for every type.
func transactionBody(referral bool) *Def {
	req := func(f Field) Field {
		if referral {
			f.Create.Required = true
		}
		return f
	}
	return &Def{
		Name: "transaction",
		Fields: []Field{
			Col("type", W, Req, InList("transactions")),
			req(Col("groupname", W, Len(0, 255))),
			req(Col("body", W, Len(2, 150))),
			req(Col("referralDate", W, As(Date))),
			Col("referDiagnosis", W, Len(0, 255)),
			req(Col("referByNpi", W)),
			Col("referToNpi", W),
			Col("riskLevel", W), Col("includeVitals", W), Col("authorization", W), Col("visits", W),
			Col("validFrom", W, As(Date)),
			Col("validThrough", W, As(Date)),
		},
	}
}

// TransactionBody and ReferralBody validate transaction bodies of any type
// and of type LBTref.
var (
	TransactionBody = transactionBody(false)
	ReferralBody    = transactionBody(true)
)

// UserByNPI resolves a practitioner's NPI to the users.id lbt_data stores.
var UserByNPI = Bind{Param: "npi", Table: "users", By: "npi", Take: "id"}
