package ccda

import (
	"goemr/internal/fhir/r4"
)

// Mental Status Section (V2), C-CDA R2.1 Vol 2 §3.64.
var mentalSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.56", "2015-08-01"}},
	code:      "10190-7", display: "Mental status Narrative", title: "Mental Status",
}

// mentalStatus holds the screening and assessment answers and scores
// (US Core survey and cognitive-status observations that are not SDOH,
// which go to Social History) as Assessment Scale Observations (§3.12):
// each item with its question and answer, a panel through its items.
func (b *builder) mentalStatus() *node {
	t := newTable("Assessment", "Answer", "Date")
	var entries []*node
	keep := func(o *r4.Observation) bool {
		return inCategory(o, "survey", "cognitive-status") && !inCategory(o, "sdoh", "functional-status", "disability-status") && hasResult(o)
	}
	for _, o := range b.observationsOf(keep) {
		ref := b.nid("mental")
		t.row(ref, conceptText(o.Code), obsValueText(o), display(obsTime(o)))
		entries = append(entries, b.assessment(o, ref).add(b.author(obsTime(o), performerRef(o))))
	}
	return b.section(mentalSection, t.text(), entries...)
}
