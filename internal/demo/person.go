package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// person is what a history is generated from: the patient's identity and
// the few traits that keep their data consistent from visit to visit.
type person struct {
	n                   int // demo patient number
	pid                 int64
	fname, lname, sex   string
	dob                 time.Time
	street, city, state string
	zip, phone          string
}

// female reports whether the patient is female.
func (p *person) female() bool { return p.sex == "Female" }

// ageAt is the patient's age in whole years on t.
func (p *person) ageAt(t time.Time) int {
	a := t.Year() - p.dob.Year()
	if t.YearDay() < p.dob.YearDay() {
		a--
	}
	return max(a, 0)
}

// years is the patient's exact age in years on t.
func (p *person) years(t time.Time) float64 { return t.Sub(p.dob).Hours() / (24 * 365.25) }

// existingPerson is a patient Seed made (or an earlier run created).
func existingPerson(r emr.Record) *person {
	pid, _ := strconv.ParseInt(r.Str("pid"), 10, 64)
	dob, err := time.Parse("2006-01-02", r.Str("DOB"))
	if err != nil {
		dob = Anchor.AddDate(-40, 0, 0)
	}
	return &person{
		pid: pid, fname: r.Str("fname"), lname: r.Str("lname"), sex: r.Str("sex"), dob: dob,
		street: r.Str("street"), city: r.Str("city"), state: r.Str("state"), zip: r.Str("postal_code"), phone: r.Str("phone_home"),
	}
}

// ageBands approximate the US age pyramid: share (percent) of each band.
var ageBands = []struct{ from, to, share int }{{0, 17, 22}, {18, 44, 36}, {45, 64, 25}, {65, 95, 17}}

// newPerson makes up demo patient n.
func newPerson(r *rand.Rand, n int) *person {
	p := &person{n: n, sex: pick(r, []string{"Female", "Male"})}
	roll, age := r.IntN(100), 0
	for _, b := range ageBands {
		if roll < b.share {
			age = b.from + r.IntN(b.to-b.from+1)
			break
		}
		roll -= b.share
	}
	// Born 30–364 days past a birthday: even the youngest is a month old.
	p.dob = Anchor.AddDate(-age, 0, -30-r.IntN(335))
	if p.female() {
		p.fname = pick(r, femaleNames)
	} else {
		p.fname = pick(r, maleNames)
	}
	switch roll := r.IntN(100); {
	case roll < 18:
		p.lname = pick(r, hispanicNames)
	case roll < 25:
		p.lname = pick(r, asianNames)
	case roll < 50:
		p.lname = pick(r, familyNames)
	default:
		p.lname = rareFamilyName(r)
	}
	c := cities[r.IntN(len(cities))]
	p.street = fmt.Sprintf("%d %s", 1+r.IntN(9899), pick(r, streets))
	p.city, p.state, p.zip = c.name, c.state, c.zip
	p.phone = fmt.Sprintf("%s-555-01%02d", c.area, r.IntN(100))
	return p
}

// createPatient writes a generated patient's patient_data row.
func (b *batch) createPatient(p *person) error {
	r := rng("demographics", b.n)
	race, ethnicity, language := "white", "not_hisp_or_latin", "English"
	switch {
	case contains(hispanicNames, p.lname):
		ethnicity, race = "hisp_or_latin", pick(r, []string{"white", "white", "declne_to_specfy"})
		if r.IntN(100) < 40 {
			language = "Spanish"
		}
	case contains(asianNames, p.lname):
		race = "Asian"
		if r.IntN(100) < 20 {
			language = pick(r, []string{"Chinese", "Vietnamese"})
		}
	default:
		race = pick(r, []string{"white", "white", "white", "white", "black_or_afri_amer", "black_or_afri_amer", "amer_ind_or_alaska_native", "native_hawai_or_pac_island"})
	}
	age := p.ageAt(Anchor)
	status, title := "single", ""
	if age >= 18 {
		status = pick(r, []string{"married", "married", "married", "single", "single", "divorced", "widowed", "separated"})
		if p.female() {
			title = pick(r, []string{"Ms.", "Mrs."})
		} else {
			title = "Mr."
		}
	}
	// Registration: the start of the patient's history here.
	reg := registration(p)
	admin := strconv.FormatInt(b.sh.admin, 10)
	b.now = reg.Format("2006-01-02 15:04:05")
	v := map[string]any{
		"uuid": ID("patient", b.n), "pid": p.pid, "pubpid": strconv.FormatInt(p.pid, 10),
		"title": title, "fname": p.fname, "lname": p.lname, "DOB": p.dob.Format("2006-01-02"), "sex": p.sex,
		"street": p.street, "city": p.city, "state": p.state, "postal_code": p.zip, "country_code": "USA",
		"phone_home": p.phone, "phone_cell": fmt.Sprintf("%s-555-01%02d", p.phone[:3], r.IntN(100)),
		"email":  strings.ToLower(p.fname+"."+p.lname) + strconv.Itoa(b.n) + "@example.org",
		"status": status, "race": race, "ethnicity": ethnicity, "language": language,
		"regdate": b.now, "date": b.now, "last_updated": b.now,
		"providerID": strconv.FormatInt(b.sh.pcp(p, b.n).id, 10), "allow_patient_portal": "YES",
		"hipaa_allowemail": "YES", "hipaa_allowsms": "YES", "hipaa_voice": "YES", "hipaa_mail": "YES",
		"created_by": admin, "updated_by": admin, // text columns, as OpenEMR's
	}
	if age < 18 {
		v["guardiansname"] = pick(r, femaleNames) + " " + p.lname
	}
	_, err := b.put(resource.Patient, v)
	return err
}

// registration is when the patient's history here starts: up to twelve
// years before the anchor, never before birth.
func registration(p *person) time.Time {
	r := rng("registration", p.n)
	start := Anchor.AddDate(-2-r.IntN(10), 0, -r.IntN(365))
	if start.Before(p.dob) {
		start = p.dob.AddDate(0, 0, 3)
	}
	return start.Add(time.Duration(8+r.IntN(9)) * time.Hour)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
