package resource

// CareTeamStatuses are FHIR's care team statuses (R4 care-team-status),
// the options of OpenEMR's Care_Team_Status list (migration 0018).
var CareTeamStatuses = []string{"proposed", "active", "suspended", "inactive", "entered-in-error"}

// FHIRCareTeamWrite is care_teams as FHIR creates and updates of CareTeam
// write it; the members are CareTeamMember rows. date_updated moves on
// every update: it is the team's lastUpdated.
var FHIRCareTeamWrite = &Def{
	Name: "fhir_care_team_write", Table: "care_teams", ID: "id", Key: "uuid",
	Fields: []Field{
		Col("id", As(Int)), Col("uuid", Set(AutoUUID)),
		Col("pid", W, Req, As(Int)),
		Col("status", W, OneOf(CareTeamStatuses...)),
		Col("team_name", W, Len(0, 255)), Col("note", W),
		Col("date_created", Set(AutoNow)), Col("date_updated", Set(AutoTouch)),
	},
}

// CareTeamRoles are the options of the care_team_roles list, a member's
// role with its codes ("SNOMED-CT:17561000").
var CareTeamRoles = &Def{
	Name: "care_team_role", Table: "list_options", Key: "option_id",
	Fixed:  map[string]string{"list_id": "care_team_roles"},
	Fields: []Field{Col("option_id"), Col("title"), Col("seq", As(Int)), Col("codes")},
}
