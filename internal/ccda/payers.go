package ccda

import (
	"sort"

	"goemr/internal/fhir/r4"
)

// Payers Section (V3), C-CDA R2.1 Vol 2 §3.69.
var payersSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.18", "2015-08-01"}},
	code:      "48768-6", display: "Payment sources Document", title: "Insurance Providers",
}

// coveredRoles maps a Coverage's subscriber relationship to the Coverage
// Role Type value set (HL7 RoleCode, 2.16.840.1.113883.1.11.18877).
var coveredRoles = map[string][2]string{
	"self": {"SELF", "self"}, "spouse": {"FAMDEP", "family dependent"}, "child": {"FAMDEP", "family dependent"},
	"parent": {"FAMDEP", "family dependent"}, "common": {"FAMDEP", "family dependent"}, "injured": {"INJ", "injured plaintiff"},
}

// payers is a Coverage Activity (V3, §3.19) holding one Policy Activity
// (V3, §3.76) per Coverage in force during the document's range, in the
// order the coverages apply.
func (b *builder) payers() *node {
	t := newTable("Payer", "Plan", "Member id", "Group", "Relationship", "Period")
	var covs []*r4.Coverage
	for _, c := range each[*r4.Coverage](b) {
		if s := deref(c.Status); s == "active" && b.overlaps(c.Period) {
			covs = append(covs, c)
		}
	}
	sort.SliceStable(covs, func(i, j int) bool { return deref(covs[i].Order) < deref(covs[j].Order) })
	if len(covs) == 0 {
		return b.section(payersSection, nil)
	}
	act := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.60", "2015-08-01"})...).
		add(b.subID("Patient", deref(b.in.Patient.ID), "coverage"), fixed("code", "48768-6", oidLOINC, "LOINC", "Payment sources"), statusEl("completed"))
	for i, c := range covs {
		ref := b.nid("payer")
		var payer *r4.Reference
		if len(c.Payor) > 0 {
			payer = &c.Payor[0]
		}
		plan, group := coverageClass(c, "plan"), coverageClass(c, "group")
		start, end := periodStart(c.Period), ""
		if c.Period != nil {
			end = deref(c.Period.End)
		}
		t.row(ref, b.whoText(payer), plan, deref(c.SubscriberId), group, conceptText(c.Relationship), span(start, end))
		act.add(el("entryRelationship", "typeCode", "COMP").add(el("sequenceNumber", "value", itoa(i+1)), b.policyActivity(c, payer, ref, plan, start, end)))
	}
	return b.section(payersSection, t.text(), act)
}

// coverageClass is the value (and name) of a coverage class (group, plan…).
func coverageClass(c *r4.Coverage, kind string) string {
	for _, cl := range c.Class {
		if hasCode(cl.Type, "http://terminology.hl7.org/CodeSystem/coverage-class", kind) {
			return firstOf(deref(cl.Name), deref(cl.Value))
		}
	}
	return ""
}

// policyActivity is one coverage: its type (its codings, such as the
// Source of Payment Typology, as translations, CONF:1198-32852), the payer (Payer Performer,
// 2.16.840.1.113883.10.20.22.4.87), the covered party (4.89) and the
// health plan, as an act in definition mood (CONF:1198-8939).
func (b *builder) policyActivity(c *r4.Coverage, payer *r4.Reference, ref, plan, start, end string) *node {
	code := el("code", "nullFlavor", "OTH")
	if c.Type != nil {
		code.add(textEl("originalText", conceptText(c.Type)))
		for _, cg := range c.Type.Coding {
			if s, ok := systemOf(deref(cg.System)); ok && deref(cg.Code) != "" {
				code.add(el("translation", "code", *cg.Code, "codeSystem", s.oid, "codeSystemName", s.name, "displayName", deref(cg.Display)))
			}
		}
	}
	if len(code.kids) == 0 || code.kids[len(code.kids)-1].name != "translation" {
		code.add(el("translation", "nullFlavor", "UNK"))
	}
	pa := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.61", "2015-08-01"})...).
		add(b.id("Coverage", deref(c.ID)), code, refText(ref), statusEl("completed"))
	w := b.whoIs(payer)
	entity := el("assignedEntity")
	if w.org != nil {
		entity.add(b.ids("Organization", deref(w.org.ID), w.org.Identifier)...)
	} else {
		entity.add(el("id", "nullFlavor", "UNK"))
	}
	entity.add(fixed("code", "PAYOR", "2.16.840.1.113883.5.110", "RoleClass", "invoice payor"))
	if w.org != nil {
		entity.add(firstAddr(w.org.Address)).add(telecoms(w.org.Telecom)...)
		entity.add(el("representedOrganization").add(el("name").txt(firstOf(deref(w.org.Name), "Unknown payer"))))
	} else if name := b.whoText(payer); name != "" {
		entity.add(el("representedOrganization").add(el("name").txt(name)))
	}
	pa.add(el("performer", "typeCode", "PRF").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.87"})...).add(entity))
	role := el("participantRole", "classCode", "PAT")
	if member := deref(c.SubscriberId); member != "" {
		role.add(el("id", "root", b.root, "extension", "Coverage/"+deref(c.ID)+"/member/"+member))
	} else {
		role.add(b.subID("Coverage", deref(c.ID), "member"))
	}
	rel := codeOf(c.Relationship, "http://terminology.hl7.org/CodeSystem/subscriber-relationship")
	if r, ok := coveredRoles[rel]; ok {
		role.add(fixed("code", r[0], oidRoleCode, "RoleCode", r[1]))
	} else {
		role.add(el("code", "nullFlavor", "UNK"))
	}
	p := b.in.Patient
	role.add(el("playingEntity").add(name(p.Name), timeEl("sdtc:birthTime", deref(p.BirthDate))))
	pa.add(el("participant", "typeCode", "COV").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.89"})...).
		add(ivl("time", start, end), role))
	if sub, ok := b.resolve(c.Subscriber).(*r4.RelatedPerson); ok {
		pa.add(el("participant", "typeCode", "HLD").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.90"})...).
			add(el("participantRole").add(b.id("RelatedPerson", deref(sub.ID)), firstAddr(sub.Address))))
	}
	planAct := el("act", "classCode", "ACT", "moodCode", "DEF").add(b.subID("Coverage", deref(c.ID), "plan"), el("code", "nullFlavor", "UNK"))
	planAct.add(textEl("text", firstOf(plan, "Health plan")))
	return pa.add(el("entryRelationship", "typeCode", "REFR").add(planAct))
}
