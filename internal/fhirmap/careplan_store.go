package fhirmap

import (
	"context"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// carePlanStore writes a CarePlan's or a Goal's rows as OpenEMR's care
// plan form does: a new form (its number MAX + 1, registered in forms)
// on a create; on an update, the row itself, its further activities
// replaced, and the form's date moved, which is the resource's
// lastUpdated.
func carePlanStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	v["user"] = ""
	if a := valueText(v["author_id"]); a != "" {
		u, err := w.Get(ctx, resource.Practitioner, emr.Eq("id", a))
		if err != nil {
			return "", err
		}
		if u.Str("username") == "" {
			return "", invalid(map[bool]string{true: "Goal.expressedBy", false: "CarePlan.author"}[v["care_plan_type"] == "goal"],
				"the practitioner has no login: OpenEMR records who wrote a care plan by username")
		}
		v["user"] = u.Str("username")
	}
	acts, _ := v["activities"].([]map[string]any)
	row := map[string]any{}
	for _, f := range resource.FHIRCarePlanWrite.Fields {
		if x, ok := v[f.Name]; ok {
			row[f.Name] = x
		}
	}
	if current == nil {
		rec, err := w.Insert(ctx, resource.FHIRCarePlanWrite, row)
		if err != nil {
			return "", err
		}
		id := rec.Str("uuid")
		if err := carePlanActivitiesStore(ctx, w, rec["id"], id, row, acts); err != nil {
			return "", err
		}
		_, err = resource.RegisterForm(ctx, w, "care_plan", orZero(row["encounter"]), row["pid"], rec["id"], valueText(row["user"]))
		return id, err
	}
	id := current.Str("uuid")
	if current.Str("pid") != valueText(row["pid"]) {
		return "", invalid(carePath(v, "subject"), "a care plan or goal cannot move to another patient")
	}
	if _, err := w.Update(ctx, resource.FHIRCarePlanWrite, row, emr.Eq("uuid", id)); err != nil {
		return "", err
	}
	if _, err := w.Delete(ctx, resource.FHIRCarePlanWrite, emr.Eq("plan_uuid", id)); err != nil {
		return "", err
	}
	if err := carePlanActivitiesStore(ctx, w, current.Str("id"), id, row, acts); err != nil {
		return "", err
	}
	_, err := w.Update(ctx, resource.Form, map[string]any{"date": time.Now().UTC().Format("2006-01-02 15:04:05"),
		"encounter": orZero(row["encounter"])}, emr.Eq("formdir", "care_plan"), emr.Eq("form_id", current.Str("id")), emr.Eq("pid", current.Str("pid")))
	return id, err
}

// carePlanActivitiesStore writes a plan's further activities as rows of
// its form, each with the plan's patient, encounter, author and period.
func carePlanActivitiesStore(ctx context.Context, w resource.Writer, form any, plan string, row map[string]any, acts []map[string]any) error {
	for _, a := range acts {
		r := map[string]any{"id": form, "plan_uuid": plan, "care_plan_type": "plan_of_care"}
		for _, k := range []string{"pid", "encounter", "user", "date", "date_end", "intent"} {
			r[k] = row[k]
		}
		for k, x := range a {
			r[k] = x
		}
		if _, err := w.Insert(ctx, resource.FHIRCarePlanWrite, r); err != nil {
			return err
		}
	}
	return nil
}

// orZero is a key, or 0 for none (forms.encounter of a form outside any
// encounter).
func orZero(v any) any {
	if valueText(v) == "" {
		return 0
	}
	return v
}
