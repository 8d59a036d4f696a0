package ccda

import (
	"goemr/internal/fhir/r4"
)

// Social History Section (V3), C-CDA R2.1 Vol 2 §3.104.
var socialSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.17", "2015-08-01"}},
	code:      "29762-2", display: "Social history Narrative", title: "Social History",
}

// smokingStatuses are the Smoking Status value set (SNOMED CT,
// 2.16.840.1.113883.11.20.9.38) the Smoking Status - Meaningful Use
// template requires of its value.
var smokingStatuses = []string{"449868002", "428041000124106", "8517006", "266919005", "77176002", "266927001", "428071000124103", "428061000124105"}

// birthSexes are the US Core birth sex codes in HL7 AdministrativeGender.
var birthSexes = map[string]string{"M": "Male", "F": "Female"}

// socialHistory holds the patient's birth sex (Birth Sex Observation,
// C-CDA R2.1 Companion Guide §3.1.7), smoking status (Smoking Status -
// Meaningful Use (V2), §3.106) and the other social-history, physical
// activity and SDOH observations with a value (Social History Observation
// (V3), §3.105; one coded in no LOINC code, an Assessment Scale
// Observation); SDOH panels come through their answers.
func (b *builder) socialHistory() *node {
	t := newTable("Social history", "Value", "Date")
	var entries []*node
	if sex, ok := birthSex(b.in.Patient); ok {
		ref := b.nid("social")
		t.row(ref, "Sex assigned at birth", firstOf(birthSexes[sex], "Unknown"), "")
		v := el("value", "xsi:type", "CD", "nullFlavor", "UNK")
		if d, ok := birthSexes[sex]; ok {
			v = fixed("value", sex, oidGender, "AdministrativeGender", d).set("xsi:type", "CD")
		}
		entries = append(entries, el("observation", "classCode", "OBS", "moodCode", "EVN").
			add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.200", "2016-06-01"})...).
			add(b.subID("Patient", deref(b.in.Patient.ID), "birth-sex"), fixed("code", "76689-9", oidLOINC, "LOINC", "Sex assigned at birth"),
				refText(ref), statusEl("completed"), v))
	}
	keep := func(o *r4.Observation) bool {
		return inCategory(o, "social-history", "activity", "sdoh") && hasResult(o)
	}
	for _, o := range b.observationsOf(keep) {
		ref := b.nid("social")
		t.row(ref, conceptText(o.Code), obsValueText(o), display(obsTime(o)))
		if hasCode(o.Code, "http://loinc.org", "72166-2") && hasCode(o.ValueCodeableConcept, "http://snomed.info/sct", smokingStatuses...) {
			entries = append(entries, el("observation", "classCode", "OBS", "moodCode", "EVN").
				add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.78", "2014-06-09"})...).
				add(b.id("Observation", deref(o.ID)), fixed("code", "72166-2", oidLOINC, "LOINC", "Tobacco smoking status"), refText(ref),
					statusEl("completed"), timeEl("effectiveTime", obsTime(o)), cd("value", o.ValueCodeableConcept, "", oidSNOMED).set("xsi:type", "CD"),
					b.author(obsTime(o), performerRef(o))))
			continue
		}
		if codeOf(o.Code, "http://loinc.org") == "" {
			// A Social History Observation needs a LOINC code or
			// translation (CONF:1198-32951): an item coded otherwise
			// (an SDOH finding in SNOMED CT) is an assessment item.
			entries = append(entries, b.assessment(o, ref).add(b.author(obsTime(o), performerRef(o))))
			continue
		}
		entries = append(entries, el("observation", "classCode", "OBS", "moodCode", "EVN").
			add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.38", "2015-08-01"})...).
			add(b.id("Observation", deref(o.ID)), cd("code", o.Code, ref, oidLOINC), refText(ref), statusEl("completed"),
				obsEffective(o), obsValue(o), b.author(obsTime(o), performerRef(o))))
	}
	return b.section(socialSection, t.text(), entries...)
}

// birthSex is the patient's US Core birth sex (M, F or UNK).
func birthSex(p *r4.Patient) (string, bool) {
	for _, e := range p.Extension {
		if deref(e.Url) == extBirthSex && e.ValueCode != nil {
			return *e.ValueCode, true
		}
	}
	return "", false
}
