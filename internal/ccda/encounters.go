package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// Encounters Section (entries required) (V3), C-CDA R2.1 Vol 2 §3.24.
var encountersSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.22.1", "2015-08-01"}},
	code:      "46240-8", display: "History of Hospitalizations+Outpatient visits Narrative", title: "Encounters",
}

// encounterStatus maps Encounter.status to an ActStatus.
var encounterStatus = map[string]string{
	"finished": "completed", "in-progress": "active", "arrived": "active", "triaged": "active", "onleave": "active", "cancelled": "cancelled",
}

// encounters is one Encounter Activity (V3, §3.22) per Encounter that took
// place (planned ones belong to the Plan of Treatment): its type, time,
// practitioners, place (Service Delivery Location, §3.102), reasons
// (Indication) and diagnoses (Encounter Diagnosis, §3.21, with the
// encounter's Conditions of category encounter-diagnosis).
func (b *builder) encounters() *node {
	t := newTable("Encounter", "Date", "Performed by", "Location", "Reason", "Diagnoses")
	diagnoses := map[string][]*r4.Condition{}
	for _, c := range each[*r4.Condition](b) {
		if conditionOf(c, "encounter-diagnosis") && !conditionError(c) {
			if e, ok := b.resolve(c.Encounter).(*r4.Encounter); ok {
				diagnoses[deref(e.ID)] = append(diagnoses[deref(e.ID)], c)
			}
		}
	}
	var entries []*node
	for _, e := range each[*r4.Encounter](b) {
		start, end := "", ""
		if e.Period != nil {
			start, end = deref(e.Period.Start), deref(e.Period.End)
		}
		if s := deref(e.Status); s == "planned" || s == "entered-in-error" || !b.inRange(start) {
			continue
		}
		ref := b.nid("encounter")
		var typ *r4.CodeableConcept
		if len(e.Type) > 0 {
			typ = &e.Type[0]
		}
		var who, reasons, dx []string
		for _, p := range e.Participant {
			who = append(who, b.whoText(p.Individual))
		}
		for i := range e.ReasonCode {
			reasons = append(reasons, conceptText(&e.ReasonCode[i]))
		}
		for _, c := range diagnoses[deref(e.ID)] {
			dx = append(dx, conceptText(c.Code))
		}
		t.row(ref, firstOf(conceptText(typ), classText(e.Class)), span2(start, end), strings.Join(who, "; "), b.locationText(e),
			strings.Join(reasons, "; "), strings.Join(dx, "; "))
		enc := el("encounter", "classCode", "ENC", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.49", "2015-08-01"})...).
			add(b.id("Encounter", deref(e.ID)), b.encounterCode(e, typ, ref), refText(ref))
		if s, ok := encounterStatus[deref(e.Status)]; ok {
			enc.add(statusEl(s))
		}
		enc.add(ivl("effectiveTime", start, end))
		for _, p := range e.Participant {
			enc.add(b.performer(p.Individual))
		}
		for _, l := range e.Location {
			enc.add(b.serviceLocation(l.Location))
		}
		for i := range e.ReasonCode {
			enc.add(el("entryRelationship", "typeCode", "RSON").add(b.indication(&e.ReasonCode[i], start, "Encounter", deref(e.ID), i)))
		}
		if cs := diagnoses[deref(e.ID)]; len(cs) > 0 {
			act := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.80", "2015-08-01"})...).
				add(fixed("code", "29308-4", oidLOINC, "LOINC", "Diagnosis"))
			for _, c := range cs {
				act.add(el("entryRelationship", "typeCode", "SUBJ").add(b.problemObservation(c, "", kindDiagnosis)))
			}
			enc.add(el("entryRelationship", "typeCode", "COMP").add(act))
		}
		entries = append(entries, enc)
	}
	return b.section(encountersSection, t.text(), entries...)
}

// encounterCode is the encounter's type (CPT or SNOMED CT) with its class
// (ActCode) as a translation.
func (b *builder) encounterCode(e *r4.Encounter, typ *r4.CodeableConcept, ref string) *node {
	cc := r4.CodeableConcept{}
	if typ != nil {
		cc = *typ
	}
	if e.Class != nil {
		cc.Coding = append(append([]r4.Coding{}, cc.Coding...), *e.Class)
	}
	return cd("code", &cc, ref, "2.16.840.1.113883.6.12", oidSNOMED, oidActCode)
}

func classText(c *r4.Coding) string {
	if c == nil {
		return ""
	}
	return firstOf(deref(c.Display), deref(c.Code))
}

// locationText names where an encounter took place.
func (b *builder) locationText(e *r4.Encounter) string {
	var out []string
	for _, l := range e.Location {
		if loc, ok := b.resolve(l.Location).(*r4.Location); ok {
			out = append(out, deref(loc.Name))
		} else if l.Location != nil {
			out = append(out, deref(l.Location.Display))
		}
	}
	return strings.Join(out, "; ")
}

// serviceLocation is a Service Delivery Location participant (§3.102):
// the place's HL7 HealthcareServiceLocation type (nullFlavor when it has
// none), address, telecom and name.
func (b *builder) serviceLocation(ref *r4.Reference) *node {
	loc, ok := b.resolve(ref).(*r4.Location)
	if !ok {
		return nil
	}
	var typ *r4.CodeableConcept
	for i := range loc.Type {
		if codeOf(&loc.Type[i], "https://www.cdc.gov/nhsn/cdaportal/terminology/codesystem/hsloc.html") != "" {
			typ = &loc.Type[i]
		}
	}
	code := el("code", "nullFlavor", "UNK")
	if typ != nil {
		c := codeOf(typ, "https://www.cdc.gov/nhsn/cdaportal/terminology/codesystem/hsloc.html")
		code = fixed("code", c, "2.16.840.1.113883.6.259", "HL7 HealthcareServiceLocation", conceptText(typ))
	}
	role := el("participantRole", "classCode", "SDLOC").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.32"})...).
		add(code, addr(loc.Address)).add(telecoms(loc.Telecom)...)
	role.add(el("playingEntity", "classCode", "PLC").add(textEl("name", deref(loc.Name))))
	return el("participant", "typeCode", "LOC").add(role)
}
