package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// formColumns are the form_observation columns formFromFHIR maps; an
// item (a component) has its own code and value columns.
var (
	formColumns = []string{"date", "date_end", "code", "ob_code", "code_type", "description", "observation", "ob_type",
		"category", "ob_status", "ob_value", "ob_unit", "ob_value_code_description"}
	formItemColumns = []string{"code", "ob_code", "code_type", "description", "observation", "ob_value", "ob_unit",
		"ob_value_code_description"}
)

// storeForm writes an Observation form row formFromFHIR mapped. A create
// is a new form (numbered, and registered in forms as OpenEMR's
// Observation form is), its components items of it; the observations it
// names as members become its items. An update rewrites the row, and its
// items are then exactly its members. The id is the row's uuid.
func storeForm(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	user, err := userName(ctx, w, str(v["performer"]))
	if err != nil {
		return "", err
	}
	row := map[string]any{"pid": v["pid"], "encounter": orNil(v["encounter"]), "user": user,
		"questionnaire_response_id": orNil(v["questionnaire_response_id"])}
	for _, c := range formColumns {
		row[c] = v[c]
	}
	items, _ := v["items"].([]map[string]any)
	if current != nil {
		if len(items) > 0 {
			return "", invalid("Observation.component", "the components of a stored observation are its items: update them as Observations of their own")
		}
		id := current.Str("id")
		rows, err := w.List(ctx, resource.FHIRFormObservationWrite, emr.Query{Where: []emr.Cond{emr.Eq("uuid", id)}})
		if err != nil || len(rows) == 0 {
			return "", err
		}
		if _, err := w.Update(ctx, resource.FHIRFormObservationWrite, row, emr.Eq("id", rows[0].Str("id"))); err != nil {
			return "", err
		}
		return id, setFormItems(ctx, w, rows[0].Str("id"), rows[0].Str("form_id"), str(v["pid"]), str(v["members"]), true)
	}
	row["groupname"], row["authorized"], row["activity"] = "Default", 1, 1
	rec, err := w.Insert(ctx, resource.FHIRFormObservationWrite, row)
	if err != nil {
		return "", err
	}
	id, form := str(rec["id"]), str(rec["form_id"])
	if _, err := resource.RegisterForm(ctx, w, "observation", orNil(v["encounter"]), v["pid"], rec["form_id"], user); err != nil {
		return "", err
	}
	for _, it := range items {
		item := map[string]any{}
		for k, x := range row {
			item[k] = x
		}
		for _, c := range formItemColumns {
			item[c] = it[c]
		}
		item["form_id"], item["parent_observation_id"] = form, id
		if _, err := w.Insert(ctx, resource.FHIRFormObservationWrite, item); err != nil {
			return "", err
		}
	}
	return str(rec["uuid"]), setFormItems(ctx, w, id, form, str(v["pid"]), str(v["members"]), false)
}

// setFormItems makes the patient's observations members (uuids, comma
// separated) items of the row id, in its form; on an update, an item it
// no longer names stops being one.
func setFormItems(ctx context.Context, w resource.Writer, id, form, pid, members string, update bool) error {
	want := map[string]bool{}
	for _, m := range strings.Split(members, ",") {
		if m != "" {
			want[m] = true
		}
	}
	if update {
		rows, err := w.List(ctx, resource.FHIRFormObservationWrite, emr.Query{Where: []emr.Cond{emr.Eq("parent_observation_id", id)}})
		if err != nil {
			return err
		}
		for _, r := range rows {
			if want[r.Str("uuid")] {
				delete(want, r.Str("uuid"))
				continue
			}
			if _, err := w.Update(ctx, resource.FHIRFormObservationWrite, map[string]any{"parent_observation_id": nil},
				emr.Eq("id", r.Str("id"))); err != nil {
				return err
			}
		}
	}
	for m := range want {
		n, err := w.Update(ctx, resource.FHIRFormObservationWrite, map[string]any{"parent_observation_id": id, "form_id": form},
			emr.Eq("uuid", m), emr.Eq("pid", pid), emr.Cond{Field: "id", Match: emr.NotEq, Value: id})
		if err != nil {
			return err
		}
		if n == 0 {
			return invalid("Observation.hasMember", "Observation/%s is not another observation of the patient", m)
		}
	}
	return nil
}
