package ccda

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// name is a PN (US Realm Person Name, C-CDA R2.1 Vol 2 §2.3): the first
// official (else first) name with its parts; a missing given or family
// name is nullFlavor UNK, no name at all is a nullFlavor name.
func name(names []r4.HumanName) *node {
	if len(names) == 0 {
		return el("name", "nullFlavor", "UNK")
	}
	h := names[0]
	for _, n := range names {
		if deref(n.Use) == "official" {
			h = n
			break
		}
	}
	n := el("name")
	if u := deref(h.Use); u == "official" || u == "usual" {
		n.set("use", "L")
	}
	for _, p := range h.Prefix {
		n.add(textEl("prefix", p))
	}
	given := 0
	for _, g := range h.Given {
		if strings.TrimSpace(g) != "" {
			n.add(el("given").txt(g))
			given++
		}
	}
	if given == 0 {
		n.add(el("given", "nullFlavor", "UNK"))
	}
	if f := deref(h.Family); strings.TrimSpace(f) != "" {
		n.add(el("family").txt(f))
	} else {
		n.add(el("family", "nullFlavor", "UNK"))
	}
	for _, s := range h.Suffix {
		n.add(textEl("suffix", s))
	}
	return n
}

// nameText is a name as people read it.
func nameText(names []r4.HumanName) string {
	if len(names) == 0 {
		return ""
	}
	h := names[0]
	if t := firstOf(deref(h.Text)); t != "" {
		return t
	}
	return strings.Join(strings.Fields(strings.Join(append(append(append([]string{}, h.Prefix...), h.Given...), append([]string{deref(h.Family)}, h.Suffix...)...), " ")), " ")
}

// addressUse maps FHIR address use to HL7 PostalAddressUse; CDA R2's
// vocabulary has no code for an old address, which is sent with no use.
var addressUse = map[string]string{"home": "HP", "work": "WP", "temp": "TMP"}

// addr is a US Realm Address (AD.US.FIELDED, C-CDA R2.1 Vol 2 §2.2):
// street lines, city, state and postal code, unknown parts as nullFlavor
// UNK; no address at all is a nullFlavor addr.
func addr(a *r4.Address) *node {
	if a == nil || len(a.Line) == 0 && deref(a.City) == "" && deref(a.State) == "" && deref(a.PostalCode) == "" {
		return el("addr", "nullFlavor", "UNK")
	}
	n := el("addr", "use", addressUse[deref(a.Use)])
	lines := 0
	for _, l := range a.Line {
		if strings.TrimSpace(l) != "" && lines < 4 {
			n.add(el("streetAddressLine").txt(l))
			lines++
		}
	}
	if lines == 0 {
		n.add(el("streetAddressLine", "nullFlavor", "UNK"))
	}
	for _, part := range []struct{ tag, v string }{{"city", deref(a.City)}, {"state", deref(a.State)}, {"postalCode", deref(a.PostalCode)}} {
		if strings.TrimSpace(part.v) != "" {
			n.add(el(part.tag).txt(part.v))
		} else {
			n.add(el(part.tag, "nullFlavor", "UNK"))
		}
	}
	n.add(textEl("country", firstOf(deref(a.Country), "US")))
	return n
}

// firstAddr is addr of the first address of a list.
func firstAddr(as []r4.Address) *node {
	if len(as) == 0 {
		return addr(nil)
	}
	return addr(&as[0])
}
