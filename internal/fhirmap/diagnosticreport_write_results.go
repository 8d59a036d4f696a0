package fhirmap

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// heldResult is a result a DiagnosticReport names, where it is kept now:
// its report and order, the order's encounter, its specimen's type (the
// order's) and number (the report's), and whether that report already has
// an ordered test (is another DiagnosticReport).
type heldResult struct {
	uuid, id, report, order, encounter string
	specimenType, specimenNum          string
	claimed                            bool
}

// heldResults finds the results uuids name, which must be the patient's
// and of no other encounter than enc.
func heldResults(ctx context.Context, w resource.Reader, uuids []string, pid, enc string) ([]heldResult, error) {
	var out []heldResult
	for _, u := range uuids {
		r, err := oneRow(ctx, w, resource.FHIRLabResult, "uuid", u)
		if err != nil {
			return nil, err
		}
		rep, err := oneRow(ctx, w, resource.FHIRLabReport, "procedure_report_id", r.Str("procedure_report_id"))
		if err != nil {
			return nil, err
		}
		o, err := oneRow(ctx, w, resource.FHIRLabOrder, "procedure_order_id", rep.Str("procedure_order_id"))
		if err != nil {
			return nil, err
		}
		switch {
		case o.Str("patient_id") != pid:
			return nil, invalid("DiagnosticReport.result", "Observation/%s is another patient's", u)
		case enc != "" && o.Str("encounter_id") != "" && o.Str("encounter_id") != enc:
			return nil, invalid("DiagnosticReport.result", "Observation/%s was made in another encounter", u)
		}
		n, err := w.Count(ctx, resource.FHIRLabOrderCode, emr.Eq("procedure_order_id", o.Str("procedure_order_id")),
			emr.Eq("procedure_order_seq", rep.Str("procedure_order_seq")))
		if err != nil {
			return nil, err
		}
		out = append(out, heldResult{uuid: u, id: r.Str("procedure_result_id"), report: rep.Str("procedure_report_id"),
			order: o.Str("procedure_order_id"), encounter: o.Str("encounter_id"), claimed: n > 0,
			specimenType: o.Str("specimen_type"), specimenNum: rep.Str("specimen_num")})
	}
	return out, nil
}

// reportOrderFor checks that an updated report keeps its order's patient;
// a new encounter is the order's when the order holds nothing else.
func reportOrderFor(ctx context.Context, w resource.Writer, order, pid, enc string, held []heldResult) error {
	o, err := oneRow(ctx, w, resource.FHIRLabOrder, "procedure_order_id", order)
	if err != nil {
		return err
	}
	switch {
	case o.Str("patient_id") != pid:
		return invalid("DiagnosticReport.subject", "a report's patient cannot change")
	case o.Str("encounter_id") == enc || enc == "":
		return nil
	}
	reports, _, _, err := orderReports(ctx, w, order)
	if err != nil {
		return err
	}
	if len(reports) > 1 {
		return invalid("DiagnosticReport.encounter", "the encounter is the order's, which holds other reports too")
	}
	_, err = w.Update(ctx, resource.FHIRLabOrder, map[string]any{"encounter_id": enc}, emr.Eq("procedure_order_id", order))
	return err
}

// setOrderedTest writes the test (LOINC code and name) report seq of
// order answers.
func setOrderedTest(ctx context.Context, w resource.Writer, order, seq string, v map[string]any) error {
	test := map[string]any{"procedure_code": v["procedure_code"], "procedure_name": v["procedure_name"],
		"procedure_order_title": v["procedure_name"], "procedure_type": "laboratory_test"}
	n, err := w.Update(ctx, resource.FHIRLabOrderCode, test, emr.Eq("procedure_order_id", order), emr.Eq("procedure_order_seq", seq))
	if err != nil || n > 0 {
		return err
	}
	test["procedure_order_id"], test["procedure_order_seq"] = order, seq
	_, err = w.Insert(ctx, resource.FHIRLabOrderCode, test)
	return err
}

// setReportLab makes the lab with uuid lab the order's, when one is named.
func setReportLab(ctx context.Context, w resource.Writer, order, lab string) error {
	if lab == "" {
		return nil
	}
	rows, err := w.List(ctx, resource.LabProvider, emr.Query{Where: []emr.Cond{emr.Eq("uuid", lab)}, Limit: 1})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return invalid("DiagnosticReport.performer", "Organization/%s is not a laboratory known here", lab)
	}
	_, err = w.Update(ctx, resource.FHIRLabOrder, map[string]any{"lab_id": rows[0].Str("ppid")}, emr.Eq("procedure_order_id", order))
	return err
}

// moveResults puts the wanted results under report (emptied holders they
// leave are deleted), and results report holds but no longer names under
// a holder of their own.
func moveResults(ctx context.Context, w resource.Writer, report string, held []heldResult, target emr.Record) error {
	keep := map[string]bool{}
	var in []string
	left := map[string]bool{}
	for _, h := range held {
		keep[h.uuid] = true
		if h.report != report {
			in = append(in, h.uuid)
			left[h.report] = true
		}
	}
	if len(in) > 0 {
		if _, err := w.Update(ctx, resource.FHIRLabResult, map[string]any{"procedure_report_id": report},
			emr.Cond{Field: "uuid", Match: emr.In, Value: in}); err != nil {
			return err
		}
	}
	for old := range left {
		if err := dropEmptyHolder(ctx, w, old); err != nil {
			return err
		}
	}
	rows, err := w.List(ctx, resource.FHIRLabResult, emr.Query{Where: []emr.Cond{emr.Eq("procedure_report_id", report)}})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if keep[r.Str("uuid")] {
			continue
		}
		o, err := oneRow(ctx, w, resource.FHIRLabOrder, "procedure_order_id", target.Str("procedure_order_id"))
		if err != nil {
			return err
		}
		holder, err := holderReport(ctx, w, labKey{pid: o.Str("patient_id"), encounter: o.Str("encounter_id"),
			collected: target.Str("date_collected"), specimenType: o.Str("specimen_type"), specimenNum: target.Str("specimen_num")})
		if err != nil {
			return err
		}
		if _, err := w.Update(ctx, resource.FHIRLabResult, map[string]any{"procedure_report_id": holder},
			emr.Eq("procedure_result_id", r.Str("procedure_result_id"))); err != nil {
			return err
		}
	}
	return nil
}
