package ccda

import (
	"goemr/internal/fhir/r4"
)

// Vital Signs Section (entries required) (V3), C-CDA R2.1 Vol 2 §3.115.
var vitalSignsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.4.1", "2015-08-01"}},
	code:      "8716-3", display: "Vital signs", title: "Vital Signs",
}

// vital is one measured value: an Observation's own, or a component's
// (systolic and diastolic of a blood pressure panel).
type vital struct {
	o      *r4.Observation
	code   *r4.CodeableConcept
	q      *r4.Quantity
	interp []r4.CodeableConcept
	part   string // "" for the observation's own value, else the component's code
}

// vitals lists the measured values of an observation.
func vitals(o *r4.Observation) []vital {
	var out []vital
	if o.ValueQuantity != nil && o.ValueQuantity.Value != nil {
		out = append(out, vital{o: o, code: o.Code, q: o.ValueQuantity, interp: o.Interpretation})
	}
	for i := range o.Component {
		c := &o.Component[i]
		if c.ValueQuantity != nil && c.ValueQuantity.Value != nil {
			out = append(out, vital{o: o, code: c.Code, q: c.ValueQuantity, interp: c.Interpretation, part: firstOf(codeOf(c.Code, "http://loinc.org"), itoa(i+1))})
		}
	}
	return out
}

// vitalSigns is one Vital Signs Organizer (V3, §3.116) per time the
// patient was measured, holding a Vital Sign Observation (V2, §3.114) per
// value.
func (b *builder) vitalSigns() *node {
	t := newTable("Date", "Vital sign", "Value", "Interpretation")
	var times []string
	byTime := map[string][]*r4.Observation{}
	for _, o := range b.observationsOf(func(o *r4.Observation) bool { return inCategory(o, "vital-signs") && len(vitals(o)) > 0 }) {
		at := obsTime(o)
		if byTime[at] == nil {
			times = append(times, at)
		}
		byTime[at] = append(byTime[at], o)
	}
	var entries []*node
	for _, at := range times {
		obs := byTime[at]
		org := el("organizer", "classCode", "CLUSTER", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.26", "2015-08-01"})...).
			add(b.subID("Observation", deref(obs[0].ID), "vital-signs"),
				fixed("code", "46680005", oidSNOMED, "SNOMED CT", "Vital signs").add(fixed("translation", "74728-7", oidLOINC, "LOINC", "Vital signs, weight, height, head circumference, oximetry, BMI, and BSA panel - HL7.CCDAr1.1")),
				statusEl("completed"), el("effectiveTime").add(timeEl("low", at), timeEl("high", at)),
				b.author(at, performerRef(obs[0])))
		for _, o := range obs {
			for _, v := range vitals(o) {
				ref := b.nid("vital")
				var interp []string
				for i := range v.interp {
					interp = append(interp, conceptText(&v.interp[i]))
				}
				t.row(ref, display(at), conceptText(v.code), quantityText(v.q), join(interp))
				id := b.id("Observation", deref(o.ID))
				if v.part != "" {
					id = b.subID("Observation", deref(o.ID), v.part)
				}
				vo := el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.27", "2014-06-09"})...).
					add(id, cd("code", v.code, ref, oidLOINC), refText(ref), statusEl("completed"), timeEl("effectiveTime", at), pqValue(v.q)).
					add(interpretations(v.interp)...)
				org.add(el("component").add(vo))
			}
		}
		entries = append(entries, org)
	}
	return b.section(vitalSignsSection, t.text(), entries...)
}
