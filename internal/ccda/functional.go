package ccda

import (
	"goemr/internal/fhir/r4"
)

// Functional Status Section (V2), C-CDA R2.1 Vol 2 §3.28.
var functionalSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.14", "2014-06-09"}},
	code:      "47420-5", display: "Functional status assessment note", title: "Functional Status",
}

// functionalStatus holds the US Core functional-status and
// disability-status observations: a LOINC-coded one as a Functional
// Status Observation (V2, §3.26, whose code must be LOINC), any other as
// an Assessment Scale Observation.
func (b *builder) functionalStatus() *node {
	t := newTable("Functional status", "Result", "Date")
	var entries []*node
	keep := func(o *r4.Observation) bool {
		return inCategory(o, "functional-status", "disability-status") && hasResult(o)
	}
	for _, o := range b.observationsOf(keep) {
		ref := b.nid("functional")
		t.row(ref, conceptText(o.Code), obsValueText(o), display(obsTime(o)))
		loinc := codeOf(o.Code, "http://loinc.org")
		if loinc == "" {
			entries = append(entries, b.assessment(o, ref).add(b.author(obsTime(o), performerRef(o))))
			continue
		}
		entries = append(entries, el("observation", "classCode", "OBS", "moodCode", "EVN").
			add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.67", "2014-06-09"})...).
			add(b.id("Observation", deref(o.ID)), cd("code", o.Code, ref, oidLOINC), refText(ref), statusEl("completed"),
				obsEffective(o), obsValue(o), b.author(obsTime(o), performerRef(o))))
	}
	return b.section(functionalSection, t.text(), entries...)
}
