package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// PractitionerRole is a practitioner at the facility they work at as US
// Core PractitionerRole
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-practitionerrole.html),
// from users × facility as OpenEMR pairs them. The role is the user's
// provider taxonomy (users.taxonomy, a NUCC code, as OpenEMR bills with
// it); the specialty is that taxonomy and the specialty the user's record
// names (users.specialty) when it is another. It is in no patient's
// compartment.
var PractitionerRole = &Mapping{
	Type:     "PractitionerRole",
	Profiles: practitionerRoleProfiles,
	Def:      resource.FHIRPractitionerRole,
	ID:       "id", Updated: "last_updated",
	Params: []Param{
		{Code: "specialty", Type: Token, Fields: []string{"taxonomy", "specialty"}, Tokens: practitionerRoleSpecialty, Doc: "A NUCC provider taxonomy code"},
		{Code: "practitioner", Type: Reference, Fields: []string{"user_id"}, Target: "Practitioner", TargetKey: "id"},
		{Code: "organization", Type: Reference, Fields: []string{"facility_id"}, Target: "Organization", TargetKey: "facility_id"},
		{Code: "location", Type: Reference, Fields: []string{"facility_id"}, Target: "Location", TargetKey: "id"},
	},
	ToFHIR: practitionerRoleToFHIR,
}

var practitionerRoleProfiles = profiles("us-core-practitionerrole")

// practitionerRoleSpecialty finds the roles with a specialty coded code:
// from the taxonomy, or from a specialty name of that code.
func practitionerRoleSpecialty(system, code string, hasSystem bool) []emr.Cond {
	if hasSystem && system != systemNUCC || code == "" {
		return nil
	}
	out := []emr.Cond{emr.Eq("taxonomy", code)}
	if names := specialtyNames[code]; len(names) > 0 {
		out = append(out, emr.Cond{Field: "specialty", Match: emr.In, Value: names})
	}
	return out
}

func practitionerRoleToFHIR(rec emr.Record, _ *Context) r4.Resource {
	r := &r4.PractitionerRole{
		ID:           text(rec.Str("id")),
		Meta:         meta(practitionerRoleProfiles, rec.Str("last_updated")),
		Active:       ptr(rec.Str("active") == "1"),
		Practitioner: reference("Practitioner", rec.Str("user_uuid")),
		Organization: reference("Organization", rec.Str("facility_uuid")),
		Location:     []r4.Reference{*reference("Location", rec.Str("facility_uuid"))},
	}
	taxonomy := rec.Str("taxonomy")
	coded := nuccCode.MatchString(taxonomy)
	if coded {
		r.Code = []r4.CodeableConcept{*concept(systemNUCC, taxonomy, nuccDisplays[taxonomy])}
		r.Specialty = []r4.CodeableConcept{*concept(systemNUCC, taxonomy, nuccDisplays[taxonomy])}
	}
	if name := text(rec.Str("specialty")); name != nil {
		code := specialtyCodes[*name]
		switch {
		case coded && code == taxonomy:
			r.Specialty[0].Text = name
		case code != "":
			c := concept(systemNUCC, code, nuccDisplays[code])
			c.Text = name
			r.Specialty = append(r.Specialty, *c)
		default:
			r.Specialty = append(r.Specialty, r4.CodeableConcept{Text: name})
		}
	}
	// A role needs contact details or an endpoint (pd-1): the
	// practitioner's own, else the facility's.
	r.Telecom = telecomOf(rec,
		contactField{"phonew1", "phone", "work"}, contactField{"phone", "phone", "work"},
		contactField{"phonecell", "phone", "mobile"}, contactField{"email", "email", "work"})
	if r.Telecom == nil {
		r.Telecom = telecomOf(rec, contactField{"facility_phone", "phone", "work"}, contactField{"facility_email", "email", "work"})
	}
	return r
}
