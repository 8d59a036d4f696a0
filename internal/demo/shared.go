package demo

import (
	"fmt"
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// shared are the rows every history refers to: written once, by the first
// Generate on a database, and looked up by their fixed uuids after that.
type shared struct {
	admin      int64 // the demo admin's users.id
	facilities []int64
	doctors    []doctor
	payers     []payer
	lab        int64
	drugs      map[string]int64 // RxNorm code → drugs.drug_id
}

// doctor is a practitioner of a facility; pediatricians see children.
type doctor struct {
	id       int64
	name     string
	facility int // index into facilities
	peds     bool
}

// pcp is the primary care practitioner of a patient.
func (s *shared) pcp(p *person, n int) doctor {
	var pool []doctor
	for _, d := range s.doctors {
		if d.peds == (p.ageAt(Anchor) < 18) {
			pool = append(pool, d)
		}
	}
	return pool[n%len(pool)]
}

// facilityRows are the demo clinics (fictional names, real places).
var facilityRows = []map[string]any{
	{"name": "Riverside Family Medicine", "street": "100 Riverside Avenue", "city": "Boston", "state": "MA", "postal_code": "02115", "phone": "617-555-0140", "fax": "617-555-0141", "facility_npi": npi(100000001), "federal_ein": "04-1234567", "pos_code": "11"},
	{"name": "Northgate Pediatrics", "street": "25 Northgate Road", "city": "Cambridge", "state": "MA", "postal_code": "02139", "phone": "617-555-0150", "fax": "617-555-0151", "facility_npi": npi(100000002), "federal_ein": "04-2345678", "pos_code": "11"},
	{"name": "Lakeside Internal Medicine", "street": "8 Lake Avenue", "city": "Worcester", "state": "MA", "postal_code": "01608", "phone": "508-555-0160", "fax": "508-555-0161", "facility_npi": npi(100000003), "federal_ein": "04-3456789", "pos_code": "11"},
}

// doctorRows are the demo practitioners: title, names, specialty, facility.
var doctorRows = []struct {
	fname, lname, specialty string
	facility                int
	peds                    bool
}{
	{"Helen", "Carver", "Family Medicine", 0, false},
	{"Marcus", "Whitman", "Family Medicine", 0, false},
	{"Priya", "Desai", "Internal Medicine", 2, false},
	{"Daniel", "Osei", "Internal Medicine", 2, false},
	{"Laura", "Kim", "Nurse Practitioner", 0, false},
	{"Rachel", "Levin", "Pediatrics", 1, true},
	{"Tomas", "Alvarez", "Pediatrics", 1, true},
	{"Nina", "Petrov", "Cardiology", 2, false},
}

// loadShared finds the shared rows, writing those that are missing. It
// refuses a database that Seed did not fill.
func (b *batch) loadShared() (*shared, error) {
	b.n, b.seq, b.now = 0, map[string]int{}, Anchor.AddDate(-12, 0, 0).Format("2006-01-02 15:04:05")
	if _, err := b.w.Get(b.ctx, patientLookup, emr.Eq("uuid", ID("patient", 1))); emr.IsNotFound(err) {
		return nil, ErrNotDemo
	} else if err != nil {
		return nil, err
	}
	s := &shared{drugs: map[string]int64{}}
	var err error
	if s.admin, err = b.lookup("users", "id", ID("user", 1)); err != nil {
		return nil, err
	}
	for i, f := range facilityRows {
		id, err := b.ensure(resource.Facility, "id", ID("facility", i+1), func() map[string]any {
			v := copyMap(f)
			v["country_code"], v["website"], v["email"] = "USA", "https://clinic"+strconv.Itoa(i+1)+".example.org", "frontdesk@clinic"+strconv.Itoa(i+1)+".example.org"
			v["service_location"], v["billing_location"], v["accepts_assignment"] = "1", "1", "1"
			v["primary_business_entity"] = map[bool]string{true: "1", false: "0"}[i == 0]
			return v
		}, nil)
		if err != nil {
			return nil, err
		}
		s.facilities = append(s.facilities, id)
	}
	for i, d := range doctorRows {
		fac := s.facilities[d.facility]
		id, err := b.ensure(resource.Practitioner, "id", ID("practitioner", i+1), func() map[string]any {
			return map[string]any{
				"title": "Dr.", "fname": d.fname, "lname": d.lname, "npi": npi(200000001 + i), "specialty": d.specialty,
				"facility_id": strconv.FormatInt(fac, 10), "facility": facilityRows[d.facility]["name"],
				"email":   fmt.Sprintf("%s.%s@clinic%d.example.org", lower(d.fname), lower(d.lname), d.facility+1),
				"phonew1": facilityRows[d.facility]["phone"], "authorized": "1", "active": "1",
				"taxonomy": map[bool]string{true: "208000000X", false: "207Q00000X"}[d.peds],
			}
		}, nil)
		if err != nil {
			return nil, err
		}
		name := d.fname + " " + d.lname
		s.doctors = append(s.doctors, doctor{id: id, name: name, facility: d.facility, peds: d.peds})
	}
	if err := b.loadPayers(s); err != nil {
		return nil, err
	}
	if err := b.loadLab(s); err != nil {
		return nil, err
	}
	if err := b.loadFormulary(s); err != nil {
		return nil, err
	}
	if err := b.loadCohort(); err != nil {
		return nil, err
	}
	return s, nil
}

// lookup returns the id column of the row of table with uuid, or 0.
func (b *batch) lookup(table, id, uuid string) (int64, error) {
	rec, err := b.w.Get(b.ctx, uuidLookup(table, id), emr.Eq("uuid", uuid))
	if emr.IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(rec.Str(id), 10, 64)
}

// ensure returns the id of d's row with uuid, inserting values() when
// there is none and then calling after with the new id (the rows that
// belong to it).
func (b *batch) ensure(d *resource.Def, id, uuid string, values func() map[string]any, after func(id int64) error) (int64, error) {
	n, err := b.lookup(d.Table, id, uuid)
	if err != nil || n != 0 {
		return n, err
	}
	v := values()
	v["uuid"] = uuid
	rec, err := b.put(d, v)
	if err != nil {
		return 0, err
	}
	n = rec[id].(int64)
	if after != nil {
		err = after(n)
	}
	return n, err
}

// npi is a National Provider Identifier with a valid check digit (Luhn
// over the 80840 prefix and the nine digits of base).
func npi(base int) string {
	digits := "80840" + strconv.Itoa(base)
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 0 { // doubled: the check digit will sit to their right
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return strconv.Itoa(base) + strconv.Itoa((10-sum%10)%10)
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+4)
	for k, v := range m {
		out[k] = v
	}
	return out
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
