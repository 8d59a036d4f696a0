package demo

import (
	"fmt"
	"strconv"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// specimenKinds are the specimens the demo panels are run on (panel
// specimen, labs.go): SNOMED CT specimen type and what a draw fills, a
// lavender-top (EDTA) tube of whole blood or a serum separator tube.
var specimenKinds = map[string]struct {
	code, name, volume string
}{
	"Blood": {"119297000", "Blood specimen", "3"},
	"Serum": {"119364003", "Serum specimen", "5"},
}

// The lab orders and ordered tests of a patient, read back to give each
// test the specimen collected for it.
var (
	specimenOrders = def("procedure_order", "procedure_order_id",
		col("procedure_order_id", resource.As(resource.Int)), col("patient_id", resource.As(resource.Int)),
		col("date_collected"), col("procedure_order_type"))
	specimenTests = def("procedure_order_code", "",
		col("procedure_order_id", resource.As(resource.Int)), col("procedure_order_seq", resource.As(resource.Int)), col("procedure_code"))
)

// specimens writes the specimen of every test of the patient's lab orders
// (procedure_specimen): drawn by venipuncture when the order was
// collected, labelled with the laboratory's accession number for the
// order and a container number per test.
func (b *batch) specimens(c *chart) error {
	if b.seq["procedure_order"] == 0 {
		return nil // no orders: spare the queries
	}
	orders, err := b.w.List(b.ctx, specimenOrders, emr.Query{
		Where: []emr.Cond{emr.Eq("patient_id", b.pid), emr.Eq("procedure_order_type", "laboratory_test")},
		Sort:  []emr.SortKey{{Field: "procedure_order_id"}},
	})
	if err != nil || len(orders) == 0 {
		return err
	}
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.Str("procedure_order_id")
	}
	tests, err := b.w.List(b.ctx, specimenTests, emr.Query{
		Where: []emr.Cond{{Field: "procedure_order_id", Match: emr.In, Value: ids}},
		Sort:  []emr.SortKey{{Field: "procedure_order_id"}, {Field: "procedure_order_seq"}},
	})
	if err != nil {
		return err
	}
	r := rng("specimens", c.p.n)
	arm := map[string]string{}
	for i, o := range orders {
		collected, err := time.Parse(dateTime, o.Str("date_collected"))
		if err != nil {
			continue
		}
		accession := fmt.Sprintf("CRL%s-%05d%d", collected.Format("060102"), c.p.n%100000, i+1)
		arm[o.Str("procedure_order_id")] = pick(r, []string{"Left antecubital vein", "Right antecubital vein"})
		b.now = collected.Format(dateTime)
		for _, t := range tests {
			if t.Str("procedure_order_id") != o.Str("procedure_order_id") {
				continue
			}
			p := panelByLOINC(t.Str("procedure_code"))
			if p == nil {
				continue
			}
			kind := specimenKinds[p.specimen]
			seq, _ := strconv.Atoi(t.Str("procedure_order_seq"))
			err := b.add(resource.FHIRSpecimen, map[string]any{
				"procedure_order_id": o.Str("procedure_order_id"), "procedure_order_seq": seq, "pid": b.pid,
				"specimen_identifier": fmt.Sprintf("%s-%02d", accession, seq), "accession_identifier": accession,
				"specimen_type_code": kind.code, "specimen_type": kind.name,
				"collection_method_code": "28520004", "collection_method": "Venipuncture for blood test",
				"specimen_location": arm[o.Str("procedure_order_id")], "collected_date": b.now,
				"volume_value": kind.volume, "volume_unit": "mL", "deleted": "0",
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// panelByLOINC is the panel ordered by its LOINC code, or nil.
func panelByLOINC(code string) *panel {
	for i := range panels {
		if panels[i].loinc == code {
			return &panels[i]
		}
	}
	return nil
}
