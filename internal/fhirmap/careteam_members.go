package fhirmap

import (
	"encoding/json"
	"strings"

	"goemr/internal/fhir/r4"
)

// careTeamMember is one entry of the view fhir_care_team's members: a
// care_team_member row with its role's codes and title and the ids of
// what it refers to (migration 0018).
type careTeamMember struct {
	Role             string      `json:"role"`
	Title            string      `json:"title"`
	Codes            string      `json:"codes"`
	User             json.Number `json:"user"`
	Contact          json.Number `json:"contact"`
	Practitioner     string      `json:"practitioner"`
	PractitionerRole string      `json:"practitioner_role"`
	Organization     string      `json:"organization"`
	Name             string      `json:"name"`
	Since            string      `json:"since"`
}

// careTeamParticipants are the participants of a members array. related
// gives the RelatedPerson of each contact member ("contact id=uuid,…"); the
// role patient with no one named is the team's patient, subject.
func careTeamParticipants(members, related string, subject *r4.Reference) []r4.CareTeamParticipant {
	var ms []careTeamMember
	dec := json.NewDecoder(strings.NewReader(members))
	dec.UseNumber()
	if members == "" || dec.Decode(&ms) != nil {
		return nil
	}
	relations := map[string]string{}
	for _, pair := range strings.Split(related, ",") {
		if contact, id, ok := strings.Cut(pair, "="); ok {
			relations[contact] = id
		}
	}
	var out []r4.CareTeamParticipant
	for _, m := range ms {
		p := r4.CareTeamParticipant{Role: []r4.CodeableConcept{careTeamRoleConcept(m)}}
		switch {
		case m.PractitionerRole != "":
			p.Member = reference("PractitionerRole", m.PractitionerRole)
		case m.Practitioner != "":
			p.Member = reference("Practitioner", m.Practitioner)
			// US Core allows onBehalfOf for a Practitioner member only
			// (R4 ctm-1).
			if m.Organization != "" {
				p.OnBehalfOf = reference("Organization", m.Organization)
			}
		case m.User != "":
			// A user without an NPI is no Practitioner goemr serves: the
			// member is named, not referenced.
			p.Member = &r4.Reference{Display: text(firstOf(m.Name, "User "+m.User.String()))}
		case m.Contact != "":
			// A contact person is the RelatedPerson of their relation to
			// the patient; without one, no one goemr serves.
			id, ok := relations[m.Contact.String()]
			if !ok {
				continue
			}
			p.Member = reference("RelatedPerson", id)
		case m.Role == "patient" && m.Organization == "" && subject != nil && subject.Reference != nil:
			p.Member = &r4.Reference{Reference: subject.Reference}
		case m.Organization != "":
			p.Member = reference("Organization", m.Organization)
		default:
			continue
		}
		if since := date(m.Since); since != nil {
			p.Period = &r4.Period{Start: since}
		}
		out = append(out, p)
	}
	return out
}

// careTeamRoleConcept is the member's role (US Core participant.role,
// 1..1, extensibly bound to Care Team Member Function: SNOMED CT and NUCC
// codes), the option's title as text; a role with no code known says so
// with the data-absent-reason code, as US Core's examples do.
func careTeamRoleConcept(m careTeamMember) r4.CodeableConcept {
	c := r4.CodeableConcept{Text: text(firstOf(m.Title, m.Role))}
	for _, part := range strings.Split(m.Codes, ";") {
		typ, code, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok || code == "" {
			continue
		}
		for _, t := range careTeamRoleTypes {
			if strings.EqualFold(t.typ, typ) {
				display := careTeamRoleDisplays[code]
				if t.system == systemNUCC {
					display = nuccDisplays[code]
				}
				c.Coding = append(c.Coding, coding(t.system, code, display))
				break
			}
		}
	}
	if c.Coding == nil {
		u := unknownConcept()
		u.Text = c.Text
		if u.Text == nil {
			u.Text = ptr("Unknown")
		}
		return *u
	}
	return c
}

// careTeamRoleDisplays are the SNOMED CT names of the roles goemr's
// care_team_roles list codes (migration 0018).
var careTeamRoleDisplays = map[string]string{
	"453231000124104": "Primary care provider",
	"17561000":        "Cardiologist",
	"133932002":       "Caregiver (person)",
	"116154003":       "Patient (person)",
}
