package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// Medications Section (entries required) (V2), C-CDA R2.1 Vol 2 §3.56.
var medicationsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.1.1", "2014-06-09"}},
	code:      "10160-0", display: "History of Medication use Narrative", title: "Medications",
}

// medicationStatus maps MedicationRequest.status to the Medication
// Activity's ActStatus.
var medicationStatus = map[string]string{
	"active": "active", "completed": "completed", "stopped": "aborted", "cancelled": "cancelled", "on-hold": "suspended",
}

// medications is one Medication Activity (V2, §3.59) per MedicationRequest
// that is not a plan (draft requests go to the Plan of Treatment).
func (b *builder) medications() *node {
	t := newTable("Medication", "Directions", "Start", "End", "Status", "Indication")
	var entries []*node
	for _, m := range each[*r4.MedicationRequest](b) {
		status := deref(m.Status)
		if status == "draft" || status == "entered-in-error" || !b.inRange(medicationStart(m), deref(m.AuthoredOn)) {
			continue
		}
		ref := b.nid("medication")
		var reasons []string
		for i := range m.ReasonCode {
			reasons = append(reasons, conceptText(&m.ReasonCode[i]))
		}
		t.row(ref, conceptText(b.medicationCode(m)), directions(m), display(firstOf(medicationStart(m), deref(m.AuthoredOn))),
			display(medicationEnd(m)), status, strings.Join(reasons, "; "))
		entries = append(entries, b.medicationActivity(m, ref, "EVN"))
	}
	return b.section(medicationsSection, t.text(), entries...)
}

// medicationCode is the drug: the request's concept, or its Medication's.
func (b *builder) medicationCode(m *r4.MedicationRequest) *r4.CodeableConcept {
	if m.MedicationCodeableConcept != nil {
		return m.MedicationCodeableConcept
	}
	if med, ok := b.resolve(m.MedicationReference).(*r4.Medication); ok && med.Code != nil {
		return med.Code
	}
	if m.MedicationReference != nil && m.MedicationReference.Display != nil {
		return &r4.CodeableConcept{Text: m.MedicationReference.Display}
	}
	return nil
}

// medicationActivity is a Medication Activity (mood EVN) or a Planned
// Medication Activity (V2, §3.74, mood INT): dates, frequency, route,
// dose, the drug (Medication Information, §3.57), prescriber,
// indications (§3.37) and the sig as an Instruction (§3.40).
func (b *builder) medicationActivity(m *r4.MedicationRequest, ref, mood string) *node {
	id := deref(m.ID)
	status := firstOf(medicationStatus[deref(m.Status)], "active")
	template := tid{"2.16.840.1.113883.10.20.22.4.16", "2014-06-09"}
	if mood != "EVN" {
		template, status = tid{"2.16.840.1.113883.10.20.22.4.42", "2014-06-09"}, "active"
	}
	sa := el("substanceAdministration", "classCode", "SBADM", "moodCode", mood).add(templateIDs(template)...).
		add(b.id("MedicationRequest", id), refText(ref), statusEl(status),
			ivl("effectiveTime", medicationStart(m), medicationEnd(m)).set("xsi:type", "IVL_TS"))
	var dose *r4.Quantity
	var route *r4.CodeableConcept
	for _, d := range m.DosageInstruction {
		if d.Timing != nil && d.Timing.Repeat != nil {
			sa.add(frequency(d.Timing.Repeat))
		}
		route = firstNonNil(route, d.Route)
		for _, dr := range d.DoseAndRate {
			if dose == nil {
				dose = dr.DoseQuantity
			}
		}
	}
	if route != nil {
		sa.add(routeCode(route))
	}
	sa.add(pq("doseQuantity", dose))
	sa.add(el("consumable").add(b.medicationInformation(b.medicationCode(m), ref)))
	sa.add(b.author(deref(m.AuthoredOn), m.Requester))
	for i := range m.ReasonCode {
		sa.add(el("entryRelationship", "typeCode", "RSON").add(b.indication(&m.ReasonCode[i], deref(m.AuthoredOn), "MedicationRequest", id, i)))
	}
	if sig := directions(m); sig != "" {
		sa.add(el("entryRelationship", "typeCode", "SUBJ", "inversionInd", "true").add(
			el("act", "classCode", "ACT", "moodCode", "INT").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.20", "2014-06-09"})...).
				add(fixed("code", "409073007", oidSNOMED, "SNOMED CT", "Instruction"), el("text").txt(sig), statusEl("completed"))))
	}
	return sa
}

// medicationInformation is the Medication Information (V2) product: the
// drug's RxNorm code with its text pointing at the narrative.
func (b *builder) medicationInformation(code *r4.CodeableConcept, ref string) *node {
	return el("manufacturedProduct", "classCode", "MANU").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.23", "2014-06-09"})...).
		add(el("manufacturedMaterial").add(cd("code", code, ref, oidRxNorm)))
}
