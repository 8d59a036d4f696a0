package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Person is every user as FHIR Person (https://hl7.org/fhir/R4/person.html;
// no US Core profile), as OpenEMR's Person service serves users: the
// fhirUser of a login without an NPI is its Person. A user with an NPI is
// also a Practitioner, with the same id, which Person.link names.
//
// It is in no patient's compartment: a patient token with patient/Person
// scope reads every user, as with Practitioner.
var Person = &Mapping{
	Type:    "Person",
	Def:     resource.FHIRPerson,
	ID:      "uuid",
	Updated: "last_updated",
	// OpenEMR's Person parameters are Practitioner's but identifier.
	Params: paramsExcept(Practitioner.Params, "identifier"),
	ToFHIR: personToFHIR,
}

// paramsExcept is ps without the parameters named codes.
func paramsExcept(ps []Param, codes ...string) []Param {
	var out []Param
next:
	for _, p := range ps {
		for _, c := range codes {
			if p.Code == c {
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}

// personToFHIR shows the user row as Practitioner does (name, contacts,
// work address, NPI or row identifier), without the US Core profile and
// its data-absent family name, which base Person does not ask for.
func personToFHIR(rec emr.Record, c *Context) r4.Resource {
	pr := practitionerToFHIR(rec, c).(*r4.Practitioner)
	p := &r4.Person{
		ID:         pr.ID,
		Meta:       meta(nil, rec.Str("last_updated")),
		Identifier: pr.Identifier,
		Telecom:    pr.Telecom,
		Address:    pr.Address,
		Active:     pr.Active,
	}
	for _, n := range pr.Name {
		n.FamilyExt = nil
		if n.Family != nil || len(n.Given) > 0 || len(n.Prefix) > 0 {
			p.Name = append(p.Name, n)
		}
	}
	if rec.Str("npi") != "" && p.ID != nil {
		// The same user as Practitioner serves it (users with an NPI).
		p.Link = []r4.PersonLink{{Target: reference("Practitioner", *p.ID)}}
	}
	return p
}
