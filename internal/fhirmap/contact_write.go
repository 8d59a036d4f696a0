package fhirmap

import (
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// Contacts and addresses of the directory types (Practitioner,
// Organization) go back to the columns telecomOf and addressOf read them
// from.

// contactSlot is a column a ContactPoint of system and use may fill; use
// "" takes any use. A slot of no column accepts contacts the table has no
// place for and that matter too little to refuse the resource for.
type contactSlot struct{ system, use, col string }

// contactsFrom puts each contact point into the first empty column of its
// slots. A contact no column is left for cannot be stored, and is refused
// rather than dropped: a number or address someone relies on must not
// vanish. A contact's use, rank and period are not kept (the read shows
// the use the column stands for).
func contactsFrom(path string, cps []r4.ContactPoint, slots []contactSlot, v map[string]any) error {
	for _, s := range slots {
		if s.col != "" {
			v[s.col] = ""
		}
	}
	for i, cp := range cps {
		value := strings.TrimSpace(deref(cp.Value))
		if value == "" {
			continue // a contact point with no value says nothing
		}
		sys, use := deref(cp.System), deref(cp.Use)
		stored := false
		for _, s := range slots {
			if s.system == sys && (s.use == "" || s.use == use) && (s.col == "" || v[s.col] == "") {
				if s.col != "" {
					v[s.col] = value
				}
				stored = true
				break
			}
		}
		if !stored {
			return invalid(path, "contact %d (%s %q) cannot be stored: OpenEMR keeps %s", i+1, sys, value, slotsText(slots))
		}
	}
	return nil
}

// slotsText says what contacts slots can hold ("2 phone, 1 fax, 1 email").
func slotsText(slots []contactSlot) string {
	n, order := map[string]int{}, []string{}
	for _, s := range slots {
		if s.col == "" {
			continue
		}
		if n[s.system] == 0 {
			order = append(order, s.system)
		}
		n[s.system]++
	}
	parts := make([]string, len(order))
	for i, sys := range order {
		parts[i] = strconv.Itoa(n[sys]) + " " + sys
	}
	return strings.Join(parts, ", ")
}

// addressCols are the columns one address is kept in; country is "" when
// the table has none.
type addressCols struct{ line1, line2, city, state, zip, country string }

// addressFrom stores the one address a directory row keeps: its first
// line, the further lines joined, city, state, postal code and, where the
// table has it, country. An address given only as text is kept as its
// first line. A second address has no columns and is refused; district,
// period, use and type are not kept (the read says use work).
func addressFrom(path string, as []r4.Address, c addressCols, v map[string]any) error {
	for _, col := range []string{c.line1, c.line2, c.city, c.state, c.zip, c.country} {
		if col != "" {
			v[col] = ""
		}
	}
	if len(as) == 0 {
		return nil
	}
	if len(as) > 1 {
		return invalid(path, "OpenEMR keeps one address here, not %d", len(as))
	}
	a := as[0]
	var lines []string
	for _, l := range a.Line {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 && a.Text != nil && a.City == nil && a.PostalCode == nil {
		lines = []string{strings.TrimSpace(*a.Text)}
	}
	if len(lines) > 0 {
		v[c.line1] = lines[0]
		if len(lines) > 1 {
			if c.line2 == "" {
				v[c.line1] = strings.Join(lines, ", ")
			} else {
				v[c.line2] = strings.Join(lines[1:], ", ")
			}
		}
	}
	v[c.city], v[c.state], v[c.zip] = strings.TrimSpace(deref(a.City)), strings.TrimSpace(deref(a.State)), strings.TrimSpace(deref(a.PostalCode))
	if c.country != "" {
		v[c.country] = strings.TrimSpace(deref(a.Country))
	}
	return nil
}
