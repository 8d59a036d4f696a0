package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// relative is a person related to the patient: how (HL7 v3 RoleCode, an
// option of related_person_relationship), what they do for the patient
// (contact_relation.role), their age and whether they share the
// patient's home.
type relative struct {
	code, role   string
	sex, fname   string
	lname        string
	age          int
	home         bool
	decides      bool // may make medical decisions for the patient
	endedOn      time.Time
	emailAddress bool
}

// The patient's marital status and guardian as patient_data holds them,
// and the tables a related person's contact lives in.
var (
	contactPatient = &resource.Def{Name: "patient", Table: "patient_data", Fields: []resource.Field{col("pid"), col("status"), col("guardiansname")}}
	contactRow     = def("contact", "id", col("id", resource.As(resource.Int)))
	contactAddress = def("contact_address", "")
)

// contacts writes one or two persons related to the patient (person,
// contact, contact_relation, contact_telecom, contact_address): a
// parent, the guardian, for a child (the one patient_data names); a
// spouse for a married adult; else a grown child, a parent or a sibling
// as emergency contact; and sometimes a second relative.
func (b *batch) contacts(c *chart) error {
	pt, err := b.w.Get(b.ctx, contactPatient, emr.Eq("pid", b.pid))
	if err != nil {
		return err
	}
	r := rng("contacts", c.p.n)
	for i, rel := range c.relatives(r, pt.Str("status"), pt.Str("guardiansname")) {
		if err := b.relative(c, r, rel, i+1); err != nil {
			return err
		}
	}
	return nil
}

// relatives chooses the patient's related persons.
func (c *chart) relatives(r *rand.Rand, status, guardian string) []relative {
	p, age := c.p, c.p.ageAt(Anchor)
	kin := func(code, sex string, age int) relative {
		return relative{code: code, sex: sex, fname: givenName(r, sex), lname: p.lname, age: max(age, 18), emailAddress: r.IntN(2) == 0}
	}
	var out []relative
	switch {
	case age < 18:
		mother := kin("MTH", "Female", age+24+r.IntN(14))
		if first, last, ok := strings.Cut(guardian, " "); ok {
			mother.fname, mother.lname = first, last
		}
		mother.role, mother.home, mother.decides = "guardian", true, true
		out = append(out, mother)
		if r.IntN(100) < 55 {
			father := kin("FTH", "Male", age+26+r.IntN(14))
			father.role, father.home, father.decides = "emergency_contact", true, true
			out = append(out, father)
		}
	case status == "married" || status == "" && age >= 25 && r.IntN(100) < 55:
		sex := map[bool]string{true: "Male", false: "Female"}[p.female()]
		spouse := kin(map[bool]string{true: "HUSB", false: "WIFE"}[p.female()], sex, age-5+r.IntN(11))
		if r.IntN(100) < 25 {
			spouse.lname = pick(r, familyNames)
		}
		spouse.role, spouse.home, spouse.decides = "emergency_contact", true, true
		out = append(out, spouse)
	default:
		out = append(out, c.emergencyContact(r, kin, age))
	}
	if status == "divorced" && r.IntN(100) < 40 {
		sex := map[bool]string{true: "Male", false: "Female"}[p.female()]
		former := kin("SPS", sex, age-4+r.IntN(9))
		former.role, former.endedOn = "", between(r, c.start, Anchor.AddDate(0, -2, 0))
		out = append(out, former)
	} else if age >= 18 && len(out) == 1 && r.IntN(100) < 35 {
		extra := c.emergencyContact(r, kin, age)
		extra.role = "next_of_kin"
		if extra.code != out[0].code {
			out = append(out, extra)
		}
	}
	return out
}

// emergencyContact is an adult's relative to call: a grown child for the
// old, a parent for the young, a sibling or a friend otherwise.
func (c *chart) emergencyContact(r *rand.Rand, kin func(code, sex string, age int) relative, age int) relative {
	sex := pick(r, []string{"Female", "Male"})
	var rel relative
	switch {
	case age >= 60:
		rel = kin(map[string]string{"Female": "DAU", "Male": "SON"}[sex], sex, age-24-r.IntN(12))
	case age < 35:
		rel = kin(map[string]string{"Female": "MTH", "Male": "FTH"}[sex], sex, age+22+r.IntN(14))
	case r.IntN(100) < 75:
		rel = kin(map[string]string{"Female": "SIS", "Male": "BRO"}[sex], sex, age-8+r.IntN(17))
	default:
		rel = kin("FRND", sex, age-6+r.IntN(13))
		rel.lname = pick(r, familyNames)
	}
	if rel.code == "DAU" && r.IntN(100) < 60 {
		rel.lname = pick(r, familyNames) // a married daughter's name
	}
	rel.role = "emergency_contact"
	return rel
}

// relative writes one related person, the patient's k-th contact.
func (b *batch) relative(c *chart, r *rand.Rand, rel relative, k int) error {
	b.now = c.start.Format(dateTime)
	title := map[string]string{"Male": "Mr.", "Female": pick(r, []string{"Mrs.", "Ms."})}[rel.sex]
	born := Anchor.AddDate(-rel.age, -r.IntN(12), -r.IntN(28))
	person, err := b.put(resource.Person, map[string]any{
		"title": title, "first_name": rel.fname, "last_name": rel.lname, "gender": rel.sex, "birth_date": born.Format(dateOnly),
	})
	if err != nil {
		return err
	}
	contact, err := b.put(contactRow, map[string]any{"foreign_table_name": "person", "foreign_id": person["id"]})
	if err != nil {
		return err
	}
	area, phone := "617", c.p.phone
	if len(phone) >= 3 {
		area = phone[:3]
	}
	if !rel.home || r.IntN(2) == 0 || phone == "" {
		phone = fmt.Sprintf("%s-555-01%02d", area, r.IntN(100))
	}
	telecoms := []map[string]any{{"rank": 1, "system": "phone", "use": map[bool]string{true: "home", false: "mobile"}[phone == c.p.phone], "value": phone}}
	if rel.emailAddress {
		email := strings.ToLower(rel.fname+"."+rel.lname) + fmt.Sprintf("%d.%d@example.org", c.p.n, k)
		telecoms = append(telecoms, map[string]any{"rank": 2, "system": "email", "use": "home", "value": email})
	}
	for _, t := range telecoms {
		t["contact_id"] = contact["id"]
		if err := b.add(resource.ContactTelecom, t); err != nil {
			return err
		}
	}
	if err := b.relativeAddress(c, r, rel, contact["id"]); err != nil {
		return err
	}
	v := map[string]any{
		"contact_id": contact["id"], "target_table": "patient_data", "target_id": b.pid, "role": rel.role,
		"relationship": rel.code, "contact_priority": k, "is_primary_contact": map[bool]string{true: "1", false: "0"}[k == 1],
		"is_emergency_contact":       map[bool]string{true: "1", false: "0"}[rel.role == "emergency_contact" || rel.role == "guardian"],
		"can_make_medical_decisions": map[bool]string{true: "1", false: "0"}[rel.decides],
		"can_receive_medical_info":   map[bool]string{true: "1", false: "0"}[rel.endedOn.IsZero()],
		"start_date":                 c.start.Format(dateOnly), "created_date": b.now, "created_by": b.sh.admin, "updated_by": b.sh.admin,
	}
	if !rel.endedOn.IsZero() {
		b.now = rel.endedOn.Format(dateTime)
		v["active"], v["end_date"] = "0", rel.endedOn.Format(dateOnly)
	}
	return b.add(resource.ContactRelation, v)
}

// relativeAddress writes the relative's home: the patient's for one who
// lives there, else (most of the time) one of their own.
func (b *batch) relativeAddress(c *chart, r *rand.Rand, rel relative, contact any) error {
	street, ct := c.p.street, city{c.p.city, c.p.state, c.p.zip, ""}
	if !rel.home {
		if r.IntN(100) < 30 {
			return nil
		}
		ct = cities[r.IntN(len(cities))]
		street = fmt.Sprintf("%d %s", 1+r.IntN(9899), pick(r, streets))
	}
	addr, err := b.put(address, map[string]any{"line1": street, "city": ct.name, "state": ct.state, "zip": ct.zip, "country": "USA"})
	if err != nil {
		return err
	}
	return b.add(contactAddress, map[string]any{
		"contact_id": contact, "address_id": addr["id"], "priority": "1", "type": "home", "use": "home",
		"status": "A", "is_primary": "Y", "period_start": c.start.Format(dateTime),
	})
}

// givenName is a first name for a person of sex.
func givenName(r *rand.Rand, sex string) string {
	if sex == "Female" {
		return pick(r, femaleNames)
	}
	return pick(r, maleNames)
}
