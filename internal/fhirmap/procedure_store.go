package fhirmap

import (
	"context"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// procedureStore writes a performed procedure as OpenEMR records one: a
// procedure order of type procedure marked as history (recorded after
// the fact, not ordered here), its one code, and the report whose uuid is
// the Procedure's id. The order's date is when it was recorded, which the
// view shows as lastUpdated. An update rewrites the three rows of an
// order's report, and the report's on every write, so that its version
// moves; a surgery on the patient's list is written by the Standard
// API's surgery routes, not here.
func procedureStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	order := map[string]any{"patient_id": v["pid"], "encounter_id": v["encounter_id"], "provider_id": v["provider_id"],
		"date_ordered": time.Now().UTC().Format("2006-01-02 15:04:05"), "date_collected": v["date_collected"],
		"order_diagnosis": v["diagnoses"]}
	code := map[string]any{"procedure_code": v["procedure_code"], "procedure_name": v["procedure_name"],
		"procedure_order_title": v["procedure_name"], "diagnoses": v["diagnoses"], "date_end": v["date_end"]}
	report := map[string]any{"date_collected": v["date_collected"], "report_status": v["report_status"], "report_notes": v["report_notes"]}
	if current == nil {
		order["order_status"], order["activity"], order["procedure_order_type"], order["history_order"] = "complete", "1", "procedure", "1"
		o, err := w.Insert(ctx, resource.FHIRProcedureOrderWrite, order)
		if err != nil {
			return "", err
		}
		code["procedure_order_id"], code["procedure_order_seq"], code["procedure_type"] = o["procedure_order_id"], 1, "procedure"
		if _, err := w.Insert(ctx, resource.FHIRProcedureCodeWrite, code); err != nil {
			return "", err
		}
		report["procedure_order_id"], report["procedure_order_seq"], report["review_status"] = o["procedure_order_id"], 1, "reviewed"
		r, err := w.Insert(ctx, resource.FHIRProcedureReportWrite, report)
		return r.Str("uuid"), err
	}
	id := current.Str("id")
	if current.Str("source") != "order" {
		return "", emr.Errorf(emr.EINVALID, "Procedure/%s is a surgery on the patient's list, which FHIR does not update", id)
	}
	reps, err := w.List(ctx, resource.FHIRProcedureReportWrite, emr.Query{Where: []emr.Cond{emr.Eq("uuid", id)}, Limit: 1})
	if err != nil {
		return "", err
	}
	if len(reps) == 0 {
		return "", emr.Errorf(emr.ENOTFOUND, "Procedure/%s has no report", id)
	}
	oid, seq := reps[0].Str("procedure_order_id"), reps[0].Str("procedure_order_seq")
	if _, err := w.Update(ctx, resource.FHIRProcedureOrderWrite, order, emr.Eq("procedure_order_id", oid)); err != nil {
		return "", err
	}
	if _, err := w.Update(ctx, resource.FHIRProcedureCodeWrite, code, emr.Eq("procedure_order_id", oid), emr.Eq("procedure_order_seq", seq)); err != nil {
		return "", err
	}
	_, err = w.Update(ctx, resource.FHIRProcedureReportWrite, report, emr.Eq("uuid", id))
	return id, err
}
