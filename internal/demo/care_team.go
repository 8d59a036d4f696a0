package demo

import (
	"math/rand/v2"
	"time"

	"goemr/internal/resource"
)

// teamMember is a care_team_member row to write.
type teamMember struct {
	user     int64
	role     string // an option of care_team_roles (migration 0018)
	facility int64  // 0: none named
	since    time.Time
}

// careTeam writes the patient's care team: the primary care practitioner
// at their clinic; the cardiologist for a heart condition (and some with
// hypertension); for some with three or more chronic problems the nurse
// practitioner, coordinating care for the patient's clinic; and for some
// adults the patient themself.
func (b *batch) careTeam(c *chart, r *rand.Rand, chronic []condition) error {
	members := []teamMember{{user: c.doc.id, role: "primary_care_provider", facility: c.fac, since: c.start}}
	var heart, htn *condition
	for i := range chronic {
		switch chronic[i].icd10 {
		case "I25.10", "I48.91":
			if heart == nil {
				heart = &chronic[i]
			}
		case "I10":
			htn = &chronic[i]
		}
	}
	if heart == nil && htn != nil && r.IntN(100) < 20 {
		heart = htn
	}
	if cardio, ok := b.sh.withSpecialty("Cardiology"); ok && heart != nil && cardio.id != c.doc.id {
		members = append(members, teamMember{user: cardio.id, role: "cardiologist", since: c.recorded(heart.begin)})
	}
	if np, ok := b.sh.withSpecialty("Nurse Practitioner"); ok && len(chronic) >= 3 && np.id != c.doc.id && r.IntN(100) < 40 {
		members = append(members, teamMember{user: np.id, role: "nurse_practitioner", facility: c.fac, since: c.recorded(chronic[2].begin)})
	}
	if c.p.ageAt(Anchor) >= 18 && r.IntN(100) < 40 {
		members = append(members, teamMember{role: "patient", since: c.start})
	}
	created, updated := c.start, c.start
	for _, m := range members {
		if m.since.After(updated) {
			updated = m.since
		}
	}
	b.now = created.Format(dateTime)
	team, err := b.put(resource.CareTeam, map[string]any{
		"pid": b.pid, "status": "active", "team_name": "Primary care team",
		"date_created": b.now, "date_updated": updated.Format(dateTime),
		"created_by": b.sh.admin, "updated_by": b.sh.admin,
	})
	if err != nil {
		return err
	}
	for _, m := range members {
		at := m.since.Format(dateTime)
		v := map[string]any{
			"care_team_id": team["id"], "role": m.role, "provider_since": m.since.Format(dateOnly), "status": "active",
			"date_created": at, "date_updated": at, "created_by": b.sh.admin, "updated_by": b.sh.admin,
		}
		if m.user != 0 {
			v["user_id"] = m.user
		}
		if m.facility != 0 {
			v["facility_id"] = m.facility
		}
		if err := b.add(resource.CareTeamMember, v); err != nil {
			return err
		}
	}
	return nil
}

// withSpecialty is the demo practitioner of that specialty (doctorRows).
func (s *shared) withSpecialty(specialty string) (doctor, bool) {
	for i, d := range doctorRows {
		if d.specialty == specialty && i < len(s.doctors) {
			return s.doctors[i], true
		}
	}
	return doctor{}, false
}
