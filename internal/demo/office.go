package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"goemr/internal/resource"
)

// appointments writes 1–3 calendar events: the last visit as a checked-out
// appointment for some patients, and one or two upcoming ones.
func (b *batch) appointments(c *chart) error {
	if c.r.IntN(2) == 0 {
		last := c.visits[len(c.visits)-1]
		if err := b.appointment(c, last.at, ">", last.reason, catEstablished); err != nil {
			return err
		}
	}
	for k, n := 0, 1+c.r.IntN(2); k < n; k++ {
		day := Anchor.AddDate(0, 0, 3+c.r.IntN(120))
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			day = day.AddDate(0, 0, 1)
		}
		at := day.Add(time.Duration(8*60+15*c.r.IntN(34)) * time.Minute)
		reason := "Annual physical examination"
		if c.p.ageAt(Anchor) < 18 {
			reason = "Well child visit"
		}
		for _, pr := range c.probs {
			if pr.chronic && c.r.IntN(2) == 0 {
				reason = "Follow-up: " + pr.title
				break
			}
		}
		status := "-"
		if day.Before(Anchor.AddDate(0, 0, 14)) {
			status = "*" // reminder done
		}
		if err := b.appointment(c, at, status, reason, catEstablished); err != nil {
			return err
		}
	}
	return nil
}

// appointment writes one event of the patient's practitioner.
func (b *batch) appointment(c *chart, at time.Time, status, reason, cat string) error {
	b.now = at.AddDate(0, 0, -14).Format(dateTime) // booked two weeks ahead
	end := at.Add(15 * time.Minute)
	err := b.add(resource.Appointment, map[string]any{
		"pc_catid": cat, "pc_aid": strconv.FormatInt(c.doc.id, 10), "pc_pid": strconv.FormatInt(b.pid, 10),
		"pc_title": "Established Patient", "pc_time": b.now, "pc_hometext": reason,
		"pc_informant": strconv.FormatInt(b.sh.admin, 10), "pc_eventDate": at.Format(dateOnly),
		"pc_endDate": end.Format(dateOnly), "pc_duration": "900", "pc_recurrtype": "0",
		"pc_startTime": at.Format("15:04:05"), "pc_endTime": end.Format("15:04:05"), "pc_alldayevent": "0",
		"pc_apptstatus": status, "pc_eventstatus": "1", "pc_sharing": "1",
		"pc_facility": strconv.FormatInt(c.fac, 10), "pc_billing_location": strconv.FormatInt(c.fac, 10), "pc_room": "",
	})
	return err
}

// insurance writes the patient's policies: Medicare from 65 (often with a
// supplement), Medicaid or a commercial plan otherwise, for a few a
// secondary plan; about one in twenty-five has none. Minors are covered as
// a parent's child; adults are their own subscribers.
func (b *batch) insurance(c *chart) error {
	age := c.p.ageAt(Anchor)
	kinds := func(kind string) []payer {
		var out []payer
		for _, p := range b.sh.payers {
			if p.kind == kind {
				out = append(out, p)
			}
		}
		return out
	}
	roll := c.r.IntN(100)
	var plans []payer
	switch {
	case age >= 65:
		plans = append(plans, kinds("medicare")[0])
		if roll < 45 {
			plans = append(plans, kinds("supplement")[0])
		}
	case roll < 4:
		return nil // uninsured: self-pay
	case roll < 16:
		plans = append(plans, kinds("medicaid")[0])
	default:
		com := kinds("commercial")
		first := c.r.IntN(len(com))
		plans = append(plans, com[first])
		if roll >= 92 {
			plans = append(plans, com[(first+1)%len(com)])
		}
	}
	for i, pl := range plans {
		if err := b.policy(c, []string{"primary", "secondary"}[i], pl); err != nil {
			return err
		}
	}
	return nil
}

// policy writes one policy of the patient.
func (b *batch) policy(c *chart, slot string, pl payer) error {
	p, r := c.p, c.r
	from := c.start
	if pl.kind == "medicare" || pl.kind == "supplement" {
		if turned := p.dob.AddDate(65, 0, 0); turned.After(from) {
			from = turned
		}
	}
	from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	b.now = c.start.Format(dateTime)
	sub := map[string]any{
		"subscriber_fname": p.fname, "subscriber_lname": p.lname, "subscriber_DOB": p.dob.Format(dateOnly),
		"subscriber_sex": p.sex, "subscriber_relationship": "self",
	}
	if p.ageAt(Anchor) < 18 {
		parent := rng("parent", p.n)
		sex := pick(parent, []string{"Female", "Male"})
		fname := pick(parent, femaleNames)
		if sex == "Male" {
			fname = pick(parent, maleNames)
		}
		sub = map[string]any{
			"subscriber_fname": fname, "subscriber_lname": p.lname, "subscriber_sex": sex, "subscriber_relationship": "child",
			"subscriber_DOB": p.dob.AddDate(-24-parent.IntN(16), -parent.IntN(12), -parent.IntN(28)).Format(dateOnly),
		}
	}
	number := fmt.Sprintf("%s%09d", strings.ToUpper(pl.name[:2]), r.Int64N(1e9))
	if pl.kind == "medicare" {
		number = medicareID(r)
	}
	v := map[string]any{
		"type": slot, "provider": strconv.FormatInt(pl.id, 10), "plan_name": pl.plan, "policy_number": number,
		"subscriber_street": p.street, "subscriber_postal_code": p.zip, "subscriber_city": p.city,
		"subscriber_state": p.state, "subscriber_country": "USA", "subscriber_phone": p.phone,
		"copay": map[bool]string{true: "0", false: strconv.Itoa(10 + 5*r.IntN(7))}[pl.kind != "commercial"],
		"date":  from.Format(dateOnly), "pid": b.pid, "accept_assignment": "TRUE",
	}
	if pl.kind == "commercial" {
		v["group_number"] = fmt.Sprintf("G%06d", r.IntN(1000000))
	}
	for k, x := range sub {
		v[k] = x
	}
	return b.add(resource.Insurance, v)
}

// medicareID is a Medicare Beneficiary Identifier in its published
// format (digit, letter, letter-or-digit, digit, …; no S, L, O, I, B, Z).
func medicareID(r interface{ IntN(int) int }) string {
	const letters = "ACDEFGHJKMNPQRTUVWXY"
	const alnum = letters + "0123456789"
	d := func() byte { return byte('0' + r.IntN(10)) }
	l := func() byte { return letters[r.IntN(len(letters))] }
	a := func() byte { return alnum[r.IntN(len(alnum))] }
	return string([]byte{byte('1' + r.IntN(9)), l(), a(), d(), l(), a(), d(), l(), l(), d(), d()})
}
