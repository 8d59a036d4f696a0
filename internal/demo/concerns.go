package demo

import (
	"time"

	"goemr/internal/resource"
)

// concern is a health concern the care team records beside the problem
// list (lists.type health_concern, US Core Condition Problems and Health
// Concerns with the health-concern category): a SNOMED CT finding, and
// what about the patient raises it.
type concern struct {
	title, snomed string
	percent       int // of the patients it fits who have it
	// since is when the concern arises for the patient, zero when it
	// does not fit them.
	since func(c *chart) time.Time
}

var concerns = []concern{
	{"At risk for falls", "129839007", 60, func(c *chart) time.Time {
		return c.p.dob.AddDate(70, 0, 0)
	}},
	{"Sedentary lifestyle", "415510005", 70, func(c *chart) time.Time {
		return c.began("E66.9", "R73.03", "E11.9")
	}},
	{"Stress", "73595000", 60, func(c *chart) time.Time {
		return c.began("F32.A", "G43.909")
	}},
}

// began is when the first of the listed problems (ICD-10 codes) began,
// zero when the patient has none of them.
func (c *chart) began(icd ...string) time.Time {
	var first time.Time
	for _, pr := range c.probs {
		if contains(icd, pr.icd10) && (first.IsZero() || pr.begin.Before(first)) {
			first = pr.begin
		}
	}
	return first
}

// concerns writes the health concerns that fit the adult patient, each
// raised at the first visit after it arose (or at registration for one
// older than the chart), active since.
func (b *batch) concerns(c *chart) error {
	if c.p.ageAt(Anchor) < 18 {
		return nil
	}
	r := rng("concerns", c.p.n)
	for _, k := range concerns {
		since := k.since(c)
		if since.IsZero() || !since.Before(Anchor) || r.IntN(100) >= k.percent {
			continue
		}
		if since.Before(c.start) {
			since = c.start
		}
		v := c.visitOn(since)
		if v == nil {
			continue // raised at no visit yet
		}
		b.now = v.at.Format(dateTime)
		err := b.add(resource.FHIRIssueWrite, map[string]any{
			"type": "health_concern", "title": k.title, "begdate": v.at.Format(dateOnly), "diagnosis": "SNOMED-CT:" + k.snomed,
			"pid": b.pid, "user": AdminUser, "groupname": "Default", "verification": "confirmed", "activity": "1",
			"occurrence": "0", "outcome": "0", "modifydate": b.now,
		})
		if err != nil {
			return err
		}
	}
	return nil
}
