package resource

// DrugSale is a row of drug_sales (migration 0019), OpenEMR's dispensary
// ledger. The Standard API does not serve it; the demo generator writes
// the dispenses of its prescriptions through it.
var DrugSale = &Def{
	Name: "drug_sale", Table: "drug_sales", ID: "sale_id", Key: "uuid",
	Fields: []Field{
		Col("sale_id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("drug_id", As(Int)), Col("inventory_id", As(Int)), Col("prescription_id", As(Int)),
		Col("pid", As(Int)), Col("encounter", As(Int)), Col("user"),
		Col("sale_date", As(Date)), Col("quantity", As(Int)), Col("fee"), Col("notes", Default("")),
		Col("trans_type", As(Int), Default("1")), Col("pharmacy_supply_type"),
		Col("date_created", As(DateTime), Set(AutoNow)), Col("last_updated", As(DateTime), Set(AutoTouch)),
		Col("created_by", As(Int)), Col("updated_by", As(Int)),
	},
}

// FHIRMedicationDispense reads the view fhir_medication_dispense
// (migration 0019): the dispensary's sales to patients as US Core
// MedicationDispense rows, with the titles of the prescription's dose
// form, route and interval its dosage instruction is written from.
var FHIRMedicationDispense = &Def{
	Name: "fhir_medication_dispense", Table: "fhir_medication_dispense", ID: "uuid", Key: "uuid",
	Order: []string{"uuid"},
	Fields: []Field{
		Col("uuid"), Col("sale_id", As(Int)), Col("pid", As(Int)), Col("encounter", As(Int)),
		Col("drug_id", As(Int)), Col("drug"), Col("rxnorm"), Col("prescription"),
		Col("status"), Col("supply_type"), Col("sale_date", As(Date)), Col("quantity"), Col("dispenser"), Col("note"),
		Col("sig"), Col("dosage"),
		Col("form_title", Computed(optionOf("title", "drug_form", "t.form"))),
		Col("route_title", Computed(optionOf("title", "drug_route", "t.route"))),
		Col("route_codes", Computed(optionOf("codes", "drug_route", "t.route"))),
		Col("interval_title", Computed(optionOf("title", "drug_interval", "t.dose_interval"))),
		Col("supply_type_title", Computed(optionOf("title", "pharmacy_supply_type", "t.supply_type"))),
		// The dispenser is a Practitioner when the user who recorded the
		// sale is one (has an NPI); the dispensing Organization is the
		// facility of the visit, else the one that keeps the records.
		Col("dispenser_id", As(Int), Computed(`SELECT u.id FROM users u WHERE u.username = t.dispenser AND u.username <> ''
			AND COALESCE(u.npi, '') <> '' ORDER BY u.id LIMIT 1`)),
		Col("dispensary_uuid", Computed(`COALESCE((SELECT f.uuid FROM form_encounter e JOIN facility f ON f.id = e.facility_id
			WHERE e.encounter = t.encounter AND e.pid = t.pid), `+dispensaryFallback+`)`)),
		Col("last_updated", As(DateTime)),
	},
}

// dispensaryFallback is the facility that keeps the records (the primary
// business entity, else the first facility), where a sale recorded
// outside a visit was dispensed.
const dispensaryFallback = `COALESCE((SELECT f.uuid FROM facility f WHERE f.primary_business_entity = '1' ORDER BY f.id LIMIT 1),
	(SELECT f.uuid FROM facility f ORDER BY f.id LIMIT 1))`
