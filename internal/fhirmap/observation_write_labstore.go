package fhirmap

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// labResultColumns are the procedure_result columns labFromFHIR maps.
var labResultColumns = []string{
	"result_code", "result_text", "date", "date_collected", "result_data_type", "result", "units",
	"value_codes", "range", "abnormal", "comments", "result_status",
}

// storeLab writes a laboratory result labFromFHIR mapped. A create puts it
// under the holder report of its patient, encounter, collection time and
// specimen (created when there is none). An update rewrites the row, and
// moves it to another holder only when what its report and order record
// (patient, encounter, specimen) changed: a result keeps its own
// collection time, so a new time leaves it in its report. The id is the
// result's uuid.
func storeLab(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	cols := map[string]any{}
	for _, c := range labResultColumns {
		cols[c] = v[c]
	}
	key := labKey{pid: str(v["pid"]), encounter: str(v["encounter"]), collected: str(v["date_collected"]),
		specimenType: str(v["specimen_type"]), specimenNum: str(v["specimen_num"])}
	if current == nil {
		report, err := holderReport(ctx, w, key)
		if err != nil {
			return "", err
		}
		cols["procedure_report_id"] = report
		rec, err := w.Insert(ctx, resource.FHIRLabResult, cols)
		return str(rec["uuid"]), err
	}
	id := current.Str("id")
	rows, err := w.List(ctx, resource.FHIRLabResult, emr.Query{Where: []emr.Cond{emr.Eq("uuid", id)}})
	if err != nil || len(rows) == 0 {
		return "", err
	}
	old := rows[0].Str("procedure_report_id")
	reps, err := w.List(ctx, resource.FHIRLabReport, emr.Query{Where: []emr.Cond{emr.Eq("procedure_report_id", old)}})
	if err != nil || len(reps) == 0 {
		return "", err
	}
	orders, err := w.List(ctx, resource.FHIRLabOrder, emr.Query{Where: []emr.Cond{emr.Eq("procedure_order_id", reps[0].Str("procedure_order_id"))}})
	if err != nil || len(orders) == 0 {
		return "", err
	}
	o := orders[0]
	moved := o.Str("patient_id") != key.pid || o.Str("encounter_id") != key.encounter ||
		o.Str("specimen_type") != key.specimenType || reps[0].Str("specimen_num") != key.specimenNum
	if moved {
		if cols["procedure_report_id"], err = holderReport(ctx, w, key); err != nil {
			return "", err
		}
	}
	if _, err := w.Update(ctx, resource.FHIRLabResult, cols, emr.Eq("procedure_result_id", rows[0].Str("procedure_result_id"))); err != nil {
		return "", err
	}
	if moved {
		return id, dropEmptyHolder(ctx, w, old)
	}
	return id, nil
}
