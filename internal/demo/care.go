package demo

import (
	"math/rand/v2"
	"slices"

	"goemr/internal/resource"
)

// care writes, for a patient with chronic problems, a Care Plan form (a
// plan of care and one or two goals) and the patient's care team. It draws
// on a random source of its own, so that it changes nothing the earlier
// steps write.
func (b *batch) care(c *chart) error {
	var chronic []condition
	for _, pr := range c.probs {
		if pr.chronic && pr.end.IsZero() {
			chronic = append(chronic, pr)
		}
	}
	if len(chronic) == 0 {
		return nil
	}
	slices.SortStableFunc(chronic, func(x, y condition) int { return x.begin.Compare(y.begin) })
	r := rng("care", c.p.n)
	if err := b.carePlans(c, r, chronic); err != nil {
		return err
	}
	return b.careTeam(c, r, chronic)
}

// carePlans writes the plan at the latest visit since the first chronic
// problem began: a plan of care for that problem and a goal for it and,
// for most patients with another, one for that too. Nearly a third of
// those seen since the problem was found have an earlier plan, written
// then and completed when the current one replaced it.
func (b *batch) carePlans(c *chart, r *rand.Rand, chronic []condition) error {
	first := chronic[0]
	var at *visit
	for i := range c.visits {
		if !c.visits[i].at.Before(first.begin) {
			at = &c.visits[i]
		}
	}
	if at == nil {
		return nil // no visit since: the plan is still to be made
	}
	if was := c.visitOn(first.begin); was != nil && was.at.Before(at.at) && r.IntN(100) < 30 {
		rows := []map[string]any{planRow(first, "completed")}
		rows[0]["date_end"] = at.at.Format(dateOnly) + " 00:00:00"
		if err := b.carePlanForm(was, rows); err != nil {
			return err
		}
	}
	rows := []map[string]any{planRow(first, "active")}
	goals := []condition{chronic[0]}
	if len(chronic) > 1 && r.IntN(100) < 70 {
		goals = append(goals, chronic[1+r.IntN(len(chronic)-1)])
	}
	for _, pr := range goals {
		e := careFor(pr.problem)
		due := at.at.AddDate(0, []int{3, 6, 12}[r.IntN(3)], 0)
		status := "active"
		switch roll := r.IntN(100); {
		case due.Before(Anchor) && roll < 60:
			status = "completed"
		case roll >= 95:
			status = "on-hold"
		}
		rows = append(rows, map[string]any{
			"care_plan_type": "goal", "code": snomed(e.goalCode), "codetext": e.goalName, "description": e.goal,
			"date_end": due.Format(dateOnly) + " 00:00:00", "plan_status": status,
			"reason_code": "ICD10:" + pr.icd10, "reason_description": pr.title,
		})
	}
	return b.carePlanForm(at, rows)
}

// planRow is the plan-of-care row for problem pr.
func planRow(pr condition, status string) map[string]any {
	e := careFor(pr.problem)
	return map[string]any{
		"care_plan_type": "plan_of_care", "code": snomed(e.planCode), "codetext": e.planName, "description": e.plan,
		"plan_status": status, "reason_code": "ICD10:" + pr.icd10, "reason_description": pr.title,
	}
}

// carePlanForm writes the rows of one Care Plan form of visit v, dated
// that day, and registers the form: the first row numbers the form (as
// OpenEMR's form does, MAX(id) + 1) and the others share its number.
func (b *batch) carePlanForm(v *visit, rows []map[string]any) error {
	b.now = v.at.Format(dateTime)
	var id any
	for i, row := range rows {
		row["date"], row["pid"], row["encounter"] = v.at.Format(dateOnly), b.pid, v.encounter
		row["user"], row["groupname"], row["authorized"], row["activity"] = AdminUser, "Default", "1", "1"
		if i == 0 {
			rec, err := b.put(resource.CarePlanRow, row)
			if err != nil {
				return err
			}
			id = rec["id"]
			continue
		}
		row["id"] = id
		if err := b.add(resource.CarePlanRow, row); err != nil {
			return err
		}
	}
	formID, _ := id.(int64)
	return b.form(v, "Care Plan Form", "care_plan", formID)
}

// snomed is a SNOMED CT code as OpenEMR stores codes, "" for none.
func snomed(code string) string {
	if code == "" {
		return ""
	}
	return "SNOMED-CT:" + code
}
