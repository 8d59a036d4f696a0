package ccda

import (
	"goemr/internal/fhir/r4"
)

// Results Section (entries required) (V3), C-CDA R2.1 Vol 2 §3.98.
var resultsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.3.1", "2015-08-01"}},
	code:      "30954-2", display: "Relevant diagnostic tests/laboratory data Narrative", title: "Results",
}

// resultStatus maps a DiagnosticReport's or Observation's status to the
// Result Status value set (2.16.840.1.113883.11.20.9.39).
var resultStatus = map[string]string{
	"final": "completed", "amended": "completed", "corrected": "completed", "appended": "completed",
	"registered": "active", "partial": "active", "preliminary": "active", "cancelled": "cancelled",
}

// results is one Result Organizer (V3, §3.96) per laboratory report, with
// a Result Observation (V3, §3.95) per result; a laboratory result no
// report in the document holds is sent in an organizer of its own.
func (b *builder) results() *node {
	t := newTable("Test", "Result", "Reference range", "Interpretation", "Date")
	var entries []*node
	held := map[string]bool{}
	for _, r := range each[*r4.DiagnosticReport](b) {
		at := firstOf(deref(r.EffectiveDateTime), periodStart(r.EffectivePeriod), deref(r.Issued))
		if s := deref(r.Status); s == "entered-in-error" || s == "cancelled" || !b.inRange(at) {
			continue
		}
		var obs []*r4.Observation
		for i := range r.Result {
			if o, ok := b.resolve(&r.Result[i]).(*r4.Observation); ok && deref(o.Status) != "entered-in-error" && deref(o.Status) != "cancelled" {
				obs = append(obs, o)
				held[deref(o.ID)] = true
			}
		}
		if len(obs) == 0 {
			continue
		}
		var performer *r4.Reference
		if len(r.Performer) > 0 {
			performer = &r.Performer[0]
		}
		entries = append(entries, b.resultOrganizer("DiagnosticReport", deref(r.ID), r.Code, deref(r.Status), at, performer, obs, t))
	}
	for _, o := range b.observationsOf(func(o *r4.Observation) bool { return inCategory(o, "laboratory") && !held[deref(o.ID)] }) {
		if !hasResult(o) {
			continue
		}
		entries = append(entries, b.resultOrganizer("Observation", deref(o.ID), o.Code, deref(o.Status), obsTime(o), performerRef(o), []*r4.Observation{o}, t))
	}
	return b.section(resultsSection, t.text(), entries...)
}

func periodStart(p *r4.Period) string {
	if p == nil {
		return ""
	}
	return deref(p.Start)
}

// resultOrganizer groups results under the test that produced them.
func (b *builder) resultOrganizer(typ, id string, code *r4.CodeableConcept, status, at string, performer *r4.Reference, obs []*r4.Observation, t *table) *node {
	org := el("organizer", "classCode", "BATTERY", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.1", "2015-08-01"})...)
	orgID := b.id(typ, id)
	if typ == "Observation" {
		orgID = b.subID(typ, id, "organizer")
	}
	org.add(orgID, cd("code", code, "", oidLOINC, oidSNOMED), statusEl(firstOf(resultStatus[status], "completed")),
		el("effectiveTime").add(timeEl("low", at), timeEl("high", at)), b.author(at, performer))
	for _, o := range obs {
		ref := b.nid("result")
		var rng []string
		for _, r := range o.ReferenceRange {
			rng = append(rng, firstOf(deref(r.Text), quantityText(r.Low)+" – "+quantityText(r.High)))
		}
		var interp []string
		for i := range o.Interpretation {
			interp = append(interp, conceptText(&o.Interpretation[i]))
		}
		t.row(ref, conceptText(o.Code), obsValueText(o), join(rng), join(interp), display(firstOf(obsTime(o), at)))
		v := obsValue(o)
		if v == nil {
			v = el("value", "xsi:type", "PQ", "nullFlavor", "NI")
		}
		ro := el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.2", "2015-08-01"})...).
			add(b.id("Observation", deref(o.ID)), cd("code", o.Code, ref, oidLOINC), refText(ref),
				statusEl(firstOf(resultStatus[deref(o.Status)], "completed")), timeEl("effectiveTime", firstOf(obsTime(o), at)), v).
			add(interpretations(o.Interpretation)...)
		ro.add(b.author(firstOf(obsTime(o), at), performerRef(o)))
		for _, r := range o.ReferenceRange {
			if r.Low == nil && r.High == nil {
				continue
			}
			rv := el("value", "xsi:type", "IVL_PQ")
			if r.Low != nil {
				rv.add(pq("low", r.Low))
			}
			if r.High != nil {
				rv.add(pq("high", r.High))
			}
			ro.add(el("referenceRange").add(el("observationRange").add(textEl("text", deref(r.Text)), rv)))
		}
		org.add(el("component").add(ro))
	}
	return org
}
