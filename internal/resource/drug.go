package resource

// Drug is drugs with its first inventory lot (openemr-standard-api.md
// §3.18), read only and without search parameters. rxnorm_drugcode is the
// RxNorm code a prescription of the drug carries, else the drug's own
// drug_code; restapi's presenter expands drug_code into OpenEMR's code map
// when there is one.
var Drug = &Def{
	Name: "drug", Table: "drugs", ID: "drug_id", Key: "uuid",
	Summary: "Drugs of the formulary with their inventory",
	Order:   []string{"drug_id"},
	Fields: []Field{
		Col("drug_id", As(Int)),
		Col("uuid", Set(AutoUUID)),
		Col("name"),
		Col("ndc_number"),
		Col("form"),
		Col("size"),
		Col("unit"),
		Col("route"),
		Col("related_code"),
		Col("active"),
		Col("drug_code", Shaped),
		Col("rxnorm_drugcode", Computed(`COALESCE((SELECT p.rxnorm_drugcode FROM prescriptions p
			WHERE p.drug_id = t.drug_id AND p.rxnorm_drugcode <> '' ORDER BY p.id LIMIT 1), t.drug_code, '')`)),
		Col("manufacturer", Computed(firstLot("manufacturer"))),
		Col("lot_number", Computed(firstLot("lot_number"))),
		Col("expiration", Computed(firstLot("expiration"))),
		Col("drug_last_updated", Computed("t.last_updated")),
		Col("drug_date_created", Computed("t.date_created")),
	},
}

// firstLot reads column of the drug's oldest inventory lot. OpenEMR joins
// every lot (and every prescription) and so repeats a drug once per lot;
// goemr sends each drug once, so that a uuid names one item.
func firstLot(column string) string {
	return "SELECT i." + column + " FROM drug_inventory i WHERE i.drug_id = t.drug_id ORDER BY i.inventory_id LIMIT 1"
}
