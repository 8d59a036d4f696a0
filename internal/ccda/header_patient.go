package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// US Core extensions the patient's demographics come from.
const (
	extRace      = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"
	extEthnicity = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"
	extBirthSex  = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"
)

// genders maps FHIR administrative gender to HL7 AdministrativeGender.
var genders = map[string][2]string{"male": {"M", "Male"}, "female": {"F", "Female"}, "other": {"UN", "Undifferentiated"}}

// patientRole is the recordTarget's patientRole (C-CDA R2.1 Vol 2
// §1.1.1): ids, addresses, telecoms, and the patient with name, gender,
// birth time, marital status, race (the first OMB category as raceCode,
// any other as sdtc:raceCode), ethnicity and language. Birth sex goes in
// the Social History section.
func (b *builder) patientRole() *node {
	p := b.in.Patient
	pr := el("patientRole").add(b.id("Patient", deref(p.ID)))
	for _, i := range p.Identifier {
		if oid, ok := strings.CutPrefix(deref(i.System), "urn:oid:"); ok && deref(i.Value) != "" {
			pr.add(el("id", "root", oid, "extension", *i.Value))
		}
	}
	if len(p.Address) == 0 {
		pr.add(addr(nil))
	}
	for i := range p.Address {
		pr.add(addr(&p.Address[i]))
	}
	pr.add(telecoms(p.Telecom)...)
	pt := el("patient").add(name(p.Name))
	if g, ok := genders[deref(p.Gender)]; ok {
		pt.add(fixed("administrativeGenderCode", g[0], oidGender, "AdministrativeGender", g[1]))
	} else {
		pt.add(el("administrativeGenderCode", "nullFlavor", "UNK"))
	}
	pt.add(timeEl("birthTime", deref(p.BirthDate)))
	switch {
	case p.DeceasedDateTime != nil:
		pt.add(el("sdtc:deceasedInd", "value", "true"), timeEl("sdtc:deceasedTime", *p.DeceasedDateTime))
	case p.DeceasedBoolean != nil:
		pt.add(el("sdtc:deceasedInd", "value", map[bool]string{true: "true", false: "false"}[*p.DeceasedBoolean]))
	}
	if p.MaritalStatus != nil {
		pt.add(cd("maritalStatusCode", p.MaritalStatus, "", "2.16.840.1.113883.5.2"))
	}
	races := omb(p.Extension, extRace)
	pt.add(raceEl("raceCode", races, 0))
	for i := 1; i < len(races); i++ {
		pt.add(raceEl("sdtc:raceCode", races, i))
	}
	eth := omb(p.Extension, extEthnicity)
	pt.add(raceEl("ethnicGroupCode", eth, 0))
	for i := 1; i < len(eth); i++ {
		pt.add(raceEl("sdtc:ethnicGroupCode", eth, i))
	}
	for _, c := range p.Communication {
		if lang := languageTag(c.Language); lang != "" {
			lc := el("languageCommunication").add(el("languageCode", "code", lang))
			if c.Preferred != nil {
				lc.add(el("preferenceInd", "value", map[bool]string{true: "true", false: "false"}[*c.Preferred]))
			}
			pt.add(lc)
		}
	}
	pr.add(pt)
	if org, ok := b.resolve(p.ManagingOrganization).(*r4.Organization); ok {
		pr.add(b.organization("providerOrganization", org))
	}
	return pr
}

// omb lists the codings of a US Core race or ethnicity extension: the OMB
// categories first, then the detailed ones.
func omb(exts []r4.Extension, url string) []r4.Coding {
	var cats, detailed []r4.Coding
	for _, e := range exts {
		if deref(e.Url) != url {
			continue
		}
		for _, sub := range e.Extension {
			if sub.ValueCoding == nil {
				continue
			}
			switch deref(sub.Url) {
			case "ombCategory":
				cats = append(cats, *sub.ValueCoding)
			case "detailed":
				detailed = append(detailed, *sub.ValueCoding)
			}
		}
	}
	return append(cats, detailed...)
}

// raceEl is coding i as a race or ethnicity code of the CDC Race &
// Ethnicity code system; a missing one, or a NullFlavor coding (the
// ASKU and UNK US Core allows), is a nullFlavor.
func raceEl(tag string, cs []r4.Coding, i int) *node {
	if i >= len(cs) {
		return el(tag, "nullFlavor", "UNK")
	}
	c := cs[i]
	if deref(c.System) == nullFlavorSystem {
		return el(tag, "nullFlavor", firstOf(deref(c.Code), "UNK"))
	}
	return fixed(tag, deref(c.Code), oidCDCRace, "Race & Ethnicity - CDC", deref(c.Display))
}

// languageTag is a BCP 47 language tag of a concept (urn:ietf:bcp:47).
func languageTag(cc *r4.CodeableConcept) string {
	if cc == nil {
		return ""
	}
	for _, c := range cc.Coding {
		if deref(c.System) == "urn:ietf:bcp:47" && deref(c.Code) != "" {
			return *c.Code
		}
	}
	return ""
}
