package demo

import (
	"fmt"
	"time"

	"goemr/internal/resource"
)

// dose is one dose of the childhood schedule: the CVX code (all present in
// the codes table, migration 0006) and the age it is given at, in months.
type dose struct {
	cvx    string
	months int
}

// childhood is the CDC routine schedule, by CVX code.
var childhood = []dose{
	{"08", 0}, {"08", 2}, {"08", 6},
	{"20", 2}, {"20", 4}, {"20", 6}, {"20", 15}, {"20", 54},
	{"10", 2}, {"10", 4}, {"10", 6}, {"10", 54},
	{"133", 2}, {"133", 4}, {"133", 6}, {"133", 12},
	{"03", 12}, {"03", 54}, {"21", 12}, {"21", 54},
	{"115", 132}, {"62", 132}, {"62", 138},
}

// makers are the vaccines' manufacturers, by CVX code.
var makers = map[string]string{
	"03": "Merck and Co., Inc.", "08": "Merck and Co., Inc.", "10": "Sanofi Pasteur", "20": "Sanofi Pasteur",
	"21": "Merck and Co., Inc.", "33": "Merck and Co., Inc.", "43": "GlaxoSmithKline", "62": "Merck and Co., Inc.",
	"115": "GlaxoSmithKline", "133": "Pfizer, Inc", "140": "Seqirus", "141": "Sanofi Pasteur",
	"207": "Moderna US, Inc.", "208": "Pfizer, Inc",
}

// immunizations writes the vaccines given here: the childhood doses due
// since registration, seasonal influenza, COVID-19 in 2021 for those old
// enough, and the adult Tdap, hepatitis B and pneumococcal doses.
func (b *batch) immunizations(c *chart) error {
	p := c.p
	type shot struct {
		cvx string
		at  time.Time
	}
	var shots []shot
	for _, d := range childhood {
		at := p.dob.AddDate(0, d.months, c.r.IntN(20))
		if !at.Before(c.start) && at.Before(Anchor) {
			shots = append(shots, shot{d.cvx, at})
		}
	}
	for year := c.start.Year(); year < Anchor.Year(); year++ {
		at := time.Date(year, 10, 1+c.r.IntN(45), 0, 0, 0, 0, time.UTC)
		if at.Before(c.start) || !at.Before(Anchor) || p.years(at) < 0.5 || c.r.IntN(100) >= 45 {
			continue
		}
		cvx := "141"
		if p.years(at) < 3 || c.r.IntN(2) == 0 {
			cvx = "140"
		}
		shots = append(shots, shot{cvx, at})
	}
	if covid := time.Date(2021, 4, 5+c.r.IntN(60), 0, 0, 0, 0, time.UTC); !covid.Before(c.start) && p.years(covid) >= 12 && c.r.IntN(100) < 70 {
		cvx := "208"
		if p.years(covid) >= 18 && c.r.IntN(2) == 0 {
			cvx = "207"
		}
		shots = append(shots, shot{cvx, covid}, shot{cvx, covid.AddDate(0, 0, 28)})
	}
	adult := func(cvx string, age int, chance int) {
		at := p.dob.AddDate(age, 0, c.r.IntN(300))
		if !at.Before(c.start) && at.Before(Anchor) && c.r.IntN(100) < chance {
			shots = append(shots, shot{cvx, at})
		}
	}
	adult("115", 30+10*c.r.IntN(4), 70)
	adult("43", 19+c.r.IntN(40), 25)
	adult("33", 65, 60)
	for i, s := range shots {
		if err := b.immunization(c, s.cvx, s.at, i); err != nil {
			return err
		}
	}
	return nil
}

// immunization writes one dose, given at the visit of its day when there
// is one.
func (b *batch) immunization(c *chart, cvx string, at time.Time, i int) error {
	at = time.Date(at.Year(), at.Month(), at.Day(), 9+c.r.IntN(8), 0, 0, 0, time.UTC)
	b.now = at.Format(dateTime)
	var encounter any
	if v := c.visitOn(at); v != nil && sameDay(v.at, at) {
		encounter = v.encounter
	}
	route, site, amount := "intramuscular", "left_deltoid", "0.5"
	if cvx == "03" || cvx == "21" {
		route, site = "subcutaneous", "left_arm"
	}
	if c.p.years(at) < 1 {
		site = "left_vastus_lateralis"
	}
	if cvx == "208" {
		amount = "0.3"
	}
	err := b.add(resource.Immunization, map[string]any{
		"patient_id": b.pid, "administered_date": b.now, "cvx_code": cvx, "manufacturer": makers[cvx],
		"lot_number": fmt.Sprintf("%s%05d", lotPrefix(cvx), (b.n*31+i*7)%100000), "administered_by_id": c.doc.id,
		"administered_by": "Dr. " + c.doc.name, "education_date": at.Format(dateOnly), "vis_date": at.Format(dateOnly),
		"create_date": b.now, "update_date": b.now, "created_by": b.sh.admin, "updated_by": b.sh.admin,
		"amount_administered": amount, "amount_administered_unit": "mL",
		"expiration_date": at.AddDate(1, 0, 0).Format(dateOnly), "route": route, "administration_site": site,
		"added_erroneously": "0", "completion_status": "Completed", "information_source": "new_immunization_record",
		"ordering_provider": c.doc.id, "encounter_id": encounter,
	})
	return err
}

// lotPrefix makes lot numbers look like each maker's.
func lotPrefix(cvx string) string {
	return map[string]string{"03": "MMR", "08": "HBV", "10": "IPV", "20": "DTP", "21": "VAR", "33": "PPV",
		"43": "HBA", "62": "HPV", "115": "TDP", "133": "PCV", "140": "FLU", "141": "FLU", "207": "MOD", "208": "PFZ"}[cvx]
}
