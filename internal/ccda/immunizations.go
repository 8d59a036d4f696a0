package ccda

import (
	"goemr/internal/fhir/r4"
)

// Immunizations Section (entries required) (V3), C-CDA R2.1 Vol 2 §3.36.
var immunizationsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.2.1", "2015-08-01"}},
	code:      "11369-6", display: "History of Immunization Narrative", title: "Immunizations",
}

// refusalReasons are the No Immunization Reason value set (HL7 ActReason,
// 2.16.840.1.113883.1.11.19717).
var refusalReasons = []string{"IMMUNE", "MEDPREC", "OSTOCK", "PATOBJ", "PHILISOP", "RELIG", "VACEFF", "VACSAF"}

// immunizations is one Immunization Activity (V3, §3.38) per Immunization:
// the vaccine (Immunization Medication Information, §3.39) with its lot
// and maker, when, how and where it was given, by whom; one not given is
// negated, with the reason when it is a coded refusal (§3.41).
func (b *builder) immunizations() *node {
	t := newTable("Vaccine", "Date", "Status", "Lot", "Route", "Site")
	var entries []*node
	for _, im := range each[*r4.Immunization](b) {
		if deref(im.Status) == "entered-in-error" || !b.inRange(deref(im.OccurrenceDateTime), deref(im.Recorded)) {
			continue
		}
		ref := b.nid("immunization")
		t.row(ref, conceptText(im.VaccineCode), display(firstOf(deref(im.OccurrenceDateTime), deref(im.OccurrenceString))), deref(im.Status),
			deref(im.LotNumber), conceptText(im.Route), conceptText(im.Site))
		negated := deref(im.Status) == "not-done"
		sa := el("substanceAdministration", "classCode", "SBADM", "moodCode", "EVN", "negationInd", map[bool]string{true: "true", false: "false"}[negated]).
			add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.52", "2015-08-01"})...).
			add(b.id("Immunization", deref(im.ID)), refText(ref), statusEl("completed"), timeEl("effectiveTime", deref(im.OccurrenceDateTime)))
		if im.Route != nil {
			sa.add(routeCode(im.Route))
		}
		if im.Site != nil {
			sa.add(cd("approachSiteCode", im.Site, "", oidSNOMED))
		}
		if im.DoseQuantity != nil {
			sa.add(pq("doseQuantity", im.DoseQuantity))
		}
		material := el("manufacturedMaterial").add(cd("code", im.VaccineCode, ref, oidCVX), textEl("lotNumberText", deref(im.LotNumber)))
		product := el("manufacturedProduct", "classCode", "MANU").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.54", "2014-06-09"})...).add(material)
		if maker := firstOf(b.whoText(im.Manufacturer)); maker != "" {
			product.add(el("manufacturerOrganization").add(el("name").txt(maker)))
		}
		sa.add(el("consumable").add(product))
		for _, p := range im.Performer {
			sa.add(b.performer(p.Actor))
		}
		if negated && im.StatusReason != nil {
			for _, c := range im.StatusReason.Coding {
				for _, r := range refusalReasons {
					if deref(c.Code) == r {
						sa.add(el("entryRelationship", "typeCode", "RSON").add(
							el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.53"})...).
								add(b.subID("Immunization", deref(im.ID), "refusal"), fixed("code", r, "2.16.840.1.113883.5.8", "ActReason", deref(c.Display)),
									statusEl("completed"))))
					}
				}
			}
		}
		entries = append(entries, sa)
	}
	return b.section(immunizationsSection, t.text(), entries...)
}
