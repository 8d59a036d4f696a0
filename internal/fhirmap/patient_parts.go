package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// patientExtensions are the US Core race, ethnicity and birth sex
// extensions. Race is always sent (US Core requires it be supported and
// Inferno expects it); an unknown race is the null flavor UNK, a declined
// one ASKU.
func patientExtensions(rec emr.Record) []r4.Extension {
	out := []r4.Extension{ombExtension(extRace, rec.Str("race"), raceCodes)}
	if eth := rec.Str("ethnicity"); eth != "" {
		out = append(out, ombExtension(extEthnicity, eth, ethnicityCodes))
	}
	out = append(out, r4.Extension{Url: ptr(extBirthSex), ValueCode: ptr(birthSex(rec.Str("sex")))})
	return out
}

// ombExtension is a race or ethnicity extension: an ombCategory coding
// and the required text (US Core us-core-race, us-core-ethnicity).
func ombExtension(url, option string, codes map[string]ombCode) r4.Extension {
	var cat r4.Coding
	display := ""
	if c, ok := codes[option]; ok {
		cat, display = coding(systemOMB, c.code, c.display), c.display
	} else if declined[option] {
		cat, display = coding(systemNullFlav, "ASKU", "Asked but no answer"), "Asked but no answer"
	} else {
		cat, display = coding(systemNullFlav, "UNK", "Unknown"), "Unknown"
	}
	return r4.Extension{Url: ptr(url), Extension: []r4.Extension{
		{Url: ptr("ombCategory"), ValueCoding: &cat},
		{Url: ptr("text"), ValueString: ptr(display)},
	}}
}

func patientAddress(rec emr.Record) []r4.Address {
	a := r4.Address{
		Use: ptr("home"), City: text(rec.Str("city")), District: text(rec.Str("county")),
		State: text(rec.Str("state")), PostalCode: text(rec.Str("postal_code")), Country: text(rec.Str("country_code")),
	}
	for _, f := range []string{"street", "street_line_2"} {
		if v := text(rec.Str(f)); v != nil {
			a.Line = append(a.Line, *v)
		}
	}
	if a.Line == nil && a.City == nil && a.State == nil && a.PostalCode == nil {
		return nil
	}
	return []r4.Address{a}
}

func patientTelecom(rec emr.Record) []r4.ContactPoint {
	var out []r4.ContactPoint
	for _, t := range []struct{ field, system, use string }{
		{"phone_home", "phone", "home"}, {"phone_biz", "phone", "work"}, {"phone_cell", "phone", "mobile"}, {"email", "email", "home"},
	} {
		if v := text(rec.Str(t.field)); v != nil {
			out = append(out, r4.ContactPoint{System: ptr(t.system), Value: v, Use: ptr(t.use)})
		}
	}
	return out
}
