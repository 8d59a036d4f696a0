package ccda

import (
	"goemr/internal/fhir/r4"
)

// Care Teams Section (C-CDA R2.1 Companion Guide, Release 2, §5.2: the
// USCDI care team), 2.16.840.1.113883.10.20.22.2.500:2019-07-01.
var careTeamsSection = sectionInfo{
	templates: []tid{{"2.16.840.1.113883.10.20.22.2.500", "2019-07-01"}},
	code:      "85847-2", display: "Patient Care team information", title: "Care Teams",
}

// careTeams is one Care Team Organizer (4.500:2019-07-01) per CareTeam,
// with one Care Team Member Act (4.500.1:2019-07-01) per participant: the
// member as performer, their role as its sdtc:functionCode.
func (b *builder) careTeams() *node {
	t := newTable("Care team", "Member", "Role", "Since", "Status")
	var entries []*node
	for _, team := range each[*r4.CareTeam](b) {
		if deref(team.Status) == "entered-in-error" || !b.inRange(teamStart(team)) {
			continue
		}
		ref := b.nid("careteam")
		status := "active"
		if s := deref(team.Status); s == "inactive" || s == "suspended" {
			status = "completed"
		}
		org := el("organizer", "classCode", "CLUSTER", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.500", "2019-07-01"})...).
			add(b.id("CareTeam", deref(team.ID)), fixed("code", "86744-0", oidLOINC, "LOINC", "Care team"), statusEl(status))
		if team.Period != nil {
			org.add(ivl("effectiveTime", deref(team.Period.Start), deref(team.Period.End)))
		}
		first := true
		for i, m := range team.Participant {
			var role *r4.CodeableConcept
			if len(m.Role) > 0 {
				role = &m.Role[0]
			}
			id := ""
			if first {
				id, first = ref, false
			}
			start := ""
			if m.Period != nil {
				start = deref(m.Period.Start)
			}
			t.row(id, deref(team.Name), b.whoText(m.Member), conceptText(role), display(start), deref(team.Status))
			member := el("act", "classCode", "PCPR", "moodCode", "EVN").add(templateIDs(tid{"2.16.840.1.113883.10.20.22.4.500.1", "2019-07-01"})...).
				add(b.subID("CareTeam", deref(team.ID), "member-"+itoa(i+1)), fixed("code", "85847-2", oidLOINC, "LOINC", "Patient Care team information"),
					statusEl("active"))
			if m.Period != nil {
				member.add(ivl("effectiveTime", deref(m.Period.Start), deref(m.Period.End)))
			}
			if p := b.performer(m.Member); p != nil {
				p.set("typeCode", "PRF")
				if role != nil {
					p.kids = append([]*node{cd("sdtc:functionCode", role, "", oidSNOMED, oidNUCC)}, p.kids...)
				}
				member.add(p)
			}
			org.add(el("component").add(member))
		}
		if first {
			t.row(ref, deref(team.Name), "", "", display(teamStart(team)), deref(team.Status))
		}
		entries = append(entries, org)
	}
	return b.section(careTeamsSection, t.text(), entries...)
}

// teamStart is when a care team started: its period, else its first
// member's.
func teamStart(team *r4.CareTeam) string {
	if team.Period != nil && team.Period.Start != nil {
		return *team.Period.Start
	}
	for _, m := range team.Participant {
		if m.Period != nil && m.Period.Start != nil {
			return *m.Period.Start
		}
	}
	return ""
}
