package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Group is a provider's patients, as OpenEMR's patient provider groups
// (FHIR Group, https://hl7.org/fhir/R4/group.html; no US Core profile):
// one Group per user who is a patient's primary care provider
// (patient_data.providerID), an actual group of persons whose members are
// those Patients, managed by the provider (the Practitioner with the
// user's uuid, which the Group's id also is). It is the group a bulk
// export by Group names (Bulk Data Access 2.0, group-level export).
//
// A Group names patients other than a patient's own, so it is in no
// patient compartment and is for staff: a patient token reaches it only
// with a patient/Group scope, which a patient-facing app should not ask
// for.
var Group = &Mapping{
	Type:    "Group",
	Def:     resource.FHIRGroup,
	ID:      "uuid",
	Updated: "last_updated",
	Params: []Param{
		// A patient's group is the one of their providerID.
		{Code: "patient", Type: Reference, Fields: []string{"provider_key"}, Target: "Patient", TargetKey: "providerID",
			Doc: "A member of the group (the group of the patient's primary care provider)"},
		{Code: "name", Type: String, Fields: []string{"name", "fname", "lname"}, Doc: "The group's or its provider's name"},
	},
	ToFHIR: groupToFHIR,
}

func groupToFHIR(rec emr.Record, _ *Context) r4.Resource {
	id := rec.Str("uuid")
	g := &r4.Group{
		ID:             text(id),
		Meta:           meta(nil, rec.Str("last_updated")),
		Active:         ptr(true),
		Type:           ptr("person"),
		Actual:         ptr(true),
		Name:           text(rec.Str("name")),
		ManagingEntity: reference("Practitioner", id),
	}
	for _, m := range strings.Split(rec.Str("members"), ",") {
		if m = strings.TrimSpace(m); m != "" {
			g.Member = append(g.Member, r4.GroupMember{Entity: reference("Patient", m)})
		}
	}
	g.Quantity = ptr(int64(len(g.Member)))
	return g
}
