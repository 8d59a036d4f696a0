package resource

// CareTeam is a patient's care team, care_teams (migration 0018), as it is
// written; CareTeamMember one of its members. Other columns are written as
// named.
var (
	CareTeam = &Def{
		Name: "care_team", Table: "care_teams", ID: "id", Key: "uuid",
		Fields: []Field{Col("id", As(Int)), Col("uuid", Set(AutoUUID)), Col("pid", As(Int))},
	}
	CareTeamMember = &Def{
		Name: "care_team_member", Table: "care_team_member", ID: "id", Key: "id",
		Fields: []Field{Col("id", As(Int)), Col("care_team_id", As(Int))},
	}
)

// FHIRCareTeam is a care team as US Core CareTeam reads it, the view
// fhir_care_team (migration 0018): members is the JSON array of the
// members it shows, roles their role codes between semicolons, and user_1
// … user_4 the users.id of its first four practitioners. A team that shows
// no one is left out, as OpenEMR's CareTeam service leaves it out
// (US Core requires a participant).
//
// related pairs each contact member's contact id with the uuid of the
// person's relation to the team's patient (contact_relation, migration
// 0019; the first, if several), the id of that RelatedPerson as
// fhir_related_person serves it: "12=uuid,13=uuid".
var FHIRCareTeam = &Def{
	Name: "fhir_care_team", Table: "fhir_care_team", ID: "id", Key: "uuid",
	Where: "t.members <> '[]'",
	Order: []string{"id"},
	Fields: []Field{
		Col("id", As(Int)), Col("uuid"), Col("pid", As(Int)), Col("status"),
		Col("team_name"), Col("note"), Col("last_updated", As(DateTime)),
		Col("members"), Col("roles"),
		Col("user_1", As(Int)), Col("user_2", As(Int)), Col("user_3", As(Int)), Col("user_4", As(Int)),
		Col("related", Computed(`SELECT string_agg(CAST(m.contact_id AS TEXT) || '=' || r.uuid, ',')
			FROM care_team_member m JOIN contact_relation r ON r.id = (
				SELECT MIN(x.id) FROM contact_relation x
				JOIN contact c ON c.id = x.contact_id AND c.foreign_table_name = 'person'
				JOIN person p ON p.id = c.foreign_id
				WHERE x.contact_id = m.contact_id AND x.target_table = 'patient_data' AND x.target_id = t.pid)
			WHERE m.care_team_id = t.id AND m.contact_id IS NOT NULL`)),
	},
}
