package resource

// payerOf reads a column of the policy's insurance company (provider holds
// its id as text, as in OpenEMR).
func payerOf(column string) string {
	return "SELECT c." + column + " FROM insurance_companies c WHERE CAST(c.id AS TEXT) = t.provider"
}

// FHIRCoverage is insurance_data as FHIR Coverage (read only), with the
// payer's uuid, name and insurance type joined in.
var FHIRCoverage = &Def{
	Name: "fhir_coverage", Table: "insurance_data", ID: "id", Key: "uuid",
	Summary: "Patient insurance policies as FHIR Coverage",
	Fields: []Field{
		Col("id", As(Int)),
		Col("uuid"),
		Col("pid", As(Int)),
		Col("type"),
		Col("provider"),
		Col("plan_name"),
		Col("policy_number"),
		Col("group_number"),
		Col("subscriber_fname"),
		Col("subscriber_mname"),
		Col("subscriber_lname"),
		Col("subscriber_relationship"),
		Col("copay"),
		Col("date", As(Date)),
		Col("date_end", As(Date)),
		Col("payer_uuid", Computed(payerOf("uuid"))),
		Col("payer_name", Computed(payerOf("name"))),
		Col("payer_type", Computed(payerOf("ins_type_code"))),
		Col("payer_type_name", Computed(`SELECT it.type FROM insurance_type_codes it, insurance_companies c
			WHERE CAST(c.id AS TEXT) = t.provider AND CAST(it.id AS TEXT) = c.ins_type_code`)),
		// OpenEMR keeps no status: a policy on file is in force over its
		// period (Coverage.period), so the FHIR status is always active.
		Col("status", Computed("'active'")),
	},
}
