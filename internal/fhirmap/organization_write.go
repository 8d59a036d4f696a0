package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Where a contact of a provider (facility) and of a payer (an insurance
// company, whose numbers are phone_numbers rows) is kept. A facility's
// "other" contact is its web site, the one further contact it keeps (the
// Standard API's URL rule refuses anything else); a payer keeps no e-mail
// or web site, which are dropped: they are no clinical data.
var (
	facilityContacts = []contactSlot{
		{"phone", "", "phone"}, {"fax", "", "fax"}, {"email", "", "email"}, {"url", "", "website"}, {"other", "", "website"},
	}
	payerContacts = []contactSlot{
		{"phone", "", "phone"}, {"fax", "", "fax"}, {"email", "", ""}, {"url", "", ""}, {"other", "", ""},
	}
)

// organizationFromFHIR maps a US Core Organization onto the columns of a
// facility, or of an insurance company when its type says payer (kind
// "pay"), the inverse of organizationToFHIR: name, active, identifiers,
// telecom and the address; organizationStore writes them. Not kept:
// identifiers of other systems than those the read shows (NPI, CLIA and
// tax id of a provider, the payer id of a payer), aliases, partOf,
// contacts and endpoints.
func organizationFromFHIR(res r4.Resource, _ *WriteContext) (map[string]any, error) {
	o, ok := res.(*r4.Organization)
	if !ok {
		return nil, invalid("resourceType", "an Organization is expected")
	}
	kind, err := organizationKindFrom(o.Type)
	if err != nil {
		return nil, err
	}
	v := map[string]any{"kind": kind, "name": strings.TrimSpace(deref(o.Name)), "inactive": "0"}
	if o.Active != nil && !*o.Active {
		v["inactive"] = "1"
	}
	if err := organizationIdentifiersFrom(o.Identifier, v); err != nil {
		return nil, err
	}
	contacts, lines := facilityContacts, addressCols{"street", "", "city", "state", "postal_code", "country_code"}
	if kind == "pay" {
		contacts, lines.line2 = payerContacts, "line2"
		if id := v["cms_id"].(string); id != "" && (len(id) < 2 || len(id) > 15) {
			return nil, invalid("Organization.identifier", "a payer id is 2 to 15 characters, not %q", id)
		}
	}
	if err := contactsFrom("Organization.telecom", o.Telecom, contacts, v); err != nil {
		return nil, err
	}
	if kind == "pay" {
		for _, col := range []string{"phone", "fax"} {
			if s := v[col].(string); s != "" && resource.PhoneParts(s) == nil {
				return nil, invalid("Organization.telecom", "a payer's %s number must have ten digits (OpenEMR splits it), not %q", col, s)
			}
		}
	}
	return v, addressFrom("Organization.address", o.Address, lines, v)
}

// organizationKindFrom is the kind of row an Organization's type asks for:
// an insurance company for a payer or an insurance company (organization-
// type pay, ins), a facility for a healthcare provider or no type. Other
// organization types (a department, a government body …) have no table.
// Types of other code systems are not kept.
func organizationKindFrom(types []r4.CodeableConcept) (string, error) {
	kind := ""
	for _, t := range types {
		for _, c := range t.Coding {
			if deref(c.System) != systemOrgType {
				continue
			}
			k := map[string]string{"prov": "prov", "pay": "pay", "ins": "pay"}[deref(c.Code)]
			switch {
			case k == "":
				return "", invalid("Organization.type", "%q cannot be stored: OpenEMR keeps healthcare providers (prov) and payers (pay)", deref(c.Code))
			case kind != "" && kind != k:
				return "", invalid("Organization.type", "an organization is a provider or a payer, not both")
			}
			kind = k
		}
	}
	if kind == "" {
		kind = "prov"
	}
	return kind, nil
}

// organizationIdentifiersFrom keeps the identifiers organizationIdentifiers
// shows: NPI, CLIA number and tax id (a facility's), the payer id (an
// identifier of type NIIP, an insurance company's cms_id).
func organizationIdentifiersFrom(ids []r4.Identifier, v map[string]any) error {
	cols := map[string]string{systemNPI: "facility_npi", systemCLIA: "domain_identifier", systemTIN: "federal_ein"}
	for _, col := range cols {
		v[col] = ""
	}
	v["cms_id"] = ""
	for _, id := range ids {
		col := cols[deref(id.System)]
		if id.System == nil && conceptCode(id.Type, systemIdentifier) == "NIIP" {
			col = "cms_id"
		}
		value := strings.TrimSpace(deref(id.Value))
		switch {
		case col == "" || value == "":
			continue
		case v[col] != "" && v[col] != value:
			return invalid("Organization.identifier", "an organization has one %s, not %q and %q", deref(id.System), v[col], value)
		case col == "domain_identifier" && !cliaNumber.MatchString(value):
			return invalid("Organization.identifier", "%q is not a CLIA number (us-core-18)", value)
		}
		v[col] = value
	}
	return nil
}
