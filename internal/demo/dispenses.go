package demo

import (
	"strconv"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// rxForDispense is a patient's prescription as the clinic's dispensary
// fills it: the formulary drug and its oldest lot, how much and how often.
var rxForDispense = &resource.Def{
	Name: "prescription", Table: "prescriptions", ID: "id",
	Fields: []resource.Field{
		col("id", resource.As(resource.Int)), col("patient_id", resource.As(resource.Int)),
		col("drug_id", resource.As(resource.Int)), col("encounter"), col("date_added"), col("start_date"), col("end_date"),
		col("quantity"), col("refills"),
		col("inventory_id", resource.Computed("SELECT MIN(i.inventory_id) FROM drug_inventory i WHERE i.drug_id = t.drug_id")),
	},
}

// dispenses writes what the clinic's own dispensary handed over (OpenEMR
// drug_sales) for about half the patient's prescriptions, the others
// being filled at outside pharmacies: the first fill on the day it was
// written and, for a prescription with refills, a refill each time the
// supply runs out, up to the refills written and while it runs. Each
// hands over the full quantity prescribed (HL7 v3 ActPharmacySupplyType
// FFC, first fill - complete, and RFC, refill - complete).
func (b *batch) dispenses(c *chart) error {
	if b.seq["prescriptions"] == 0 {
		return nil
	}
	rxs, err := b.w.List(b.ctx, rxForDispense, emr.Query{
		Where: []emr.Cond{emr.Eq("patient_id", b.pid)}, Sort: []emr.SortKey{{Field: "id"}},
	})
	if err != nil {
		return err
	}
	r := rng("dispenses", c.p.n)
	for _, rx := range rxs {
		if r.IntN(100) >= 55 || rx.Str("inventory_id") == "" {
			continue
		}
		added, err := time.Parse(dateTime, rx.Str("date_added"))
		if err != nil {
			continue
		}
		end := Anchor
		if e, err := time.Parse(dateOnly, rx.Str("end_date")); err == nil && e.Before(end) {
			end = e
		}
		quantity, _ := strconv.Atoi(rx.Str("quantity"))
		refills, _ := strconv.Atoi(rx.Str("refills"))
		days := 30 // a month's supply, or an inhaler or tube of cream
		if quantity >= 90 {
			days = 90
		}
		at := added.Add(30 * time.Minute)
		for fill := 0; fill <= refills && at.Before(end); fill++ {
			kind := map[bool]string{true: "FFC", false: "RFC"}[fill == 0]
			encounter := any(0)
			if fill == 0 && rx.Str("encounter") != "" {
				encounter = rx.Str("encounter")
			}
			b.now = at.Format(dateTime)
			err := b.add(resource.DrugSale, map[string]any{
				"drug_id": rx.Str("drug_id"), "inventory_id": rx.Str("inventory_id"), "prescription_id": rx.Str("id"),
				"pid": b.pid, "encounter": encounter, "user": AdminUser, "sale_date": at.Format(dateOnly),
				"quantity": quantity, "fee": "0.00", "trans_type": 1, "pharmacy_supply_type": kind,
				"created_by": b.sh.admin, "updated_by": b.sh.admin,
			})
			if err != nil {
				return err
			}
			at = time.Date(at.Year(), at.Month(), at.Day()+days-r.IntN(6), 9+r.IntN(8), 15*r.IntN(4), 0, 0, time.UTC)
		}
	}
	return nil
}
