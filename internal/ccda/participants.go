package ccda

import (
	"goemr/internal/fhir/r4"
)

const systemNPI = "http://hl7.org/fhir/sid/us-npi"

// who is a participant resolved from a reference: a practitioner (maybe
// through a PractitionerRole, with its role and organization), or an
// organization alone.
type who struct {
	p    *r4.Practitioner
	role *r4.PractitionerRole
	org  *r4.Organization
}

// whoIs resolves a reference to a Practitioner, PractitionerRole or
// Organization of the input.
func (b *builder) whoIs(ref *r4.Reference) who {
	switch r := b.resolve(ref).(type) {
	case *r4.Practitioner:
		return who{p: r}
	case *r4.PractitionerRole:
		w := who{role: r}
		w.p, _ = b.resolve(r.Practitioner).(*r4.Practitioner)
		w.org, _ = b.resolve(r.Organization).(*r4.Organization)
		return w
	case *r4.Organization:
		return who{org: r}
	}
	return who{}
}

// ids are a practitioner's or organization's ids: its NPI (root
// 2.16.840.1.113883.4.6, as C-CDA asks of providers) and its FHIR id.
func (b *builder) ids(typ, fhirID string, idents []r4.Identifier) []*node {
	var out []*node
	for _, i := range idents {
		if deref(i.System) == systemNPI && deref(i.Value) != "" {
			out = append(out, el("id", "root", oidNPI, "extension", *i.Value))
		}
	}
	return append(out, b.id(typ, fhirID))
}

// taxonomy is the NUCC Health Care Provider Taxonomy code of a
// practitioner (C-CDA R2.1 Vol 2 §1.1.2: assignedAuthor/code), from its
// role or qualifications; nil when it has none.
func taxonomy(w who) *node {
	var ccs []r4.CodeableConcept
	if w.role != nil {
		ccs = append(append(ccs, w.role.Code...), w.role.Specialty...)
	}
	if w.p != nil {
		for _, q := range w.p.Qualification {
			if q.Code != nil {
				ccs = append(ccs, *q.Code)
			}
		}
	}
	for i := range ccs {
		if codeOf(&ccs[i], "http://nucc.org/provider-taxonomy") != "" {
			return cd("code", &ccs[i], "", oidNUCC)
		}
	}
	return nil
}

// assigned builds an assignedEntity or assignedAuthor (tag) for a
// practitioner: ids, taxonomy code, address, telecom, name and the
// organization they act for.
func (b *builder) assigned(tag string, w who) *node {
	n := el(tag)
	switch {
	case w.p != nil:
		n.add(b.ids("Practitioner", deref(w.p.ID), w.p.Identifier)...)
	case w.role != nil:
		n.add(b.id("PractitionerRole", deref(w.role.ID)))
	case w.org != nil:
		n.add(b.ids("Organization", deref(w.org.ID), w.org.Identifier)...)
	}
	n.add(taxonomy(w))
	switch {
	case w.p != nil:
		n.add(firstAddr(w.p.Address))
		n.add(telecoms(w.p.Telecom)...)
		n.add(el("assignedPerson").add(name(w.p.Name)))
	case w.org != nil:
		n.add(firstAddr(w.org.Address))
		n.add(telecoms(w.org.Telecom)...)
	default:
		n.add(addr(nil))
		n.add(telecoms(nil)...)
	}
	if w.org != nil && w.p != nil {
		n.add(b.organization("representedOrganization", w.org))
	}
	return n
}

// organization is an Organization element (representedOrganization,
// representedCustodianOrganization…): ids, name, telecom, address.
func (b *builder) organization(tag string, o *r4.Organization) *node {
	n := el(tag).add(b.ids("Organization", deref(o.ID), o.Identifier)...)
	n.add(el("name").txt(firstOf(deref(o.Name), "Unknown organization")))
	tels := telecoms(o.Telecom)
	if tag == "representedCustodianOrganization" {
		tels = tels[:1] // exactly one (CONF:1198-5525)
	}
	n.add(tels...)
	return n.add(firstAddr(o.Address))
}

// author is an Author Participation (C-CDA R2.1 Vol 2 §3.2,
// 2.16.840.1.113883.10.20.22.4.119) of the practitioner ref names, at
// when; nil when ref names no practitioner of the input.
func (b *builder) author(when string, ref *r4.Reference) *node {
	w := b.whoIs(ref)
	if w.p == nil {
		return nil
	}
	return el("author", "typeCode", "AUT").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.119"})...).
		add(timeEl("time", when), b.assigned("assignedAuthor", w))
}

// performer is a performer of an entry, nil when ref names nobody of the
// input.
func (b *builder) performer(ref *r4.Reference) *node {
	w := b.whoIs(ref)
	if w.p == nil && w.org == nil {
		return nil
	}
	return el("performer").add(b.assigned("assignedEntity", w))
}

// whoText is a participant as people read it.
func (b *builder) whoText(ref *r4.Reference) string {
	w := b.whoIs(ref)
	switch {
	case w.p != nil:
		return nameText(w.p.Name)
	case w.org != nil:
		return deref(w.org.Name)
	case ref != nil:
		return deref(ref.Display)
	}
	return ""
}
