package ccda

import (
	"goemr/internal/fhir/r4"
)

// Notes Section (C-CDA R2.1 Companion Guide, Release 2, §5.1: USCDI
// clinical notes), 2.16.840.1.113883.10.20.22.2.65:2016-11-01.
var notesSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.65", "2016-11-01"}},
	code:      "34109-9", display: "Note", title: "Notes",
}

// notes is one Note Activity (4.202:2016-11-01) per clinical note the
// patient has (DocumentReference of category clinical-note), other than
// the CCDs this package writes: its type, date, author, and the document
// it stands for as an external document (its id is the
// DocumentReference's, whose attachment holds the content).
func (b *builder) notes() *node {
	t := newTable("Note", "Type", "Date", "Author")
	var entries []*node
	for _, d := range each[*r4.DocumentReference](b) {
		when := firstOf(deref(d.Date), contextStart(d))
		if deref(d.Status) != "current" || hasCode(d.Type, "http://loinc.org", "34133-9") ||
			!anyCode(d.Category, "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note") || !b.inRange(when) {
			continue
		}
		ref := b.nid("note")
		title := ""
		var author *r4.Reference
		if len(d.Author) > 0 {
			author = &d.Author[0]
		}
		for _, c := range d.Content {
			if c.Attachment != nil {
				title = firstOf(title, deref(c.Attachment.Title))
			}
		}
		t.row(ref, firstOf(title, deref(d.Description), conceptText(d.Type)), conceptText(d.Type), display(when), b.whoText(author))
		code := fixed("code", "34109-9", oidLOINC, "LOINC", "Note")
		if loinc := codeOf(d.Type, "http://loinc.org"); loinc != "" {
			code.add(fixed("translation", loinc, oidLOINC, "LOINC", conceptText(d.Type)))
		}
		act := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.202", "2016-11-01"})...).
			add(b.subID("DocumentReference", deref(d.ID), "note"), code, refText(ref), statusEl("completed"), timeEl("effectiveTime", when),
				b.author(when, author))
		act.add(el("reference", "typeCode", "REFR").add(el("externalDocument", "classCode", "DOCCLIN", "moodCode", "EVN").
			add(b.id("DocumentReference", deref(d.ID)), cd("code", d.Type, "", oidLOINC))))
		entries = append(entries, act)
	}
	return b.section(notesSection, t.text(), entries...)
}

// contextStart is the start of the care a document is about.
func contextStart(d *r4.DocumentReference) string {
	if d.Context != nil && d.Context.Period != nil {
		return deref(d.Context.Period.Start)
	}
	return ""
}
