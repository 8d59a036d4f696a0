package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// careRowFrom maps what CarePlan and Goal share onto a form_care_plan
// row: the patient, the encounter (the patient's own), the author (a
// practitioner, kept by username as OpenEMR's form keeps who wrote it;
// key author_id until carePlanStore looks the username up) and the
// problems addressed (Conditions of the patient, by id).
func careRowFrom(typ string, w *WriteContext, subject, encounter, author *r4.Reference, addresses []r4.Reference, v map[string]any) error {
	if subject == nil {
		return invalid(typ+".subject", "is required (US Core)")
	}
	pid, err := w.reference(typ+".subject", subject, "Patient", "pid")
	if err != nil {
		return err
	}
	if pid == "" {
		return invalid(typ+".subject", "must be a literal reference Patient/{id}")
	}
	v["pid"], v["encounter"], v["author_id"] = pid, "", ""
	if encounter != nil {
		if v["encounter"], err = w.reference(typ+".encounter", encounter, "Encounter", "encounter"); err != nil {
			return err
		}
		if of, _, err := w.Resolve("Encounter", referencedID(encounter), "pid"); err != nil || of != pid {
			return invalid(typ+".encounter", "must be an encounter of the patient")
		}
	}
	if author != nil {
		path := map[string]string{"CarePlan": "CarePlan.author", "Goal": "Goal.expressedBy"}[typ]
		target, key := "Practitioner", "id"
		if strings.Contains(deref(author.Reference), "PractitionerRole/") {
			target, key = "PractitionerRole", "user_id"
		}
		if v["author_id"], err = w.reference(path, author, target, key); err != nil {
			return err
		}
	}
	var ids []string
	for i := range addresses {
		of, err := w.reference(typ+".addresses", &addresses[i], "Condition", "pid")
		if err != nil {
			return err
		}
		if of != pid {
			return invalid(typ+".addresses", "must be a condition of the patient")
		}
		ids = append(ids, referencedID(&addresses[i]))
	}
	v["addresses"] = strings.Join(ids, ";")
	return nil
}

// carePath names element elem of the CarePlan or Goal v was mapped from.
func carePath(v map[string]any, elem string) string {
	if v["care_plan_type"] == "goal" {
		return "Goal." + elem
	}
	return "CarePlan." + elem
}

// careDatesFrom keeps a start and an end (a day, or a time in UTC) as the
// row's date and date_end; absent, they are NULL.
func careDatesFrom(startPath string, start *string, endPath string, end *string, v map[string]any) error {
	s, err := timeFrom(startPath, start)
	if err != nil {
		return err
	}
	e, err := timeFrom(endPath, end)
	if err != nil {
		return err
	}
	if s != "" && e != "" && e[:10] < s[:10] {
		return invalid(endPath, "is before the start")
	}
	v["date"], v["date_end"] = orNull(s), orNull(e)
	return nil
}

// orNull is s, or nil (SQL NULL) when it is empty.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
