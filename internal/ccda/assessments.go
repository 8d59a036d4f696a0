package ccda

import (
	"goemr/internal/fhir/r4"
)

// Assessment Section, C-CDA R2.1 Vol 2 §3.9: narrative only.
var assessmentsSection = sectionInfo{
	templates: []tid{{root: "2.16.840.1.113883.10.20.22.2.8"}},
	code:      "51848-0", display: "Evaluation note", title: "Assessments",
}

// assessments narrates the clinicians' conclusions at each encounter: the
// diagnoses they recorded (Conditions of category encounter-diagnosis),
// with the encounter's date. The coded diagnoses are entries of the
// Encounters section.
func (b *builder) assessments() *node {
	t := newTable("Date", "Assessment", "Status", "By")
	for _, c := range each[*r4.Condition](b) {
		if !conditionOf(c, "encounter-diagnosis") || conditionError(c) {
			continue
		}
		when := firstOf(deref(c.RecordedDate), conditionOnset(c))
		if e, ok := b.resolve(c.Encounter).(*r4.Encounter); ok && e.Period != nil && e.Period.Start != nil {
			when = *e.Period.Start
		}
		if !b.inRange(when) {
			continue
		}
		t.row("", display(when), conceptText(c.Code), conceptText(c.ClinicalStatus), b.whoText(firstNonNil(c.Asserter, c.Recorder)))
	}
	return b.section(assessmentsSection, t.text())
}
