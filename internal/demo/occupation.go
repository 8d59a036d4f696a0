package demo

import (
	"math/rand/v2"

	"goemr/internal/resource"
)

// pastJobs are former jobs with their occupation and industry (options of
// the OccupationODH and IndustryODH lists migration 0024 loads) and where
// they were held.
var pastJobs = []struct{ employer, occupation, industry string }{
	{"Evergreen Home Care", "31-1014.00.007136", "621610.008495"},
	{"Commonwealth University", "19-1042.00.026469", "611310.000015"},
}

// pastJob records, for about one in five patients aged 25 to 64, a job
// they held and left before registering, with its occupation and
// industry: OpenEMR keeps them in the employer history, which the FHIR
// server shows as US Core Occupation.
func (b *batch) pastJob(c *chart, r *rand.Rand) error {
	age := c.p.ageAt(Anchor)
	if age < 25 || age > 64 || r.IntN(100) >= 20 {
		return nil
	}
	job := pastJobs[r.IntN(len(pastJobs))]
	start := c.p.dob.AddDate(20+r.IntN(4), r.IntN(12), r.IntN(28))
	end := start.AddDate(2+r.IntN(6), r.IntN(12), 0)
	if limit := c.start.AddDate(0, -1, 0); end.After(limit) {
		end = limit
	}
	if !start.Before(end) {
		return nil
	}
	b.now = c.start.Format(dateTime)
	return b.add(resource.Employer, map[string]any{
		"name": job.employer, "city": c.p.city, "state": c.p.state, "country": "USA", "date": b.now,
		"start_date": start.Format(dateOnly), "end_date": end.Format(dateOnly), "pid": b.pid,
		"occupation": job.occupation, "industry": job.industry, "created_by": b.sh.admin,
	})
}
