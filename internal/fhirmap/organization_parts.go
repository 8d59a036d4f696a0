package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// addressOf is one address from record fields: the street lines, then
// city, state, postal code and country. It is nil when every part is
// empty: an Address without content is no address (R4 ele-1).
func addressOf(rec emr.Record, use string, lines []string, city, state, zip, country string) []r4.Address {
	a := r4.Address{
		Use: text(use), City: text(rec.Str(city)), State: text(rec.Str(state)),
		PostalCode: text(rec.Str(zip)), Country: text(rec.Str(country)),
	}
	for _, f := range lines {
		if v := text(rec.Str(f)); v != nil {
			a.Line = append(a.Line, *v)
		}
	}
	if a.Line == nil && a.City == nil && a.State == nil && a.PostalCode == nil && a.Country == nil {
		return nil
	}
	return []r4.Address{a}
}

// contactField is a record field holding a phone number, fax, e-mail
// address or web site, and how it is used (ContactPoint.system and use).
type contactField struct{ field, system, use string }

// telecomOf lists the contacts rec has a value for, once each: OpenEMR
// often repeats a number in several columns.
func telecomOf(rec emr.Record, fields ...contactField) []r4.ContactPoint {
	var out []r4.ContactPoint
	seen := map[string]bool{}
	for _, c := range fields {
		v := text(rec.Str(c.field))
		if v == nil || seen[c.system+"|"+strings.ToLower(*v)] {
			continue
		}
		seen[c.system+"|"+strings.ToLower(*v)] = true
		out = append(out, r4.ContactPoint{System: ptr(c.system), Value: v, Use: text(c.use)})
	}
	return out
}
