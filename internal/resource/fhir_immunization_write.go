package resource

// FHIRImmunizationWrite is the immunizations columns FHIR creates and
// updates of Immunization store (the Standard API reads immunizations
// only, so no OpenEMR write rules exist): a dose of a patient, coded in
// CVX, with when it was given, by whom, at which encounter, and how.
// create_date is when the dose was recorded, update_date when the row
// last changed, as OpenEMR's immunization form keeps them.
var FHIRImmunizationWrite = &Def{
	Name: "fhir_immunization", Table: "immunizations", ID: "id", Key: "uuid",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("patient_id", W, Req, As(Int)),
		Col("cvx_code", W, Req, Label("CVX code")),
		Col("administered_date", W, Label("Administered date")),
		Col("administered_by_id", W, As(Int)), Col("administered_by", W),
		Col("encounter_id", W, As(Int)),
		Col("manufacturer", W), Col("lot_number", W), Col("expiration_date", W, As(Date)),
		Col("amount_administered", W), Col("amount_administered_unit", W),
		Col("route", W), Col("administration_site", W), Col("note", W),
		Col("completion_status", W), Col("refusal_reason", W), Col("information_source", W),
		Col("added_erroneously", W, Default("0")),
		Col("create_date", W, Set(AutoNow)),
		Col("update_date", Set(AutoTouch)),
	},
}
