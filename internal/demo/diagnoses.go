package demo

import (
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// problemLookup reads back the ids of a patient's problem list, which
// issue_encounter links to.
var problemLookup = &resource.Def{
	Name: "lists", Table: "lists", ID: "id",
	Fixed:  map[string]string{"type": "medical_problem"},
	Fields: []resource.Field{col("id", resource.As(resource.Int)), col("title"), col("pid", resource.As(resource.Int))},
}

// maxDiagnoses bounds the problems one visit addresses.
const maxDiagnoses = 2

// diagnoses links each visit to the listed problems it addressed, as
// OpenEMR's encounter form does (issue_encounter): the problem the visit
// was for (an acute problem on its first day, a chronic one at its
// follow-up), and at a new-patient visit, a check-up or a follow-up the
// other chronic problems then active, at most two in all. A visit for a
// complaint that never made the problem list links none.
func (b *batch) diagnoses(c *chart) error {
	rows, err := b.w.List(b.ctx, problemLookup, emr.Query{Where: []emr.Cond{emr.Eq("pid", b.pid)}})
	if err != nil {
		return err
	}
	ids := map[string]int64{}
	for _, r := range rows {
		if ids[r.Str("title")], err = strconv.ParseInt(r.Str("id"), 10, 64); err != nil {
			return err
		}
	}
	for i := range c.visits {
		v := &c.visits[i]
		for _, pr := range c.addressed(v) {
			id, ok := ids[pr.title]
			if !ok {
				continue
			}
			err := b.add(resource.IssueEncounter, map[string]any{
				"pid": b.pid, "list_id": id, "encounter": v.encounter, "resolved": "0",
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// addressed are the problems visit v dealt with, the reason first.
func (c *chart) addressed(v *visit) []condition {
	var out []condition
	reason := strings.TrimPrefix(v.reason, "Follow-up: ")
	for _, pr := range c.probs {
		if pr.title == reason && activeOn(pr, v.at) {
			out = append(out, pr)
		}
	}
	review := strings.HasPrefix(v.reason, "Follow-up") || v.reason == "New patient visit" ||
		strings.HasPrefix(v.reason, "Annual") || strings.HasPrefix(v.reason, "Well child")
	for _, pr := range c.probs {
		if len(out) >= maxDiagnoses || !review {
			break
		}
		if pr.chronic && pr.title != reason && activeOn(pr, v.at) {
			out = append(out, pr)
		}
	}
	return out
}

// activeOn reports whether pr had begun by the day of t and not ended.
func activeOn(pr condition, t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, time.UTC)
	return !pr.begin.After(day) && (pr.end.IsZero() || pr.end.After(t))
}
