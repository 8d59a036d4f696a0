package fhirmap

import (
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// CareTeam is a patient's care team (OpenEMR care_teams with its
// care_team_member rows) as US Core CareTeam
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-careteam.html),
// read from the view fhir_care_team. Each current member is a participant
// with its role (the care_team_roles option's SNOMED CT or NUCC code, else
// the member's provider taxonomy) and whom it is: a practitioner at their
// own facility is that PractitionerRole, another practitioner the
// Practitioner acting for the facility named (onBehalfOf), a contact
// person the RelatedPerson of their relation to the patient, a facility
// on its own the Organization, and the role patient with no one named the
// patient.
var CareTeam = &Mapping{
	Type:     "CareTeam",
	Profiles: careTeamProfiles,
	Def:      resource.FHIRCareTeam,
	WriteDef: resource.FHIRCareTeamWrite,
	ID:       "uuid", Updated: "last_updated", Patient: "pid",
	Refs: []Ref{
		{Name: "patient", Field: "pid", Def: resource.FHIRPatientKey, By: "pid", Take: "uuid"},
		VersionRef("care_teams", "id"),
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "status", Type: Token, Fields: []string{"status"}, Tokens: computedStatusTokens(systemCareTeamStatus, "status")},
		{Code: "role", Type: Token, Fields: []string{"roles"}, Tokens: careTeamRole, Doc: "A member's role: a SNOMED CT or NUCC provider taxonomy code"},
		// A search parameter has one target type, so participant follows
		// the practitioners: every member who is a user with an NPI, shown
		// as the Practitioner or as their PractitionerRole. The view holds
		// the first four, one per field, since a parameter matches and
		// _include reads one key per field.
		{Code: "participant", Type: Reference, Fields: careTeamUsers, Target: "Practitioner", TargetKey: "id",
			Doc: "A practitioner on the team (the first four practitioners of a team are searched and included)"},
	},
	ToFHIR:   careTeamToFHIR,
	FromFHIR: careTeamFromFHIR,
	Store:    careTeamStore,
	Paths: map[string]string{
		"pid": "CareTeam.subject", "status": "CareTeam.status", "team_name": "CareTeam.name",
	},
}

var careTeamProfiles = profiles("us-core-careteam")

var careTeamUsers = []string{"user_1", "user_2", "user_3", "user_4"}

const systemCareTeamStatus = "http://hl7.org/fhir/care-team-status"

// careTeamRoleTypes are the code types role codes may be stored under,
// with their systems (list_options.codes "SNOMED-CT:453231000124104").
var careTeamRoleTypes = []struct{ typ, system string }{
	{"SNOMED-CT", systemSNOMED}, {"SNOMED", systemSNOMED}, {"NUCC", systemNUCC},
}

// careTeamRole finds the teams with a member in role code: a contains
// search of the view's roles for ";TYPE:code;".
func careTeamRole(system, code string, hasSystem bool) []emr.Cond {
	code = strings.TrimSpace(code)
	if code == "" || strings.ContainsAny(code, ": ;") {
		return nil
	}
	var out []emr.Cond
	for _, t := range careTeamRoleTypes {
		if !hasSystem || system == t.system {
			out = append(out, emr.Cond{Field: "roles", Match: emr.Contains, Value: ";" + t.typ + ":" + code + ";"})
		}
	}
	return out
}

func careTeamToFHIR(rec emr.Record, c *Context) r4.Resource {
	subject := issueSubject(rec, c)
	t := &r4.CareTeam{
		ID:          text(rec.Str("uuid")),
		Meta:        meta(careTeamProfiles, rec.Str("last_updated")),
		Status:      ptr(rec.Str("status")),
		Name:        text(rec.Str("team_name")),
		Subject:     subject,
		Participant: careTeamParticipants(rec.Str("members"), rec.Str("related"), subject),
	}
	t.Meta.VersionId = ptr(c.Version(rec.Str("id")))
	if note := text(rec.Str("note")); note != nil {
		t.Note = []r4.Annotation{{Text: note}}
	}
	return t
}
