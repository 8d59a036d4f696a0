package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// practitionerContacts are the users columns a practitioner's telecom is
// read from (practitionerToFHIR), in the order they are filled.
var practitionerContacts = []contactSlot{
	{"phone", "mobile", "phonecell"}, {"phone", "", "phonew1"}, {"phone", "", "phone"},
	{"fax", "", "fax"}, {"email", "", "email"},
}

// practitionerFromFHIR maps a US Core Practitioner onto a users row, the
// inverse of practitionerToFHIR: the NPI, the official (else first) name,
// telecom, the address and active. Not kept, as OpenEMR's users table has
// no place for them: gender, birth date, qualifications, name suffixes,
// identifiers other than the NPI (a practitioner's own urn:uuid is its
// id), and the address's country.
func practitionerFromFHIR(res r4.Resource, _ *WriteContext) (map[string]any, error) {
	p, ok := res.(*r4.Practitioner)
	if !ok {
		return nil, invalid("resourceType", "a Practitioner is expected")
	}
	v := map[string]any{"active": "1"}
	if p.Active != nil && !*p.Active {
		v["active"] = "0"
	}
	if err := practitionerNPIFrom(p.Identifier, v); err != nil {
		return nil, err
	}
	if err := practitionerNameFrom(p.Name, v); err != nil {
		return nil, err
	}
	if err := contactsFrom("Practitioner.telecom", p.Telecom, practitionerContacts, v); err != nil {
		return nil, err
	}
	return v, addressFrom("Practitioner.address", p.Address, addressCols{"street", "streetb", "city", "state", "zip", ""}, v)
}

// practitionerNPIFrom keeps the NPI. A practitioner is a user with one
// (resource.Practitioner), so a create without one is refused by the
// table's rule; an update without one keeps the stored number, which the
// read shows as the urn:uuid identifier when it fails the NPI check digit
// (OpenEMR stores numbers as typed, and test data such as Synthea's uses
// such numbers).
func practitionerNPIFrom(ids []r4.Identifier, v map[string]any) error {
	for _, id := range ids {
		if deref(id.System) != systemNPI {
			continue
		}
		npi := strings.TrimSpace(deref(id.Value))
		if _, dup := v["npi"]; dup && v["npi"] != npi {
			return invalid("Practitioner.identifier", "a practitioner has one NPI, not %q and %q", v["npi"], npi)
		}
		v["npi"] = npi
	}
	return nil
}

// practitionerNameFrom keeps the official (else first) name: US Core
// requires one with a family name (name 1..*, name.family 1..1).
func practitionerNameFrom(names []r4.HumanName, v map[string]any) error {
	if len(names) == 0 {
		return invalid("Practitioner.name", "is required (US Core Practitioner)")
	}
	n := names[0]
	for _, cand := range names {
		if deref(cand.Use) == "official" {
			n = cand
			break
		}
	}
	if strings.TrimSpace(deref(n.Family)) == "" {
		return invalid("Practitioner.name.family", "is required (US Core Practitioner)")
	}
	v["lname"], v["fname"], v["mname"] = strings.TrimSpace(*n.Family), "", ""
	if len(n.Given) > 0 {
		v["fname"] = n.Given[0]
		v["mname"] = strings.Join(n.Given[1:], " ")
	}
	v["title"] = strings.Join(n.Prefix, " ")
	return nil
}
