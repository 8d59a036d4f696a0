package ccda

import (
	"goemr/internal/fhir/r4"
)

// Procedures Section (entries required) (V2), C-CDA R2.1 Vol 2 §3.88.
var proceduresSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.7.1", "2014-06-09"}},
	code:      "47519-4", display: "History of Procedures Document", title: "Procedures",
}

// procedureStatus maps Procedure.status to the ProcedureAct statusCode
// value set (2.16.840.1.113883.11.20.9.22).
var procedureStatus = map[string]string{
	"completed": "completed", "in-progress": "active", "preparation": "active", "on-hold": "active",
	"stopped": "aborted", "not-done": "cancelled",
}

// procedures is one Procedure Activity Procedure (V2, §3.86) per
// Procedure: what was done, when, where on the body, by whom, and why.
func (b *builder) procedures() *node {
	t := newTable("Procedure", "Date", "Status", "Performed by", "Body site")
	var entries []*node
	for _, p := range each[*r4.Procedure](b) {
		start, end := procedureTime(p)
		if deref(p.Status) == "entered-in-error" || !b.inRange(start) {
			continue
		}
		ref := b.nid("procedure")
		var performer *r4.Reference
		if len(p.Performer) > 0 {
			performer = p.Performer[0].Actor
		}
		var site *r4.CodeableConcept
		if len(p.BodySite) > 0 {
			site = &p.BodySite[0]
		}
		t.row(ref, conceptText(p.Code), span2(start, end), deref(p.Status), b.whoText(performer), conceptText(site))
		pr := el("procedure", "classCode", "PROC", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.14", "2014-06-09"})...).
			add(b.id("Procedure", deref(p.ID)), cd("code", p.Code, ref, oidSNOMED, oidLOINC, "2.16.840.1.113883.6.12"), refText(ref),
				statusEl(firstOf(procedureStatus[deref(p.Status)], "completed")))
		switch {
		case end != "":
			pr.add(ivl("effectiveTime", start, end))
		case start != "":
			pr.add(el("effectiveTime", "value", ts(start)))
		}
		if site != nil {
			pr.add(cd("targetSiteCode", site, "", oidSNOMED))
		}
		for _, pp := range p.Performer {
			pr.add(b.performer(pp.Actor))
		}
		pr.add(b.author(start, p.Recorder))
		for i := range p.ReasonCode {
			pr.add(el("entryRelationship", "typeCode", "RSON").add(b.indication(&p.ReasonCode[i], start, "Procedure", deref(p.ID), i)))
		}
		entries = append(entries, pr)
	}
	return b.section(proceduresSection, t.text(), entries...)
}

// procedureTime is when a procedure was performed.
func procedureTime(p *r4.Procedure) (start, end string) {
	switch {
	case p.PerformedDateTime != nil:
		return *p.PerformedDateTime, ""
	case p.PerformedPeriod != nil:
		return deref(p.PerformedPeriod.Start), deref(p.PerformedPeriod.End)
	}
	return "", ""
}

// span2 is a date, or a period when it has an end.
func span2(start, end string) string {
	if end == "" {
		return display(start)
	}
	return span(start, end)
}
