package fhirmap

import (
	"context"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// careTeamStore writes the team and its members: on an update the team
// row (its date_updated moves, so does its version) and members replaced
// by those written. Each member's role is an option of care_team_roles:
// the one with the role's code, else with its name, else a new option,
// as OpenEMR's list editor would add it; the team's patient has the role
// patient.
func careTeamStore(ctx context.Context, w resource.Writer, v map[string]any, current emr.Record) (string, error) {
	members, _ := v["members"].([]careTeamMemberRow)
	team := map[string]any{}
	for _, k := range []string{"pid", "status", "team_name", "note"} {
		team[k] = v[k]
	}
	var teamID any
	var id string
	if current == nil {
		rec, err := w.Insert(ctx, resource.FHIRCareTeamWrite, team)
		if err != nil {
			return "", err
		}
		teamID, id = rec["id"], rec.Str("uuid")
	} else {
		id, teamID = current.Str("uuid"), current.Str("id")
		if current.Str("pid") != valueText(v["pid"]) {
			return "", invalid("CareTeam.subject", "a care team cannot move to another patient")
		}
		if _, err := w.Update(ctx, resource.FHIRCareTeamWrite, team, emr.Eq("uuid", id)); err != nil {
			return "", err
		}
		if _, err := w.Delete(ctx, resource.CareTeamMember, emr.Eq("care_team_id", teamID)); err != nil {
			return "", err
		}
	}
	roles, err := w.List(ctx, resource.CareTeamRoles, emr.Query{})
	if err != nil {
		return "", err
	}
	now := time.Now().UTC().Format("2006-01-02 15:04:05")
	for _, m := range members {
		role := "patient"
		if !m.patient {
			if role, roles, err = careTeamRoleOption(ctx, w, roles, m); err != nil {
				return "", err
			}
		}
		_, err := w.Insert(ctx, resource.CareTeamMember, map[string]any{
			"care_team_id": teamID, "user_id": orNull(m.user), "contact_id": orNull(m.contact), "facility_id": orNull(m.facility),
			"role": role, "provider_since": orNull(m.since), "status": "active", "date_created": now,
		})
		if err != nil {
			return "", err
		}
	}
	return id, nil
}

// careTeamRoleOption is the care_team_roles option of m's role, added to
// the list (and to roles) when there is none.
func careTeamRoleOption(ctx context.Context, w resource.Writer, roles []emr.Record, m careTeamMemberRow) (string, []emr.Record, error) {
	codes := strings.Split(m.codes, ";")
	for _, r := range roles {
		have := ";" + strings.ToUpper(strings.ReplaceAll(r.Str("codes"), " ", "")) + ";"
		switch {
		case m.codes != "":
			for _, c := range codes {
				if strings.Contains(have, ";"+strings.ToUpper(c)+";") {
					return r.Str("option_id"), roles, nil
				}
			}
		case m.unknown && m.title == "":
			if r.Str("option_id") == "unknown" {
				return "unknown", roles, nil
			}
		case strings.EqualFold(strings.TrimSpace(r.Str("title")), m.title) && have == ";;":
			return r.Str("option_id"), roles, nil
		}
	}
	opt := map[string]any{"option_id": "unknown", "title": "Unknown", "seq": 1000, "codes": ""}
	switch {
	case m.codes != "":
		typ, code, _ := strings.Cut(codes[0], ":")
		opt["option_id"], opt["title"], opt["codes"] = strings.ToLower(typ)+"_"+code, firstOf(m.title, codes[0]), m.codes
	case m.title != "":
		opt["option_id"], opt["title"] = roleSlug(m.title, roles), m.title
	}
	rec, err := w.Insert(ctx, resource.CareTeamRoles, opt)
	if err != nil {
		return "", nil, err
	}
	return valueText(opt["option_id"]), append(roles, rec), nil
}

// roleSlug is an option id made of a role's name, unique among roles.
func roleSlug(title string, roles []emr.Record) string {
	slug := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '_'
	}, title)
	if len(slug) > 40 {
		slug = slug[:40]
	}
	base := "role_" + slug
	for n, id := 1, base; ; n++ {
		taken := false
		for _, r := range roles {
			taken = taken || r.Str("option_id") == id
		}
		if !taken {
			return id
		}
		id = base + "_" + strconv.Itoa(n+1)
	}
}
