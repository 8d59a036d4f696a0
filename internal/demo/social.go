package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"goemr/internal/resource"
)

// social writes the patient's social history and screenings: a smoking
// status for everyone from 13 (history_data), a past job with its
// occupation and industry for some adults (employer_data), and the
// Observation form's screenings (screenings.go). It draws from its own
// random source, so the steps before it write what they always did.
func (b *batch) social(c *chart) error {
	r := rng("social", c.p.n)
	if len(c.visits) == 0 || c.p.ageAt(Anchor) < 13 {
		return nil
	}
	if err := b.smoking(c, r); err != nil {
		return err
	}
	if err := b.pastJob(c, r); err != nil {
		return err
	}
	return b.screenings(c, r)
}

// smokingStatus is an option of OpenEMR's smoking_status list and the
// radio choice the tobacco field records with it.
type smokingStatus struct {
	option, kind, note string
	weight             int
}

// Smoking statuses of adults, weighted roughly as US adults report them;
// teenagers are mostly never smokers.
var (
	adultSmoking = []smokingStatus{
		{"4", "nevertobacco", "", 55}, {"3", "quittobacco", "", 22}, {"1", "currenttobacco", "About a pack a day", 8},
		{"2", "currenttobacco", "Smokes on weekends", 4}, {"15", "currenttobacco", "Two packs a day", 2},
		{"16", "currenttobacco", "A few cigarettes a day", 3}, {"5", "currenttobacco", "", 2}, {"9", "not_applicabletobacco", "", 4},
	}
	teenSmoking = []smokingStatus{{"4", "nevertobacco", "", 90}, {"9", "not_applicabletobacco", "", 5}, {"2", "currenttobacco", "Vapes and smokes with friends", 5}}
	copdSmoking = []smokingStatus{{"1", "currenttobacco", "About a pack a day", 40}, {"3", "quittobacco", "", 60}}
)

func weighted(r *rand.Rand, xs []smokingStatus) smokingStatus {
	total := 0
	for _, x := range xs {
		total += x.weight
	}
	roll := r.IntN(total)
	for _, x := range xs {
		if roll -= x.weight; roll < 0 {
			return x
		}
	}
	return xs[len(xs)-1]
}

// smoking records the tobacco use asked at the first visit from age 13;
// half the former smokers were still smoking then and quit by a later
// visit, which a second history row records (OpenEMR saves the whole
// history anew, copying the other answers).
func (b *batch) smoking(c *chart, r *rand.Rand) error {
	first := len(c.visits) - 1
	for i, v := range c.visits {
		if c.p.ageAt(v.at) >= 13 {
			first = i
			break
		}
	}
	pool := adultSmoking
	switch {
	case c.has("J44.9", Anchor):
		pool = copdSmoking
	case c.p.ageAt(c.visits[first].at) < 18:
		pool = teenSmoking
	}
	s := weighted(r, pool)
	row := map[string]any{
		"pid": b.pid, "coffee": pick(r, []string{"None", "1 cup a day", "2-3 cups a day"}),
		"alcohol":           pick(r, []string{"|neveralcohol||", "Socially|currentalcohol||", "1-2 drinks a week|currentalcohol||"}),
		"exercise_patterns": pick(r, []string{"Walks 30 minutes most days", "Gym twice a week", "Rarely exercises"}),
		"seatbelt_use":      "Always", "created_by": c.visits[first].doc.id,
	}
	if c.p.ageAt(c.visits[first].at) < 21 {
		row["alcohol"] = "|neveralcohol||"
	}
	quitAt := -1
	if s.kind == "quittobacco" && first < len(c.visits)-1 && r.IntN(2) == 0 {
		quitAt = first + 1 + r.IntN(len(c.visits)-first-1)
	}
	if quitAt >= 0 {
		row["tobacco"] = "About a pack a day|currenttobacco||1"
	} else {
		row["tobacco"] = tobaccoEntry(s, c.visits[first].at, r)
	}
	if err := b.historyRow(row, c.visits[first].at); err != nil || quitAt < 0 {
		return err
	}
	quit := c.visits[quitAt].at
	stopped := quit.AddDate(0, 0, -7-r.IntN(60))
	if stopped.Before(c.visits[first].at) {
		stopped = c.visits[first].at
	}
	row["tobacco"] = fmt.Sprintf("Quit after counseling|quittobacco|%s|3", stopped.Format(dateOnly))
	row["created_by"] = c.visits[quitAt].doc.id
	return b.historyRow(row, quit)
}

// tobaccoEntry is the tobacco field as OpenEMR's layout writes it:
// "note|type|date|option", the date being when a former smoker quit.
func tobaccoEntry(s smokingStatus, at time.Time, r *rand.Rand) string {
	date := ""
	if s.kind == "quittobacco" {
		date = at.AddDate(-1-r.IntN(20), -r.IntN(12), 0).Format(dateOnly)
	}
	return s.note + "|" + s.kind + "|" + date + "|" + s.option
}

// historyRow saves the history as it stands at a visit.
func (b *batch) historyRow(row map[string]any, at time.Time) error {
	b.now = at.Add(10 * time.Minute).Format(dateTime)
	v := make(map[string]any, len(row)+1)
	for k, x := range row {
		v[k] = x
	}
	v["date"] = b.now
	return b.add(resource.HistoryData, v)
}
