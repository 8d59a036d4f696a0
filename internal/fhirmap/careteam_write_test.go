package fhirmap

import (
	"testing"
)

func TestCareTeamFromFHIR(t *testing.T) {
	role := func(system, code string) string {
		return `[{"coding":[{"system":"` + system + `","code":"` + code + `","display":"D"}]}]`
	}
	sct := "http://snomed.info/sct"
	for _, tc := range []struct {
		name, body string
		want       []careTeamMemberRow
		err        string
	}{
		{"Synthea", `{"resourceType":"CareTeam","status":"inactive","subject":{"reference":"Patient/p1"},"period":{"start":"2011-01-02"},
		  "participant":[{"role":` + role(sct, "116153009") + `,"member":{"reference":"Patient/p1"}},
		    {"role":` + role(sct, "223366009") + `,"member":{"reference":"Practitioner/d1"}},
		    {"role":` + role(sct, "224891009") + `,"member":{"reference":"Organization/f1"}}]}`,
			[]careTeamMemberRow{{patient: true, codes: "SNOMED-CT:116153009", title: "D"},
				{user: "3", codes: "SNOMED-CT:223366009", title: "D"}, {facility: "2", codes: "SNOMED-CT:224891009", title: "D"}}, ""},
		{"roles by NUCC, text, unknown; on behalf of", `{"resourceType":"CareTeam","status":"active","name":"Heart","subject":{"reference":"Patient/p1"},
		  "participant":[{"role":` + role("http://nucc.org/provider-taxonomy", "207RC0000X") + `,"member":{"reference":"Practitioner/d1"},"onBehalfOf":{"reference":"Organization/f1"},"period":{"start":"2020-05-01"}},
		    {"role":[{"text":"Coach"}],"member":{"reference":"PractitionerRole/d1-2"}},
		    {"role":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"}]}],"member":{"reference":"Practitioner/d2"}}]}`,
			[]careTeamMemberRow{{user: "3", facility: "2", since: "2020-05-01", codes: "NUCC:207RC0000X", title: "D"},
				{user: "3", facility: "2", title: "Coach"}, {user: "4", unknown: true}}, ""},
		{"bad status", `{"resourceType":"CareTeam","status":"done","subject":{"reference":"Patient/p1"},"participant":[{"role":[{"text":"x"}],"member":{"reference":"Practitioner/d1"}}]}`, nil, "CareTeam.status"},
		{"no subject", `{"resourceType":"CareTeam","status":"active","participant":[{"role":[{"text":"x"}],"member":{"reference":"Practitioner/d1"}}]}`, nil, "CareTeam.subject"},
		{"no one", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"}}`, nil, "CareTeam.participant"},
		{"no role", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"},"participant":[{"member":{"reference":"Practitioner/d1"}}]}`, nil, "CareTeam.participant.role"},
		{"uncoded role", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"},"participant":[{"role":[{"coding":[{"system":"urn:x","code":"1"}]}],"member":{"reference":"Practitioner/d1"}}]}`, nil, "CareTeam.participant.role"},
		{"insurer", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"},"participant":[{"role":[{"text":"x"}],"member":{"reference":"Organization/i1"}}]}`, nil, "CareTeam.participant.member"},
		{"another patient", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"},"participant":[{"role":[{"text":"x"}],"member":{"reference":"Patient/p2"}}]}`, nil, "CareTeam.participant.member"},
		{"a team as member", `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/p1"},"participant":[{"role":[{"text":"x"}],"member":{"reference":"CareTeam/t2"}}]}`, nil, "CareTeam.participant.member"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := careTeamFromFHIR(fromJSON(t, tc.body), careWrites)
			checkFromFHIR(t, got, err, nil, tc.err)
			if tc.err != "" {
				return
			}
			ms := got["members"].([]careTeamMemberRow)
			if len(ms) != len(tc.want) {
				t.Fatalf("members %+v", ms)
			}
			for i := range ms {
				if ms[i] != tc.want[i] {
					t.Errorf("member %d: %+v, want %+v", i, ms[i], tc.want[i])
				}
			}
		})
	}
}
