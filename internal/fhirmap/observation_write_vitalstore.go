package fhirmap

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// storeVital writes a vital sign vitalFromFHIR mapped. A create fills the
// vital's columns in a vitals form of the same patient, time and
// encounter (when one is named) that has not measured it yet, as OpenEMR
// records every vital of a visit in one form; with none, it writes a new
// form, registered in forms as the Standard API's vitals create does. An
// update replaces the vital's columns only. The id is the form's uuid and
// the vital's short code, as fhir_observations names it.
func storeVital(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	vc := vitalStorage[vitalByShort(str(v["vital"]))]
	cols := map[string]any{}
	for _, c := range vc.ownColumns() {
		cols[c] = v[c]
	}
	if current != nil {
		return updateVital(ctx, w, v, vc, cols, current)
	}
	where := []emr.Cond{emr.Eq("pid", v["pid"]), emr.Eq("date", v["date"]), {Field: "activity", Match: emr.NotEq, Value: "0"}}
	if enc := str(v["encounter"]); enc != "" {
		where = append(where, emr.Eq("encounter", enc))
	}
	rows, err := w.List(ctx, resource.FHIRVitalWrite, emr.Query{Where: where, Sort: []emr.SortKey{{Field: "id"}}})
	if err != nil {
		return "", err
	}
	for _, row := range rows {
		if !vitalMeasured(row, vc) {
			_, err := w.Update(ctx, resource.FHIRVitalWrite, cols, emr.Eq("id", row.Str("id")))
			return row.Str("uuid") + "-" + vc.short, err
		}
	}
	user, err := userName(ctx, w, str(v["performer"]))
	if err != nil {
		return "", err
	}
	cols["pid"], cols["date"], cols["encounter"] = v["pid"], v["date"], orNil(v["encounter"])
	cols["user"], cols["groupname"], cols["authorized"], cols["activity"] = user, "Default", "1", "1"
	rec, err := w.Insert(ctx, resource.FHIRVitalWrite, cols)
	if err != nil {
		return "", err
	}
	if _, err := resource.RegisterForm(ctx, w, "vital", orNil(v["encounter"]), v["pid"], rec["id"], user); err != nil {
		return "", err
	}
	return str(rec["uuid"]) + "-" + vc.short, nil
}

// updateVital replaces the vital current is with cols. Its form's patient,
// time and encounter change with it only when the form measured nothing
// else: they are every other vital's too.
func updateVital(ctx context.Context, w resource.Writer, v map[string]any, vc vitalColumns, cols map[string]any, current emr.Record) (string, error) {
	id := current.Str("id")
	if !strings.HasSuffix(id, "-"+vc.short) {
		return "", invalid("Observation.code", "Observation/%s is a vital of LOINC code %s: its code cannot change", id, current.Str("code"))
	}
	rows, err := w.List(ctx, resource.FHIRVitalWrite, emr.Query{Where: []emr.Cond{emr.Eq("uuid", current.Str("src_uuid"))}})
	if err != nil || len(rows) == 0 {
		return "", err
	}
	row := rows[0]
	if row.Str("pid") != str(v["pid"]) || row.Str("date") != str(v["date"]) || row.Str("encounter") != str(v["encounter"]) {
		for code, other := range vitalStorage {
			if other.short != vc.short && vitalMeasured(row, other) {
				return "", invalid("Observation.effective[x]", "the subject, time and encounter of Observation/%s are those of its vitals form, which also holds %s: they cannot change alone", id, vitalSigns[code].display)
			}
		}
		cols["pid"], cols["date"], cols["encounter"] = v["pid"], v["date"], orNil(v["encounter"])
		form := map[string]any{"pid": v["pid"], "encounter": orNil(v["encounter"])}
		if _, err := w.Update(ctx, resource.Form, form, emr.Eq("formdir", "vitals"), emr.Eq("form_id", row.Str("id"))); err != nil {
			return "", err
		}
	}
	_, err = w.Update(ctx, resource.FHIRVitalWrite, cols, emr.Eq("id", row.Str("id")))
	return id, err
}

// vitalMeasured reports whether a vitals row holds a value of vc (OpenEMR
// writes 0.00 for a vital not taken).
func vitalMeasured(row emr.Record, vc vitalColumns) bool {
	for _, c := range vc.valueColumns() {
		if strings.Trim(strings.TrimSpace(row.Str(c)), "0.") != "" {
			return true
		}
	}
	return false
}

// userName is the username of users.id id, "" for none.
func userName(ctx context.Context, w resource.Reader, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	rows, err := w.List(ctx, resource.UserName, emr.Query{Where: []emr.Cond{emr.Eq("id", id)}, Limit: 1})
	if err != nil || len(rows) == 0 {
		return "", err
	}
	return rows[0].Str("username"), nil
}

// performerFrom is the users.id of the first Practitioner among refs, ""
// when none is one (an Organization performing is not kept).
func performerFrom(path string, refs []r4.Reference, w *WriteContext) (string, error) {
	for i := range refs {
		if ref := deref(refs[i].Reference); strings.Contains(ref, "Practitioner/") {
			return w.reference(path, &refs[i], "Practitioner", "id")
		}
	}
	return "", nil
}
