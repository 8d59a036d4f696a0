package fhirmap

import (
	"context"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// OpenEMR keeps a laboratory result under a report (procedure_report) of
// an ordered test (procedure_order_code) of an order (procedure_order).
// A result written alone goes under a holder: a report with no ordered
// test yet, one per patient, encounter, collection time and specimen, so
// that the next result of the same panel finds it again. A
// DiagnosticReport then claims its results' holder, giving it the ordered
// test (fhir_diagnostic_reports shows only reports that have one).

// labKey is what a holder report is found by.
type labKey struct{ pid, encounter, collected, specimenType, specimenNum string }

// eqOrMissing is field = value, or field empty when value is.
func eqOrMissing(field, value string) emr.Cond {
	if value == "" {
		return emr.Cond{Field: field, Match: emr.Missing, Value: true}
	}
	return emr.Eq(field, value)
}

// labOrderFor finds the active laboratory order of the patient, encounter,
// collection time and specimen type, or creates it; it returns its id.
func labOrderFor(ctx context.Context, w resource.Writer, k labKey) (string, error) {
	rows, err := w.List(ctx, resource.FHIRLabOrder, emr.Query{Where: []emr.Cond{
		emr.Eq("patient_id", k.pid), eqOrMissing("encounter_id", k.encounter), eqOrMissing("date_collected", k.collected),
		eqOrMissing("specimen_type", k.specimenType), emr.Eq("activity", "1"), emr.Eq("procedure_order_type", "laboratory_test"),
	}, Sort: []emr.SortKey{{Field: "procedure_order_id"}}, Limit: 1})
	if err != nil || len(rows) > 0 {
		if len(rows) > 0 {
			return rows[0].Str("procedure_order_id"), nil
		}
		return "", err
	}
	rec, err := w.Insert(ctx, resource.FHIRLabOrder, map[string]any{
		"patient_id": k.pid, "encounter_id": orNil(k.encounter), "date_collected": orNil(k.collected),
		"date_ordered": orNil(k.collected), "order_status": "complete", "order_priority": "normal",
		"specimen_type": orNil(k.specimenType),
	})
	if err != nil {
		return "", err
	}
	return str(rec["procedure_order_id"]), nil
}

// holderReport finds or creates the holder report of k; it returns its id.
func holderReport(ctx context.Context, w resource.Writer, k labKey) (string, error) {
	order, err := labOrderFor(ctx, w, k)
	if err != nil {
		return "", err
	}
	reports, claimed, next, err := orderReports(ctx, w, order)
	if err != nil {
		return "", err
	}
	for _, r := range reports {
		if !claimed[r.Str("procedure_order_seq")] && r.Str("date_collected") == k.collected && r.Str("specimen_num") == k.specimenNum {
			return r.Str("procedure_report_id"), nil
		}
	}
	rec, err := w.Insert(ctx, resource.FHIRLabReport, map[string]any{
		"procedure_order_id": order, "procedure_order_seq": next,
		"date_collected": orNil(k.collected), "specimen_num": orNil(k.specimenNum),
	})
	if err != nil {
		return "", err
	}
	return str(rec["procedure_report_id"]), nil
}

// orderReports are the reports of an order, the sequence numbers that
// have an ordered test (claimed), and the next free sequence number.
func orderReports(ctx context.Context, w resource.Reader, order string) ([]emr.Record, map[string]bool, int, error) {
	reports, err := w.List(ctx, resource.FHIRLabReport, emr.Query{Where: []emr.Cond{emr.Eq("procedure_order_id", order)},
		Sort: []emr.SortKey{{Field: "procedure_report_id"}}})
	if err != nil {
		return nil, nil, 0, err
	}
	codes, err := w.List(ctx, resource.FHIRLabOrderCode, emr.Query{Where: []emr.Cond{emr.Eq("procedure_order_id", order)}})
	if err != nil {
		return nil, nil, 0, err
	}
	claimed, next := map[string]bool{}, 1
	for _, c := range codes {
		claimed[c.Str("procedure_order_seq")] = true
		next = max(next, atoi(c.Str("procedure_order_seq"))+1)
	}
	for _, r := range reports {
		next = max(next, atoi(r.Str("procedure_order_seq"))+1)
	}
	return reports, claimed, next, nil
}

// dropEmptyHolder deletes report when it is a holder with no result left,
// and its order when that has nothing left either.
func dropEmptyHolder(ctx context.Context, w resource.Writer, report string) error {
	reps, err := w.List(ctx, resource.FHIRLabReport, emr.Query{Where: []emr.Cond{emr.Eq("procedure_report_id", report)}})
	if err != nil || len(reps) == 0 {
		return err
	}
	order, seq := reps[0].Str("procedure_order_id"), reps[0].Str("procedure_order_seq")
	n, err := w.Count(ctx, resource.FHIRLabResult, emr.Eq("procedure_report_id", report))
	if err != nil || n > 0 {
		return err
	}
	if n, err := w.Count(ctx, resource.FHIRLabOrderCode, emr.Eq("procedure_order_id", order), emr.Eq("procedure_order_seq", seq)); err != nil || n > 0 {
		return err
	}
	if _, err := w.Delete(ctx, resource.FHIRLabReport, emr.Eq("procedure_report_id", report)); err != nil {
		return err
	}
	reports, _, _, err := orderReports(ctx, w, order)
	if err != nil || len(reports) > 0 {
		return err
	}
	if n, err := w.Count(ctx, resource.FHIRLabOrderCode, emr.Eq("procedure_order_id", order)); err != nil || n > 0 {
		return err
	}
	_, err = w.Delete(ctx, resource.FHIRLabOrder, emr.Eq("procedure_order_id", order))
	return err
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
