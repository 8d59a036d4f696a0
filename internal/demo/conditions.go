package demo

import (
	"strconv"
	"time"

	"goemr/internal/resource"
)

// visitOn is the first visit on or after the day of t, or nil when there
// is none: where something that began on t was recorded.
func (c *chart) visitOn(t time.Time) *visit {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	for i := range c.visits {
		if !c.visits[i].at.Before(day) {
			return &c.visits[i]
		}
	}
	return nil
}

// recorded is when something that began on t entered the chart: at
// registration for what began before it, else at the next visit (or on t
// itself, by phone or portal, when no visit followed).
func (c *chart) recorded(t time.Time) time.Time {
	if t.Before(c.start) {
		return c.start
	}
	if v := c.visitOn(t); v != nil {
		return v.at
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, time.UTC)
}

// conditions writes the problem list, coded in ICD-10-CM and SNOMED CT.
func (b *batch) conditions(c *chart) error {
	for _, pr := range c.probs {
		b.now = c.recorded(pr.begin).Format(dateTime)
		v := map[string]any{
			"title": pr.title, "begdate": pr.begin.Format(dateOnly), "diagnosis": "ICD10:" + pr.icd10 + ";SNOMED-CT:" + pr.snomed,
			"pid": b.pid, "user": AdminUser, "groupname": "Default", "verification": "confirmed", "activity": "1",
			"occurrence": "0", "outcome": "0", "subtype": "", "modifydate": b.now,
		}
		if !pr.end.IsZero() {
			v["enddate"], v["outcome"] = pr.end.Format(dateOnly), "1" // resolved
		}
		if err := b.add(resource.MedicalProblem, v); err != nil {
			return err
		}
	}
	return nil
}

// medications writes, for each treated problem, a medication list entry
// and the prescription that started it: at most eight drugs, each once.
func (b *batch) medications(c *chart) error {
	seen := map[string]bool{}
	for _, pr := range c.probs {
		if len(pr.meds) == 0 {
			continue
		}
		count := 1
		if pr.chronic && len(pr.meds) > 1 && c.r.IntN(100) < 35 {
			count = 2
		}
		first := c.r.IntN(len(pr.meds))
		for k := 0; k < count && len(seen) < 8; k++ {
			d := pr.meds[(first+k)%len(pr.meds)]
			if seen[d.rxcui] {
				continue
			}
			seen[d.rxcui] = true
			if err := b.medication(c, pr, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// medication writes one drug taken for pr.
func (b *batch) medication(c *chart, pr condition, d drug) error {
	start := pr.begin
	var end time.Time
	active := "1"
	switch {
	case d.acute || !pr.chronic:
		end = start.AddDate(0, 0, 10)
	case c.r.IntN(100) < 12: // stopped: side effects or no longer needed
		end = between(c.r, start.AddDate(0, 2, 0), Anchor.AddDate(0, 0, -7))
		active = "0"
	}
	var encounter any
	if v := c.visitOn(start); v != nil {
		encounter = v.encounter
	}
	b.now = c.recorded(start).Format(dateTime)
	dx := "ICD10:" + pr.icd10
	entry := map[string]any{
		"title": d.name, "begdate": start.Format(dateTime), "diagnosis": dx, "pid": b.pid, "user": AdminUser,
		"groupname": "Default", "activity": "1", "comments": d.instructions, "modifydate": b.now,
	}
	if !end.IsZero() && end.Before(Anchor) {
		entry["enddate"] = end.Format(dateTime)
	}
	if err := b.add(resource.Medication, entry); err != nil {
		return err
	}
	refills := "3"
	if d.acute || !pr.chronic {
		refills = "0"
	}
	rx := map[string]any{
		"patient_id": b.pid, "provider_id": c.doc.id, "encounter": encounter, "date_added": b.now, "date_modified": b.now,
		"start_date": start.Format(dateOnly), "drug": d.name, "drug_id": b.sh.drugs[d.rxcui], "rxnorm_drugcode": d.rxcui,
		"form": d.form, "dosage": "1", "quantity": d.quantity, "size": d.size, "unit": d.unit, "route": d.route,
		"interval": d.interval, "substitute": "1", "refills": refills, "per_refill": d.quantity, "medication": "1",
		"active": active, "datetime": b.now, "user": AdminUser, "indication": pr.title, "diagnosis": dx,
		"drug_dosage_instructions": d.instructions, "usage_category": "community", "usage_category_title": "Home/Community",
		"request_intent": "order", "request_intent_title": "Order", "created_by": b.sh.admin, "updated_by": b.sh.admin,
	}
	if !end.IsZero() {
		rx["end_date"] = end.Format(dateOnly)
	}
	return b.add(resource.Prescription, rx)
}

// allergies writes 0–3 allergies (most patients have none).
func (b *batch) allergies(c *chart) error {
	n := 0
	switch roll := c.r.IntN(100); {
	case roll >= 96:
		n = 3
	case roll >= 85:
		n = 2
	case roll >= 55:
		n = 1
	}
	age := c.p.ageAt(Anchor)
	used := map[int]bool{}
	for k := 0; k < n; k++ {
		i := c.r.IntN(len(allergies))
		a := allergies[i]
		if used[i] || age < a.minAge {
			continue
		}
		used[i] = true
		begin := between(c.r, c.p.dob.AddDate(a.minAge, 0, 0), Anchor.AddDate(0, -1, 0))
		b.now = c.recorded(begin).Format(dateTime)
		err := b.add(resource.Allergy, map[string]any{
			"title": a.title, "begdate": begin.Format(dateOnly), "diagnosis": a.code, "pid": b.pid, "user": AdminUser,
			"groupname": "Default", "reaction": a.reaction, "severity_al": a.severity, "verification": "confirmed",
			"activity": "1", "comments": "Reported by patient", "modifydate": b.now,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// surgeries writes past operations (about one adult in six) and, rarely,
// a dental issue.
func (b *batch) surgeries(c *chart) error {
	age := c.p.ageAt(Anchor)
	if c.r.IntN(100) < 16 {
		s := surgeries[c.r.IntN(len(surgeries))]
		if age >= s.minAge && age <= s.maxAge && (s.sex == "" || s.sex == c.p.sex) {
			when := between(c.r, c.p.dob.AddDate(s.minAge, 0, 0), Anchor.AddDate(0, -2, 0))
			if err := b.issue(resource.Surgery, c, s.title, s.code, when); err != nil {
				return err
			}
		}
	}
	if age >= 6 && c.r.IntN(100) < 5 {
		when := between(c.r, c.start, Anchor.AddDate(0, -1, 0))
		return b.issue(resource.DentalIssue, c, "Dental caries", "ICD10:K02.9", when)
	}
	return nil
}

// issue writes a surgery or dental issue that happened on when.
func (b *batch) issue(d *resource.Def, c *chart, title, code string, when time.Time) error {
	b.now = c.recorded(when).Format(dateTime)
	err := b.add(d, map[string]any{
		"title": title, "begdate": when.Format(dateTime), "diagnosis": code, "pid": b.pid, "user": AdminUser,
		"groupname": "Default", "activity": "1", "outcome": "1", "modifydate": b.now,
		"comments": "Recorded from history on " + strconv.Itoa(c.start.Year()),
	})
	return err
}
