package ccda

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// Document-level template ids (C-CDA R2.1 Vol 2 §1.1 and §1.2).
var (
	usRealmHeader = tid{"2.16.840.1.113883.10.20.22.1.1", "2015-08-01"}
	ccdTemplate   = tid{"2.16.840.1.113883.10.20.22.1.2", "2015-08-01"}
)

// header is the ClinicalDocument with the US Realm Header: ids, type,
// time, confidentiality, language, the patient (recordTarget), author,
// custodian, legal authenticator and the service event the document
// summarizes with the patient's care team as its performers.
func (b *builder) header() *node {
	now := b.in.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.Truncate(time.Second)
	doc := el("ClinicalDocument", "xmlns", "urn:hl7-org:v3", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xmlns:sdtc", "urn:hl7-org:sdtc")
	doc.add(el("realmCode", "code", "US"), el("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040"))
	doc.add(templateIDs(usRealmHeader, ccdTemplate)...)
	id := strings.ToLower(b.in.ID)
	doc.add(el("id", "root", id),
		fixed("code", "34133-9", oidLOINC, "LOINC", "Summarization of Episode Note"),
		el("title").txt("Continuity of Care Document"),
		el("effectiveTime", "value", tsOf(now)),
		fixed("confidentialityCode", "N", "2.16.840.1.113883.5.25", "Confidentiality", "normal"),
		el("languageCode", "code", "en-US"),
		el("setId", "root", id), el("versionNumber", "value", "1"))
	doc.add(el("recordTarget").add(b.patientRole()))
	doc.add(b.documentAuthor(now))
	doc.add(el("custodian").add(el("assignedCustodian").add(b.organization("representedCustodianOrganization", b.in.Custodian))))
	if b.in.Author != nil {
		doc.add(el("legalAuthenticator").add(el("time", "value", tsOf(now)), el("signatureCode", "code", "S"),
			b.assigned("assignedEntity", who{p: b.in.Author, org: b.in.Custodian})))
	}
	return doc.add(b.documentationOf(now))
}

// documentAuthor is the header author (Vol 2 §1.1.2): the practitioner
// of the input, or else goemr as the authoring device of the custodian.
func (b *builder) documentAuthor(now time.Time) *node {
	a := el("author").add(el("time", "value", tsOf(now)))
	if b.in.Author != nil {
		return a.add(b.assigned("assignedAuthor", who{p: b.in.Author, org: b.in.Custodian}))
	}
	c := b.in.Custodian
	aa := el("assignedAuthor").add(b.ids("Organization", deref(c.ID), c.Identifier)...)
	aa.add(firstAddr(c.Address)).add(telecoms(c.Telecom)...)
	aa.add(el("assignedAuthoringDevice").add(el("manufacturerModelName").txt("goemr"), el("softwareName").txt("goemr")))
	aa.add(b.organization("representedOrganization", c))
	return a.add(aa)
}

// documentationOf is the care summarized (Vol 2 §1.2.2): the service
// event PCPR over the requested range (else from birth to now), with the
// patient's general practitioners and care team members as performers.
func (b *builder) documentationOf(now time.Time) *node {
	low, high := deref(b.in.Patient.BirthDate), ""
	if !b.start.IsZero() {
		low = b.start.Format("20060102")
	}
	if low == "" {
		low = now.Format("20060102")
	}
	high = tsOf(now)
	if !b.end.IsZero() {
		high = b.end.Format("20060102")
	}
	et := el("effectiveTime").add(el("low", "value", strings.ReplaceAll(low, "-", "")), el("high", "value", high))
	se := el("serviceEvent", "classCode", "PCPR").add(et)
	seen := map[string]bool{}
	add := func(ref *r4.Reference, function *node) {
		w := b.whoIs(ref)
		if w.p == nil || seen[deref(w.p.ID)] {
			return
		}
		seen[deref(w.p.ID)] = true
		se.add(el("performer", "typeCode", "PRF").add(function, b.assigned("assignedEntity", w)))
	}
	for i := range b.in.Patient.GeneralPractitioner {
		add(&b.in.Patient.GeneralPractitioner[i], fixed("functionCode", "PCP", "2.16.840.1.113883.5.88", "ParticipationFunction", "primary care physician"))
	}
	for _, team := range each[*r4.CareTeam](b) {
		for _, m := range team.Participant {
			var function *node
			if len(m.Role) > 0 {
				function = cd("functionCode", &m.Role[0], "", oidSNOMED, oidNUCC)
			}
			add(m.Member, function)
		}
	}
	return el("documentationOf").add(se)
}
