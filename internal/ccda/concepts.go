package ccda

import (
	"goemr/internal/fhir/r4"
)

const nullFlavorSystem = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"

// cd builds a coded element (CD/CE: code, value, routeCode…) of a
// concept: its coding of the first preferred system (or its first coding
// of a known system) as the code, its other known codings as
// translations, and its text as originalText, or a reference to the
// narrative when ref is set. A concept with no known coding is
// nullFlavor OTH (UNK with no coding at all), keeping its text.
func cd(name string, cc *r4.CodeableConcept, ref string, prefer ...string) *node {
	n := el(name)
	var codings []r4.Coding
	text := ""
	if cc != nil {
		codings, text = cc.Coding, deref(cc.Text)
	}
	main := -1
	for _, want := range prefer {
		for i, c := range codings {
			if s, ok := systemOf(deref(c.System)); ok && s.oid == want && deref(c.Code) != "" && main < 0 {
				main = i
			}
		}
	}
	for i, c := range codings {
		if _, ok := systemOf(deref(c.System)); ok && deref(c.Code) != "" && main < 0 {
			main = i
		}
	}
	if main < 0 {
		flavor := "UNK"
		if len(codings) > 0 {
			flavor = "OTH"
		}
		for _, c := range codings {
			if deref(c.System) == nullFlavorSystem && deref(c.Code) != "" {
				flavor = deref(c.Code)
			}
		}
		n.set("nullFlavor", flavor)
	} else {
		c := codings[main]
		s, _ := systemOf(deref(c.System))
		n.set("code", deref(c.Code)).set("codeSystem", s.oid).set("codeSystemName", s.name).
			set("displayName", firstOf(deref(c.Display), text))
	}
	switch {
	case ref != "":
		n.add(el("originalText").add(el("reference", "value", "#"+ref)))
	case text != "":
		n.add(el("originalText").txt(text))
	}
	for i, c := range codings {
		s, ok := systemOf(deref(c.System))
		if i == main || !ok || deref(c.Code) == "" {
			continue
		}
		n.add(el("translation", "code", deref(c.Code), "codeSystem", s.oid, "codeSystemName", s.name,
			"displayName", deref(c.Display)))
	}
	return n
}

// fixed is a coded element with one code of a known system.
func fixed(name, code, system, systemName, display string) *node {
	return el(name, "code", code, "codeSystem", system, "codeSystemName", systemName, "displayName", display)
}

// conceptText is what people call a concept: its text, else a coding's
// display, else a code.
func conceptText(cc *r4.CodeableConcept) string {
	if cc == nil {
		return ""
	}
	if t := firstOf(deref(cc.Text)); t != "" {
		return t
	}
	for _, c := range cc.Coding {
		if t := firstOf(deref(c.Display)); t != "" {
			return t
		}
	}
	for _, c := range cc.Coding {
		if t := firstOf(deref(c.Code)); t != "" {
			return t
		}
	}
	return ""
}

// hasCode reports whether cc has a coding of system uri with one of codes.
func hasCode(cc *r4.CodeableConcept, uri string, codes ...string) bool {
	if cc == nil {
		return false
	}
	for _, c := range cc.Coding {
		if deref(c.System) == uri {
			for _, code := range codes {
				if deref(c.Code) == code {
					return true
				}
			}
		}
	}
	return false
}

// codeOf is the code of cc's coding of system uri, "" when it has none.
func codeOf(cc *r4.CodeableConcept, uri string) string {
	if cc == nil {
		return ""
	}
	for _, c := range cc.Coding {
		if deref(c.System) == uri && deref(c.Code) != "" {
			return *c.Code
		}
	}
	return ""
}

// anyCode reports whether any of ccs has a coding of uri with one of codes.
func anyCode(ccs []r4.CodeableConcept, uri string, codes ...string) bool {
	for i := range ccs {
		if hasCode(&ccs[i], uri, codes...) {
			return true
		}
	}
	return false
}
