package demo

import (
	"math/rand/v2"
	"slices"
	"time"
)

// chart is what is known of a patient while their history is written:
// the visits so far and the conditions that shape what comes next.
type chart struct {
	r      *rand.Rand
	p      *person
	doc    doctor
	fac    int64
	start  time.Time
	probs  []condition
	visits []visit
	base   baseline
}

// condition is a problem of the patient and when it began (and ended).
type condition struct {
	*problem
	begin, end time.Time
}

// has reports whether the patient has the problem with ICD-10 code icd on t.
func (c *chart) has(icd string, t time.Time) bool {
	for _, pr := range c.probs {
		if pr.icd10 == icd && !pr.begin.After(t) && (pr.end.IsZero() || pr.end.After(t)) {
			return true
		}
	}
	return false
}

// visit is an encounter of the history.
type visit struct {
	id        int64 // form_encounter.id
	encounter int64 // the encounter number
	at        time.Time
	reason    string
	doc       doctor
	fac       int64
	vitals    vitals
}

// history writes everything of patient p after the patient row.
func (b *batch) history(r *rand.Rand, p *person) error {
	doc := b.sh.pcp(p, p.n)
	c := &chart{r: r, p: p, doc: doc, fac: b.sh.facilities[doc.facility], start: registration(p)}
	c.base = newBaseline(r, p)
	c.chooseProblems()
	c.planVisits()
	steps := []func(*chart) error{
		b.encounters, b.conditions, b.medications, b.allergies, b.surgeries,
		b.immunizations, b.labs, b.appointments, b.insurance, b.messages, b.documents, b.employer, b.referral,
		b.care,
		b.devices, b.specimens, b.contacts, b.dispenses,
		b.questionnaires,
		b.diagnoses, b.concerns,
		b.media,
		b.social,
	}
	for _, step := range steps {
		if err := step(c); err != nil {
			return err
		}
	}
	return nil
}

// chooseProblems picks 1–6 conditions fit for the patient's age and sex,
// more with age, weighted by how common they are.
func (c *chart) chooseProblems() {
	r, age := c.r, c.p.ageAt(Anchor)
	want := 1 + r.IntN(2)
	if age >= 18 { // older patients have more: 2–3 at 20, 5–6 from 80
		want = min(6, 1+age/20+r.IntN(2))
	}
	var pool []*problem
	for i := range problems {
		pr := &problems[i]
		if age >= pr.minAge && age <= pr.maxAge && (pr.sex == "" || pr.sex == c.p.sex) {
			pool = append(pool, pr)
		}
	}
	for len(c.probs) < want && len(pool) > 0 {
		total := 0
		for _, pr := range pool {
			total += pr.weight
		}
		roll, i := r.IntN(total), 0
		for ; roll >= pool[i].weight; i++ {
			roll -= pool[i].weight
		}
		pr := pool[i]
		pool = slices.Delete(pool, i, i+1)
		// Onset: at the earliest when the patient reached the problem's
		// age, at the latest a month before the anchor.
		from := c.p.dob.AddDate(pr.minAge, 0, 0)
		if lead := c.start.AddDate(-6, 0, 0); from.Before(lead) {
			from = lead
		}
		to := Anchor.AddDate(0, -1, 0)
		if !from.Before(to) {
			from = to.AddDate(0, -1, 0)
		}
		begin := between(r, from, to)
		cond := condition{problem: pr, begin: begin}
		if !pr.chronic {
			cond.end = begin.AddDate(0, 0, 10+r.IntN(12))
		}
		c.probs = append(c.probs, cond)
	}
}

// planVisits spreads 5–15 visits from registration to the anchor: the
// first is the new-patient visit, acute problems bring a visit on their
// first day, the rest are check-ups and follow-ups.
func (c *chart) planVisits() {
	r := c.r
	n := 5 + r.IntN(11)
	var days []time.Time
	days = append(days, c.start)
	for _, pr := range c.probs {
		if !pr.chronic && pr.begin.After(c.start) {
			days = append(days, pr.begin)
		}
	}
	for len(days) < n {
		days = append(days, between(r, c.start.AddDate(0, 0, 7), Anchor.AddDate(0, 0, -2)))
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	for i, d := range days {
		at := time.Date(d.Year(), d.Month(), d.Day(), 8+r.IntN(9), 15*r.IntN(4), 0, 0, time.UTC)
		c.visits = append(c.visits, visit{at: at, reason: c.reason(i, at), doc: c.doc, fac: c.fac})
	}
}

// reason is why the patient came on visit i.
func (c *chart) reason(i int, at time.Time) string {
	if i == 0 {
		return "New patient visit"
	}
	for _, pr := range c.probs {
		if !pr.chronic && sameDay(pr.begin, at) {
			return pr.title
		}
	}
	r, age := c.r, c.p.ageAt(at)
	var chronic []string
	for _, pr := range c.probs {
		if pr.chronic && !pr.begin.After(at) {
			chronic = append(chronic, pr.title)
		}
	}
	switch roll := r.IntN(10); {
	case roll < 3 && age < 18:
		return "Well child visit"
	case roll < 3:
		return "Annual physical examination"
	case roll < 7 && len(chronic) > 0:
		return "Follow-up: " + pick(r, chronic)
	case age < 18:
		return pick(r, []string{"Fever", "Cough", "Ear pain", "Sore throat", "Rash", "Sports physical", "Vaccinations"})
	}
	return pick(r, []string{"Cough and congestion", "Medication refill", "Headache", "Sore throat", "Abdominal pain",
		"Rash", "Knee pain", "Fatigue", "Dizziness", "Lab results review", "Pre-operative evaluation"})
}

// between is a random day from from to to.
func between(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	if days <= 0 {
		return from
	}
	return from.AddDate(0, 0, r.IntN(days+1))
}

func sameDay(a, b time.Time) bool { return a.Year() == b.Year() && a.YearDay() == b.YearDay() }

const (
	dateTime = "2006-01-02 15:04:05"
	dateOnly = "2006-01-02"
)
