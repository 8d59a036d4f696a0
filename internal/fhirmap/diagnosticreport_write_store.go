package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// storeReport writes what reportFromFHIR mapped. A create claims the
// holder report its results were written under when they are all of it
// (Synthea and most senders write the results first), giving it the
// ordered test; otherwise it writes a new report (under its results'
// order when they share one) and moves the results into it. An update
// rewrites the report, its test and its results. The id is the report's
// uuid.
func storeReport(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	pid, enc := str(v["pid"]), str(v["encounter"])
	var want []string
	if s := str(v["results"]); s != "" {
		want = strings.Split(s, ",")
	}
	held, err := heldResults(ctx, w, want, pid, enc)
	if err != nil {
		return "", err
	}
	report := map[string]any{}
	for _, c := range []string{"date_collected", "date_report", "report_status", "report_notes"} {
		report[c] = v[c]
	}
	var target emr.Record
	if current != nil {
		if target, err = oneRow(ctx, w, resource.FHIRLabReport, "uuid", current.Str("id")); err != nil {
			return "", err
		}
		if err := reportOrderFor(ctx, w, target.Str("procedure_order_id"), pid, enc, held); err != nil {
			return "", err
		}
		if _, err := w.Update(ctx, resource.FHIRLabReport, report, emr.Eq("procedure_report_id", target.Str("procedure_report_id"))); err != nil {
			return "", err
		}
	} else if target, err = reportTarget(ctx, w, v, held, report); err != nil {
		return "", err
	}
	order, seq, id := target.Str("procedure_order_id"), target.Str("procedure_order_seq"), target.Str("procedure_report_id")
	for _, h := range held {
		if h.claimed && h.report != id {
			return "", invalid("DiagnosticReport.result", "Observation/%s is a result of another DiagnosticReport", h.uuid)
		}
	}
	if err := setOrderedTest(ctx, w, order, seq, v); err != nil {
		return "", err
	}
	if err := setReportLab(ctx, w, order, str(v["lab_uuid"])); err != nil {
		return "", err
	}
	return target.Str("uuid"), moveResults(ctx, w, id, held, target)
}

// reportTarget is the report a new DiagnosticReport is: its results'
// holder when they are exactly that holder's results, else a new report
// of one of their orders (or of the patient, encounter, time and their
// specimen), of their specimen.
func reportTarget(ctx context.Context, w resource.Writer, v map[string]any, held []heldResult, report map[string]any) (emr.Record, error) {
	enc, order := str(v["encounter"]), ""
	specimenType, specimenNum, err := heldSpecimen(held)
	if err != nil {
		return nil, err
	}
	if len(held) > 0 {
		h0, same := held[0], true
		for _, h := range held {
			same = same && h.report == h0.report
		}
		if same && !h0.claimed && (enc == "" || h0.encounter == enc) {
			n, err := w.Count(ctx, resource.FHIRLabResult, emr.Eq("procedure_report_id", h0.report))
			if err != nil {
				return nil, err
			}
			if n == len(held) {
				_, err := w.Update(ctx, resource.FHIRLabReport, report, emr.Eq("procedure_report_id", h0.report))
				if err != nil {
					return nil, err
				}
				return oneRow(ctx, w, resource.FHIRLabReport, "procedure_report_id", h0.report)
			}
		}
	}
	for _, h := range held {
		if order == "" && (enc == "" || h.encounter == enc) {
			order = h.order
		}
	}
	if order == "" {
		key := labKey{pid: str(v["pid"]), encounter: enc, collected: str(v["date_collected"]), specimenType: specimenType}
		if order, err = labOrderFor(ctx, w, key); err != nil {
			return nil, err
		}
	}
	_, _, next, err := orderReports(ctx, w, order)
	if err != nil {
		return nil, err
	}
	report["procedure_order_id"], report["procedure_order_seq"], report["specimen_num"] = order, next, orNil(specimenNum)
	rec, err := w.Insert(ctx, resource.FHIRLabReport, report)
	if err != nil {
		return nil, err
	}
	return oneRow(ctx, w, resource.FHIRLabReport, "procedure_report_id", str(rec["procedure_report_id"]))
}

// heldSpecimen is the specimen (type and number) the results share: a
// report is of one specimen (OpenEMR keeps its type on the order, its
// number on the report).
func heldSpecimen(held []heldResult) (typ, num string, err error) {
	for i, h := range held {
		if i > 0 && (h.specimenType != typ || h.specimenNum != num) {
			return "", "", invalid("DiagnosticReport.result", "Observation/%s is of another specimen than Observation/%s: a report is of one", h.uuid, held[0].uuid)
		}
		typ, num = h.specimenType, h.specimenNum
	}
	return typ, num, nil
}

// oneRow is the row of d whose field is value.
func oneRow(ctx context.Context, w resource.Reader, d *resource.Def, field, value string) (emr.Record, error) {
	rows, err := w.List(ctx, d, emr.Query{Where: []emr.Cond{emr.Eq(field, value)}, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, emr.Errorf(emr.ENOTFOUND, "%s %s is not known", d.Table, value)
	}
	return rows[0], nil
}
