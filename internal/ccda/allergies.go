package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// Allergies and Intolerances Section (entries required) (V3), C-CDA R2.1
// Vol 2 §3.5.
var allergiesSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.6.1", "2015-08-01"}},
	code:      "48765-2", display: "Allergies and adverse reactions Document", title: "Allergies and Intolerances",
}

// allergyTypes are the Allergy and Intolerance Type value set's SNOMED
// CT codes (2.16.840.1.113883.3.88.12.3221.6.2) for FHIR's type and
// category.
var allergyTypes = map[string][2]string{
	"allergy medication":     {"416098002", "Drug allergy"},
	"intolerance medication": {"59037007", "Drug intolerance"},
	"allergy food":           {"414285001", "Allergy to food"},
	"intolerance food":       {"235719002", "Food intolerance"},
	"allergy environment":    {"426232007", "Environmental allergy"},
	"allergy":                {"419199007", "Allergy to substance"},
	"intolerance":            {"418038007", "Propensity to adverse reactions to substance"},
}

// severities are the Severity value set (2.16.840.1.113883.3.88.12.3221.6.8).
var severities = map[string][2]string{
	"mild": {"255604002", "Mild"}, "moderate": {"6736007", "Moderate"}, "severe": {"24484000", "Severe"},
}

// criticalities are the Criticality Observation value set (HL7
// ObservationValue, 2.16.840.1.113883.1.11.20549).
var criticalities = map[string][2]string{
	"high": {"CRITH", "high criticality"}, "low": {"CRITL", "low criticality"}, "unable-to-assess": {"CRITU", "unable to assess criticality"},
}

// allergies is one Allergy Concern Act (V3, §3.6) per AllergyIntolerance.
func (b *builder) allergies() *node {
	t := newTable("Substance", "Type", "Reactions", "Criticality", "Status", "Onset")
	var entries []*node
	for _, a := range each[*r4.AllergyIntolerance](b) {
		if hasCode(a.VerificationStatus, systemAllergyVerification, "entered-in-error") || !b.inRange(deref(a.RecordedDate), deref(a.OnsetDateTime)) {
			continue
		}
		ref := b.nid("allergy")
		var reactions []string
		for _, r := range a.Reaction {
			for i := range r.Manifestation {
				reactions = append(reactions, strings.TrimSpace(conceptText(&r.Manifestation[i])+" "+paren(deref(r.Severity))))
			}
		}
		typ := allergyType(a)
		t.row(ref, conceptText(a.Code), typ[1], strings.Join(reactions, "; "), deref(a.Criticality), conceptText(a.ClinicalStatus), display(deref(a.OnsetDateTime)))
		entries = append(entries, b.allergyAct(a, ref, typ))
	}
	return b.section(allergiesSection, t.text(), entries...)
}

const systemAllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"

func allergyType(a *r4.AllergyIntolerance) [2]string {
	typ := firstOf(deref(a.Type), "allergy")
	for _, c := range a.Category {
		if v, ok := allergyTypes[typ+" "+c]; ok {
			return v
		}
	}
	return allergyTypes[typ]
}

// allergyAct is the concern act holding the Allergy - Intolerance
// Observation (V2, §3.7) with its substance, reactions (§3.89) with their
// severity (§3.103), and criticality (§3.23).
func (b *builder) allergyAct(a *r4.AllergyIntolerance, ref string, typ [2]string) *node {
	id := deref(a.ID)
	status := "active"
	if hasCode(a.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "inactive", "resolved") {
		status = "completed"
	}
	et := el("effectiveTime").add(timeEl("low", firstOf(deref(a.RecordedDate), deref(a.OnsetDateTime))))
	if status == "completed" {
		et.add(timeEl("high", deref(a.LastOccurrence)))
	}
	act := el("act", "classCode", "ACT", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.30", "2015-08-01"})...).
		add(b.id("AllergyIntolerance", id), fixed("code", "CONC", oidActClass, "HL7ActClass", "Concern"), statusEl(status), et,
			b.author(deref(a.RecordedDate), a.Recorder))
	obs := el("observation", "classCode", "OBS", "moodCode", "EVN")
	if hasCode(a.VerificationStatus, systemAllergyVerification, "refuted") {
		obs.set("negationInd", "true")
	}
	obs.add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.7", "2014-06-09"})...).
		add(b.subID("AllergyIntolerance", id, "observation"), fixed("code", "ASSERTION", oidActCode, "ActCode", "Assertion"),
			refText(ref), statusEl("completed"), el("effectiveTime").add(timeEl("low", deref(a.OnsetDateTime))),
			fixed("value", typ[0], oidSNOMED, "SNOMED CT", typ[1]).set("xsi:type", "CD"))
	obs.add(el("participant", "typeCode", "CSM").add(el("participantRole", "classCode", "MANU").add(
		el("playingEntity", "classCode", "MMAT").add(cd("code", a.Code, ref, oidRxNorm, oidSNOMED)))))
	if c, ok := criticalities[deref(a.Criticality)]; ok {
		obs.add(el("entryRelationship", "typeCode", "SUBJ", "inversionInd", "true").add(
			el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{root: "2.16.840.1.113883.10.20.22.4.145"})...).
				add(fixed("code", "82606-5", oidLOINC, "LOINC", "Criticality"), statusEl("completed"),
					fixed("value", c[0], oidObsValue, "ObservationValue", c[1]).set("xsi:type", "CD"))))
	}
	n := 0
	for _, r := range a.Reaction {
		for i := range r.Manifestation {
			n++
			ro := el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.9", "2014-06-09"})...).
				add(b.subID("AllergyIntolerance", id, "reaction-"+itoa(n)), fixed("code", "ASSERTION", oidActCode, "ActCode", "Assertion"),
					statusEl("completed"))
			if r.Onset != nil {
				ro.add(el("effectiveTime").add(timeEl("low", *r.Onset)))
			}
			ro.add(cd("value", &r.Manifestation[i], "", oidSNOMED).set("xsi:type", "CD"))
			if s, ok := severities[deref(r.Severity)]; ok {
				ro.add(el("entryRelationship", "typeCode", "SUBJ", "inversionInd", "true").add(
					el("observation", "classCode", "OBS", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.8", "2014-06-09"})...).
						add(fixed("code", "SEV", oidActCode, "ActCode", "Severity Observation"), statusEl("completed"),
							fixed("value", s[0], oidSNOMED, "SNOMED CT", s[1]).set("xsi:type", "CD"))))
			}
			obs.add(el("entryRelationship", "typeCode", "MFST", "inversionInd", "true").add(ro))
		}
	}
	return act.add(el("entryRelationship", "typeCode", "SUBJ").add(obs))
}
