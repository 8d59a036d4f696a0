package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Group is a group of patients (FHIR Group, https://hl7.org/fhir/R4/group.html;
// no US Core profile), an actual group of persons whose members are
// Patients: the group a bulk export by Group names (Bulk Data Access 2.0,
// group-level export). Two kinds are served together:
//
//   - OpenEMR's patient provider groups: one per user who is a patient's
//     primary care provider (patient_data.providerID), with those patients
//     as members, managed by the provider (the Practitioner with the
//     user's uuid, which the Group's id also is). They are computed, so
//     they cannot be written.
//   - stored groups (patient_group), made by goemr group add or a FHIR
//     create and changed by update: a name, whether active, and members,
//     each with the time it joined (member.period.start). They are
//     versioned (meta.versionId, If-Match).
//
// A Group names patients other than a patient's own, so it is in no
// patient compartment and is for staff: no patient/Group scope is offered.
var Group = &Mapping{
	Type:     "Group",
	Def:      resource.FHIRGroup,
	WriteDef: resource.PatientGroup,
	ID:       "uuid",
	Updated:  "last_updated",
	Refs:     []Ref{VersionRef("patient_group", "group_id")},
	Params: []Param{
		// A patient's provider group is the one of their providerID.
		{Code: "patient", Type: Reference, Fields: []string{"provider_key"}, Target: "Patient", TargetKey: "providerID",
			Doc: "A member of the group: the group of the patient's primary care provider"},
		{Code: "managing-entity", Type: Reference, Fields: []string{"provider_key"}, Target: "Practitioner", TargetKey: "id",
			Doc: "The provider whose patients the group is"},
		{Code: "name", Type: String, Fields: []string{"name", "fname", "lname"}, Doc: "The group's or its provider's name"},
		{Code: "type", Type: Token, Fields: []string{"kind"}, Tokens: groupFixedToken(systemGroupType, "person"),
			Doc: "The kind of members: person (every group here)"},
		{Code: "actual", Type: Token, Fields: []string{"kind"}, Tokens: groupFixedToken("", "true"),
			Doc: "Whether the group lists its members: true (every group here)"},
	},
	ToFHIR:   groupToFHIR,
	FromFHIR: groupFromFHIR,
	Store:    groupStore,
	Paths:    map[string]string{"name": "Group.name", "active": "Group.active"},
}

const systemGroupType = "http://hl7.org/fhir/group-type"

// groupFixedToken matches every group (every group has a kind) for code,
// of system when the search names one, and none for any other: a value
// all groups share.
func groupFixedToken(system, code string) func(string, string, bool) []emr.Cond {
	return func(sys, c string, hasSystem bool) []emr.Cond {
		if c != code || hasSystem && sys != system {
			return nil
		}
		return []emr.Cond{{Field: "kind", Match: emr.Missing, Value: false}}
	}
}

func groupToFHIR(rec emr.Record, c *Context) r4.Resource {
	id := rec.Str("uuid")
	g := &r4.Group{
		ID:     text(id),
		Meta:   meta(nil, rec.Str("last_updated")),
		Active: ptr(rec.Str("active") != "0"),
		Type:   ptr("person"),
		Actual: ptr(true),
		Name:   text(rec.Str("name")),
	}
	if rec.Str("kind") == resource.GroupStored {
		g.Meta.VersionId = ptr(c.Version(rec.Str("group_id")))
	} else {
		g.ManagingEntity = reference("Practitioner", id)
	}
	joined := strings.Split(rec.Str("joined"), ",")
	for i, m := range strings.Split(rec.Str("members"), ",") {
		if m = strings.TrimSpace(m); m == "" {
			continue
		}
		member := r4.GroupMember{Entity: reference("Patient", m)}
		if i < len(joined) {
			if start := instant(joined[i]); start != nil {
				member.Period = &r4.Period{Start: start}
			}
		}
		g.Member = append(g.Member, member)
	}
	g.Quantity = ptr(int64(len(g.Member)))
	return g
}
