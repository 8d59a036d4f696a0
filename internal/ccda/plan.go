package ccda

import (
	"goemr/internal/fhir/r4"
)

// Plan of Treatment Section (V2), C-CDA R2.1 Vol 2 §3.72.
var planSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.10", "2014-06-09"}},
	code:      "18776-5", display: "Plan of care note", title: "Plan of Treatment",
}

// planned are the statuses of a request or plan still to be carried out.
var planned = map[string]bool{"draft": true, "active": true, "on-hold": true}

// plannedAppointment are the statuses of an appointment still to come.
var plannedAppointment = map[string]bool{"proposed": true, "pending": true, "booked": true, "waitlist": true}

// requestMood is the Planned moodCode (2.16.840.1.113883.11.20.9.23/24)
// of a request's intent: an order is requested, a proposal proposed,
// anything else intended.
func requestMood(intent string) string {
	switch intent {
	case "order", "original-order", "reflex-order", "filler-order", "instance-order":
		return "RQO"
	case "proposal":
		return "PRP"
	}
	return "INT"
}

// planOfTreatment holds what is still to be done: care plans (Planned Act,
// §3.70), service requests (Planned Observation, §3.73, for laboratory
// and imaging, else Planned Procedure, §3.75), medications not yet
// prescribed (Planned Medication Activity, §3.74) and coming encounters
// and appointments (Planned Encounter, §3.71). Referrals go to Reason for
// Referral.
func (b *builder) planOfTreatment() *node {
	t := newTable("Planned care", "Kind", "Date", "Status")
	var entries []*node
	for _, cp := range each[*r4.CarePlan](b) {
		start := firstOf(periodStart(cp.Period), deref(cp.Created))
		if !planned[deref(cp.Status)] || !b.inRange(start) {
			continue
		}
		ref := b.nid("plan")
		var category *r4.CodeableConcept
		if len(cp.Category) > 0 {
			category = &cp.Category[0]
		}
		t.row(ref, firstOf(deref(cp.Description), deref(cp.Title), conceptText(category)), "Care plan", display(start), deref(cp.Status))
		act := el("act", "classCode", "ACT", "moodCode", "INT").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.39", "2014-06-09"})...).
			add(b.id("CarePlan", deref(cp.ID)), cd("code", category, ref, oidLOINC, oidSNOMED), refText(ref), statusEl("active"))
		if v := ts(start); v != "" {
			act.add(el("effectiveTime").add(el("low", "value", v)))
		}
		entries = append(entries, act.add(b.author(firstOf(deref(cp.Created), start), cp.Author)))
	}
	for _, sr := range each[*r4.ServiceRequest](b) {
		when := firstOf(deref(sr.OccurrenceDateTime), periodStart(sr.OccurrencePeriod), deref(sr.AuthoredOn))
		if !planned[deref(sr.Status)] || isReferral(sr) || !b.inRange(when) {
			continue
		}
		ref := b.nid("plan")
		t.row(ref, conceptText(sr.Code), "Order", display(when), deref(sr.Status))
		tag, classCode, template := "procedure", "PROC", tid{"2.16.840.1.113883.10.20.22.4.41", "2014-06-09"}
		if anyCode(sr.Category, "http://snomed.info/sct", "108252007", "363679005") {
			tag, classCode, template = "observation", "OBS", tid{"2.16.840.1.113883.10.20.22.4.44", "2014-06-09"}
		}
		e := el(tag, "classCode", classCode, "moodCode", requestMood(deref(sr.Intent))).add(templateIDs(template)...).
			add(b.id("ServiceRequest", deref(sr.ID)), cd("code", sr.Code, ref, oidLOINC, oidSNOMED, "2.16.840.1.113883.6.12"), refText(ref), statusEl("active"))
		if v := ts(when); v != "" {
			e.add(el("effectiveTime", "value", v))
		}
		entries = append(entries, e.add(b.author(firstOf(deref(sr.AuthoredOn), when), sr.Requester)))
	}
	for _, m := range each[*r4.MedicationRequest](b) {
		if deref(m.Status) != "draft" || !b.inRange(medicationStart(m), deref(m.AuthoredOn)) {
			continue
		}
		ref := b.nid("plan")
		t.row(ref, conceptText(b.medicationCode(m)), "Medication", display(medicationStart(m)), "draft")
		entries = append(entries, b.medicationActivity(m, ref, requestMood(deref(m.Intent))))
	}
	for _, e := range each[*r4.Encounter](b) {
		start := periodStart(e.Period)
		if deref(e.Status) != "planned" || !b.inRange(start) {
			continue
		}
		var typ *r4.CodeableConcept
		if len(e.Type) > 0 {
			typ = &e.Type[0]
		}
		entries = append(entries, b.plannedEncounter(t, "Encounter", deref(e.ID), typ, start, e.ReasonCode))
	}
	for _, a := range each[*r4.Appointment](b) {
		if !plannedAppointment[deref(a.Status)] || !b.inRange(deref(a.Start)) {
			continue
		}
		typ := a.AppointmentType
		if typ == nil && len(a.ServiceType) > 0 {
			typ = &a.ServiceType[0]
		}
		if typ == nil && a.Description != nil {
			typ = &r4.CodeableConcept{Text: a.Description}
		}
		entries = append(entries, b.plannedEncounter(t, "Appointment", deref(a.ID), typ, deref(a.Start), a.ReasonCode))
	}
	return b.section(planSection, t.text(), entries...)
}

// plannedEncounter is a Planned Encounter (V2, §3.71) with its reasons.
func (b *builder) plannedEncounter(t *table, typ, id string, code *r4.CodeableConcept, start string, reasons []r4.CodeableConcept) *node {
	ref := b.nid("plan")
	t.row(ref, firstOf(conceptText(code), "Encounter"), "Encounter", display(start), "planned")
	e := el("encounter", "classCode", "ENC", "moodCode", "INT").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.40", "2014-06-09"})...).
		add(b.id(typ, id), cd("code", code, ref, "2.16.840.1.113883.6.12", oidSNOMED), refText(ref), statusEl("active"))
	if v := ts(start); v != "" {
		e.add(el("effectiveTime", "value", v))
	}
	for i := range reasons {
		e.add(el("entryRelationship", "typeCode", "RSON").add(b.indication(&reasons[i], start, typ, id, i)))
	}
	return e
}

// isReferral reports whether a request is a referral (SNOMED CT 3457005
// Patient referral, as category or code).
func isReferral(sr *r4.ServiceRequest) bool {
	return anyCode(sr.Category, "http://snomed.info/sct", "3457005") || hasCode(sr.Code, "http://snomed.info/sct", "3457005")
}
