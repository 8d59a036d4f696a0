package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// prescriptionOptions are the option lists a prescription's form, route
// and interval columns hold ids of, by the title key medicationDosageFrom
// names them with.
var prescriptionOptions = []struct{ title, col, list, path string }{
	{"form_title", "form", "drug_form", "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity.unit"},
	{"route_title", "route", "drug_route", "MedicationRequest.dosageInstruction.route"},
	{"interval_title", "interval", "drug_interval", "MedicationRequest.dosageInstruction.timing"},
}

// medicationRequestStore writes a prescription, its options by id. A
// medication list entry (the patient's own list, which the read also
// shows as MedicationRequest) is not a prescription and is not rewritten
// here: the Standard API's medication routes write it.
func medicationRequestStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	if current != nil && current.Str("source") != "prescriptions" {
		return "", emr.Errorf(emr.EINVALID, "MedicationRequest/%s is an entry of the patient's medication list, which FHIR does not update", current.Str("uuid"))
	}
	row := make(map[string]any, len(v))
	for k, val := range v {
		row[k] = val
	}
	delete(row, "pid")
	for _, o := range prescriptionOptions {
		delete(row, o.title)
		id, err := optionID(ctx, w, o.list, v[o.title].(string))
		if err != nil {
			return "", err
		}
		if id == "" && v[o.title] != "" {
			return "", invalid(o.path, "%q is not among OpenEMR's %s options", v[o.title], o.list)
		}
		row[o.col] = id
	}
	if current == nil {
		rec, err := w.Insert(ctx, resource.FHIRPrescriptionWrite, row)
		return rec.Str("uuid"), err
	}
	_, err := w.Update(ctx, resource.FHIRPrescriptionWrite, row, emr.Eq("uuid", current.Str("uuid")))
	return current.Str("uuid"), err
}

// optionID is the id of the option of list titled title (ignoring case,
// as "ml" and UCUM's "mL" name the same form), "" when there is none.
func optionID(ctx context.Context, r resource.Reader, list, title string) (string, error) {
	if title == "" {
		return "", nil
	}
	opts, err := r.List(ctx, resource.ListOption, emr.Query{Where: []emr.Cond{emr.Eq("list_id", list)}})
	if err != nil {
		return "", err
	}
	for _, o := range opts {
		if strings.EqualFold(strings.TrimSpace(o.Str("title")), title) {
			return o.Str("option_id"), nil
		}
	}
	return "", nil
}
