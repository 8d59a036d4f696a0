package ccda

import (
	"goemr/internal/fhir/r4"
)

// Health Concerns Section (V2), C-CDA R2.1 Vol 2 §3.33.
var concernsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.58", "2015-08-01"}},
	code:      "75310-3", display: "Health concerns Document", title: "Health Concerns",
}

// healthConcerns is one Health Concern Act (V2, §3.32) per Condition of
// category health-concern, referring to the concern as a Problem
// Observation (typeCode REFR, CONF:1198-31007).
func (b *builder) healthConcerns() *node {
	t := newTable("Concern", "Status", "Noted")
	var entries []*node
	for _, c := range each[*r4.Condition](b) {
		if !conditionOf(c, "health-concern") || conditionError(c) || !b.inRange(conditionOnset(c), deref(c.RecordedDate)) {
			continue
		}
		ref := b.nid("concern")
		t.row(ref, conceptText(c.Code), conceptText(c.ClinicalStatus), display(firstOf(conditionOnset(c), deref(c.RecordedDate))))
		status := "completed"
		if conditionActive(c) {
			status = "active"
		}
		act := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.132", "2015-08-01"})...).
			add(b.id("Condition", deref(c.ID)), fixed("code", "75310-3", oidLOINC, "LOINC", "Health concern"), refText(ref), statusEl(status),
				ivl("effectiveTime", firstOf(conditionOnset(c), deref(c.RecordedDate)), conditionAbatement(c)),
				b.author(firstOf(deref(c.RecordedDate), conditionOnset(c)), firstNonNil(c.Recorder, c.Asserter)),
				el("entryRelationship", "typeCode", "REFR").add(b.problemObservation(c, ref, kindProblem)))
		entries = append(entries, act)
	}
	return b.section(concernsSection, t.text(), entries...)
}
