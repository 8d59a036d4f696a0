package resource

// FHIRMedication is drugs, the formulary, as FHIR Medication (read only):
// the drug's code and name, its dose form and its oldest inventory lot.
var FHIRMedication = &Def{
	Name: "fhir_medication", Table: "drugs", ID: "drug_id", Key: "uuid",
	Summary: "Formulary drugs as FHIR Medication",
	Fields: []Field{
		Col("drug_id", As(Int)),
		Col("uuid"),
		Col("name"),
		Col("drug_code"),
		Col("active"),
		Col("last_updated", As(DateTime)),
		Col("form_title", Computed(optionOf("title", "drug_form", "t.form"))),
		Col("lot_number", Computed(firstLot("lot_number"))),
		Col("expiration", Computed(firstLot("expiration"))),
	},
}
