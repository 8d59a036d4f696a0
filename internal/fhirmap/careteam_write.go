package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// careTeamMemberRow is a participant as a care_team_member row, with the
// role it names (found or added among care_team_roles by careTeamStore).
type careTeamMemberRow struct {
	user, contact, facility, since string
	patient                        bool   // the team's patient: role patient
	codes, title                   string // the role's codes ("SNOMED-CT:x;NUCC:y") and name
	unknown                        bool   // the role is said to be unknown
}

// careTeamFromFHIR maps a US Core CareTeam onto care_teams and its
// members, the inverse of careTeamToFHIR: status, name, subject, notes
// and each participant with its role. A member is the patient, a
// practitioner (acting for a facility: onBehalfOf), a practitioner's role
// at a facility, a facility, or a person related to the patient. The
// members are handed to careTeamStore under "members".
func careTeamFromFHIR(res r4.Resource, w *WriteContext) (map[string]any, error) {
	t, ok := res.(*r4.CareTeam)
	if !ok {
		return nil, invalid("resourceType", "a CareTeam is expected")
	}
	status := deref(t.Status)
	if !oneOf(status, resource.CareTeamStatuses) {
		return nil, invalid("CareTeam.status", "must be a care team status (active, inactive…), not %q", status)
	}
	if t.Subject == nil {
		return nil, invalid("CareTeam.subject", "is required (US Core)")
	}
	pid, err := w.reference("CareTeam.subject", t.Subject, "Patient", "pid")
	if err != nil {
		return nil, err
	}
	if pid == "" {
		return nil, invalid("CareTeam.subject", "must be a literal reference Patient/{id}")
	}
	v := map[string]any{"pid": pid, "status": status, "team_name": strings.TrimSpace(deref(t.Name)), "note": notesFrom(t.Note)}
	if len(t.Participant) == 0 {
		return nil, invalid("CareTeam.participant", "is required (US Core)")
	}
	var members []careTeamMemberRow
	for _, p := range t.Participant {
		m, err := careTeamMemberFrom(w, p, pid)
		if err != nil {
			return nil, err
		}
		members = append(members, m)
	}
	v["members"] = members
	return v, nil
}

// careTeamMemberFrom maps one participant.
func careTeamMemberFrom(w *WriteContext, p r4.CareTeamParticipant, pid string) (careTeamMemberRow, error) {
	var m careTeamMemberRow
	if len(p.Role) != 1 {
		return m, invalid("CareTeam.participant.role", "OpenEMR records one role of each member")
	}
	if err := careTeamRoleFrom(&p.Role[0], &m); err != nil {
		return m, err
	}
	if p.Member == nil || p.Member.Reference == nil {
		return m, invalid("CareTeam.participant.member", "must refer to the member")
	}
	ref, path := *p.Member.Reference, "CareTeam.participant.member"
	var err error
	switch {
	case strings.Contains(ref, "PractitionerRole/"):
		if m.user, err = w.reference(path, p.Member, "PractitionerRole", "user_id"); err == nil {
			m.facility, _, err = w.Resolve("PractitionerRole", referencedID(p.Member), "facility_id")
		}
	case strings.Contains(ref, "Practitioner/"):
		m.user, err = w.reference(path, p.Member, "Practitioner", "id")
		if err == nil && p.OnBehalfOf != nil {
			m.facility, err = careTeamFacility(w, "CareTeam.participant.onBehalfOf", p.OnBehalfOf)
		}
	case strings.Contains(ref, "Organization/"):
		m.facility, err = careTeamFacility(w, path, p.Member)
	case strings.Contains(ref, "RelatedPerson/"):
		if m.contact, err = w.reference(path, p.Member, "RelatedPerson", "contact_id"); err == nil {
			if of, _, _ := w.Resolve("RelatedPerson", referencedID(p.Member), "pid"); of != pid {
				err = invalid(path, "must be a person related to the team's patient")
			}
		}
	case strings.Contains(ref, "Patient/"):
		var of string
		if of, err = w.reference(path, p.Member, "Patient", "pid"); err == nil && of != pid {
			err = invalid(path, "a patient on the team must be the team's own patient")
		}
		m.patient = true
	default:
		err = invalid(path, "must be a Practitioner, PractitionerRole, Organization, RelatedPerson or the Patient, not %q", ref)
	}
	if err != nil {
		return m, err
	}
	if p.Period != nil {
		m.since, err = dayFrom("CareTeam.participant.period.start", p.Period.Start)
	}
	return m, err
}

// careTeamFacility is the facility an Organization reference names.
func careTeamFacility(w *WriteContext, path string, ref *r4.Reference) (string, error) {
	id, err := w.reference(path, ref, "Organization", "facility_id")
	if err == nil && id == "" {
		err = invalid(path, "must be a facility (an insurer is on no care team)")
	}
	return id, err
}

// careTeamRoleFrom reads a member's role: its SNOMED CT and NUCC codes
// (as list_options.codes), its name, or that it is unknown
// (data-absent-reason, as US Core's example for missing codes).
func careTeamRoleFrom(cc *r4.CodeableConcept, m *careTeamMemberRow) error {
	var codes []string
	for _, c := range cc.Coding {
		code := strings.TrimSpace(deref(c.Code))
		switch deref(c.System) {
		case systemSNOMED:
			codes = append(codes, "SNOMED-CT:"+code)
		case systemNUCC:
			codes = append(codes, "NUCC:"+code)
		case systemAbsent:
			m.unknown = true
			continue
		default:
			continue
		}
		if code == "" || strings.ContainsAny(code, ";: ") {
			return invalid("CareTeam.participant.role", "%q is not a code", code)
		}
		m.title = firstOf(m.title, strings.TrimSpace(deref(c.Display)))
	}
	m.codes, m.title = strings.Join(codes, ";"), firstOf(strings.TrimSpace(deref(cc.Text)), m.title)
	if m.codes == "" && m.title == "" && !m.unknown {
		return invalid("CareTeam.participant.role", "must have a SNOMED CT or NUCC coding, or a text")
	}
	return nil
}
