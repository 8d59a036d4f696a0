package demo

import (
	"fmt"
	"strconv"
	"strings"

	"goemr/internal/resource"
)

// Calendar categories of encounters and appointments (migration 0002).
const (
	catOfficeVisit = "5"
	catEstablished = "9"
	catNewPatient  = "10"
)

// encounters writes every planned visit: the encounter with its forms row,
// the vitals taken, and for some a SOAP note.
func (b *batch) encounters(c *chart) error {
	for i := range c.visits {
		v := &c.visits[i]
		b.now = v.at.Format(dateTime)
		cat, class := catEstablished, "AMB"
		switch {
		case i == 0:
			cat = catNewPatient
		case strings.HasPrefix(v.reason, "Annual") || strings.HasPrefix(v.reason, "Well child"):
			cat = catOfficeVisit
		case c.r.IntN(100) < 8:
			class = "VR" // a telehealth follow-up
		}
		v.encounter = b.nextEncounter
		b.nextEncounter++
		rec, err := b.put(resource.Encounter, map[string]any{
			"date": b.now, "reason": v.reason, "facility": facilityRows[v.doc.facility]["name"], "facility_id": v.fac,
			"pid": b.pid, "encounter": v.encounter, "sensitivity": "normal", "pc_catid": cat, "provider_id": v.doc.id,
			"billing_facility": v.fac, "pos_code": "11", "class_code": class, "last_update": b.now,
		})
		if err != nil {
			return err
		}
		v.id = rec["id"].(int64)
		if err := b.form(v, "New Patient Encounter", "newpatient", v.id); err != nil {
			return err
		}
		if class == "VR" {
			continue // no vitals taken over video
		}
		v.vitals = c.measure(v.at)
		if err := b.vitalsForm(c, v); err != nil {
			return err
		}
		if c.r.IntN(100) < 30 {
			if err := b.soap(c, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// form writes the forms row registering a form of visit v.
func (b *batch) form(v *visit, name, dir string, formID int64) error {
	err := b.add(forms, map[string]any{
		"date": b.now, "encounter": v.encounter, "form_name": name, "form_id": formID, "pid": b.pid,
		"user": AdminUser, "groupname": "Default", "authorized": "1", "deleted": "0", "formdir": dir,
	})
	return err
}

// vitalsForm writes the vitals of visit v.
func (b *batch) vitalsForm(c *chart, v *visit) error {
	m := v.vitals
	row := map[string]any{
		"date": b.now, "pid": b.pid, "encounter": v.encounter, "user": AdminUser, "groupname": "Default",
		"authorized": "1", "activity": "1", "bps": f0(m.bps), "bpd": f0(m.bpd), "pulse": f0(m.pulse),
		"respiration": f0(m.resp), "temperature": f1(m.temp), "oxygen_saturation": f0(m.spo2),
		"weight": f2(m.weight), "height": f2(m.height), "BMI": f1(m.bmi), "last_updated": b.now,
	}
	if c.p.years(v.at) >= 5 {
		row["temp_method"] = "Oral"
	} else {
		row["temp_method"] = "Tympanic"
	}
	if c.p.years(v.at) >= 18 {
		row["BMI_status"] = bmiStatus(m.bmi)
		row["waist_circ"] = f1(m.waist)
	}
	if m.head > 0 {
		row["head_circ"] = f1(m.head)
	}
	c.growthPercentiles(row, m, v.at)
	c.supplementalOxygen(row, m, v.at)
	rec, err := b.put(resource.Vital, row)
	if err != nil {
		return err
	}
	return b.form(v, "Vitals", "vitals", rec["id"].(int64))
}

// soap writes a short SOAP note of visit v.
func (b *batch) soap(c *chart, v *visit) error {
	m := v.vitals
	assessment := strings.TrimPrefix(v.reason, "Follow-up: ")
	plan := "Continue current medications. Return in 3 months or sooner if symptoms worsen."
	if !strings.HasPrefix(v.reason, "Follow-up") {
		plan = "Supportive care discussed. Return if not improving in one week."
	}
	rec, err := b.put(resource.SOAPNote, map[string]any{
		"date": b.now, "pid": b.pid, "encounter": v.encounter, "user": AdminUser, "groupname": "Default",
		"authorized": "1", "activity": "1",
		"subjective": "Patient presents for " + strings.ToLower(v.reason) + ".",
		"objective": fmt.Sprintf("BP %s/%s, HR %s, T %s F, SpO2 %s%%. Alert and oriented, in no acute distress.",
			f0(m.bps), f0(m.bpd), f0(m.pulse), f1(m.temp), f0(m.spo2)),
		"assessment": assessment + ".",
		"plan":       plan,
	})
	if err != nil {
		return err
	}
	return b.form(v, "SOAP", "soap", rec["id"].(int64))
}

func f0(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }
func f1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
func f2(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
