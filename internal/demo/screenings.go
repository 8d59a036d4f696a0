package demo

import (
	"math/rand/v2"
	"time"

	"goemr/internal/resource"
)

// obs is one observation of OpenEMR's Observation form: its LOINC code
// and name, observation category (ob_type) and US Core category, and its
// value: a coded answer "TYPE:code" with its name, or a number and unit,
// or text.
type obs struct {
	code, name, typ, category string
	value, valueName, unit    string
}

// obsForm is an Observation form filled in at a visit; its rows share the
// form's number, which its first row is given.
type obsForm struct {
	encounter int64
	at        time.Time
	formID    int64
	response  int64 // the questionnaire_response the form was taken from
}

// observe writes o into form f under panel parent (0 for none), and
// returns its id when asked to (reading it back costs the insert a
// RETURNING).
func (b *batch) observe(f *obsForm, o obs, parent int64, needID bool) (int64, error) {
	b.now = f.at.Format(dateTime)
	v := map[string]any{
		"date": b.now, "pid": b.pid, "encounter": f.encounter, "user": AdminUser, "groupname": "Default",
		"authorized": 1, "activity": 1, "code": "LOINC:" + o.code, "ob_code": o.code, "code_type": "LOINC",
		"description": o.name, "observation": o.name, "ob_type": o.typ, "category": o.category, "ob_status": "final",
		"ob_value": o.value, "ob_unit": o.unit, "ob_value_code_description": o.valueName,
	}
	if parent != 0 {
		v["parent_observation_id"] = parent
	}
	if f.response != 0 {
		v["questionnaire_response_id"] = f.response
	}
	if f.formID != 0 {
		v["form_id"] = f.formID
		if !needID {
			return 0, b.add(resource.FormObservation, v)
		}
	}
	rec, err := b.put(resource.FormObservation, v)
	if err != nil {
		return 0, err
	}
	if f.formID == 0 {
		f.formID, _ = rec["form_id"].(int64)
		if err := b.form(&visit{encounter: f.encounter}, "Observation Form", "observation", f.formID); err != nil {
			return 0, err
		}
	}
	id, _ := rec["id"].(int64)
	return id, nil
}

// panel writes a panel and its items in one form.
func (b *batch) panel(f *obsForm, head obs, items []obs) error {
	id, err := b.observe(f, head, 0, true)
	for _, it := range items {
		if err != nil {
			return err
		}
		_, err = b.observe(f, it, id, false)
	}
	return err
}

// screenings writes the Observation form entries of the patient's visits:
// PHQ-9s from the questionnaires answered (phq9Observations), a PHQ-2
// for some other adults, a Hunger Vital Sign for about half the adults,
// sexual orientation and for some the physical activity vital sign for
// most adults, pregnancy status and intent for women 15 to 50, and a
// cognitive status note for some patients from 65. The named demo
// patients' adults get each adult's screening.
func (b *batch) screenings(c *chart, r *rand.Rand) error {
	last := &c.visits[len(c.visits)-1]
	form := func(v *visit) *obsForm {
		return &obsForm{encounter: v.encounter, at: v.at.Add(time.Duration(20+r.IntN(20)) * time.Minute)}
	}
	age := c.p.ageAt(last.at)
	if age >= 18 {
		had, err := b.phq9Observations()
		if err != nil {
			return err
		}
		if !had && r.IntN(100) < 40 {
			head, items := phq2(r)
			if err := b.panel(form(last), head, items); err != nil {
				return err
			}
		}
		if r.IntN(100) < 50 || c.p.n <= len(Patients) {
			head, items := hungerVitalSign(r)
			if err := b.panel(form(&c.visits[r.IntN(len(c.visits))]), head, items); err != nil {
				return err
			}
		}
	}
	f := form(last)
	var single []obs
	if age >= 18 && (r.IntN(100) < 75 || c.p.n <= len(Patients)) {
		single = append(single, sexualOrientation(r))
	}
	if age >= 18 && (r.IntN(100) < 35 || c.p.n <= len(Patients)) {
		single = append(single, physicalActivity(r)...)
	}
	if c.p.female() && age >= 15 && age <= 50 {
		single = append(single, pregnancy(r)...)
	}
	if age >= 65 && r.IntN(100) < 40 {
		single = append(single, cognitiveStatus(r))
	}
	for _, o := range single {
		if _, err := b.observe(f, o, 0, false); err != nil {
			return err
		}
	}
	return nil
}
