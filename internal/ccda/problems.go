package ccda

import (
	"goemr/internal/fhir/r4"
)

// Problem Section (entries required) (V3), C-CDA R2.1 Vol 2 §3.84.
var problemsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.5.1", "2015-08-01"}},
	code:      "11450-4", display: "Problem list - Reported", title: "Problems",
}

// problems is one Problem Concern Act (V3, §3.78) per Condition of the
// problem list; encounter diagnoses go with their encounter and health
// concerns in their own section.
func (b *builder) problems() *node {
	t := newTable("Problem", "Status", "Onset", "Resolved")
	var entries []*node
	for _, c := range each[*r4.Condition](b) {
		if !conditionOf(c, "problem-list-item") || conditionError(c) || !b.inRange(deref(c.RecordedDate), conditionOnset(c)) {
			continue
		}
		ref := b.nid("problem")
		t.row(ref, conceptText(c.Code), conceptText(c.ClinicalStatus), display(conditionOnset(c)), display(conditionAbatement(c)))
		entries = append(entries, b.concernAct(c, ref, kindProblem))
	}
	return b.section(problemsSection, t.text(), entries...)
}

// conditionError reports whether a condition was entered in error.
func conditionError(c *r4.Condition) bool {
	return hasCode(c.VerificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error")
}

// concernAct is a Problem Concern Act (V3): the concern, active while the
// problem is, holding the Problem Observation.
func (b *builder) concernAct(c *r4.Condition, ref string, kind [4]string) *node {
	status := "completed"
	if conditionActive(c) {
		status = "active"
	}
	et := el("effectiveTime").add(timeEl("low", firstOf(deref(c.RecordedDate), conditionOnset(c))))
	if status == "completed" {
		et.add(timeEl("high", conditionAbatement(c)))
	}
	return el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.3", "2015-08-01"})...).
		add(b.id("Condition", deref(c.ID)), fixed("code", "CONC", oidActClass, "HL7ActClass", "Concern"), statusEl(status), et,
			b.author(firstOf(deref(c.RecordedDate), conditionOnset(c)), firstNonNil(c.Recorder, c.Asserter)),
			el("entryRelationship", "typeCode", "SUBJ").add(b.problemObservation(c, ref, kind)))
}
