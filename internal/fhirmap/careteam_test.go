package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestCareTeamToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	members := `[
		{"role":"primary_care_provider","title":"Primary Care Provider","codes":"SNOMED-CT:453231000124104","user":3,
		 "practitioner":"doc-uuid","practitioner_role":"doc-uuid-2","organization":"fac-uuid","name":"Helen Carver","since":"2020-01-02"},
		{"role":"cardiologist","title":"Cardiologist","codes":"SNOMED-CT:17561000","user":8,"practitioner":"cardio-uuid",
		 "organization":"fac3-uuid","since":"2021-05-06"},
		{"role":"nurse_practitioner","title":"Nurse Practitioner","codes":"NUCC:363L00000X","user":5,"practitioner":"np-uuid"},
		{"role":"specialist","title":"Specialist","codes":"","user":9,"name":"Front Desk"},
		{"role":"caregiver","title":"Caregiver","codes":"SNOMED-CT:133932002","contact":12},
		{"role":"caregiver","title":"Caregiver","codes":"SNOMED-CT:133932002","contact":13},
		{"role":"patient","title":"Patient","codes":"SNOMED-CT:116154003"},
		{"role":"clinic","title":"","codes":"","organization":"fac-uuid"}
	]`
	rec := emr.Record{"uuid": "ct1", "pid": "1", "status": "active", "team_name": "Primary care team", "note": "Weekly huddle",
		"members": members, "related": "12=rel-uuid", "last_updated": "2021-05-06 09:00:00"}
	checkFragments(t, "team", careTeamToFHIR(rec, c), []string{
		`"status":"active"`, `"name":"Primary care team"`, `"subject":{"reference":"Patient/pat-uuid"}`,
		`"note":[{"text":"Weekly huddle"}]`, `"lastUpdated":"2021-05-06T09:00:00Z"`, "us-core-careteam|6.1.0",
		`{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"453231000124104","display":"Primary care provider"}],"text":"Primary Care Provider"}],"member":{"reference":"PractitionerRole/doc-uuid-2"},"period":{"start":"2020-01-02"}}`,
		`"member":{"reference":"Practitioner/cardio-uuid"},"onBehalfOf":{"reference":"Organization/fac3-uuid"}`,
		`{"system":"http://nucc.org/provider-taxonomy","code":"363L00000X","display":"Nurse Practitioner"}`,
		`"code":"unknown","display":"Unknown"}],"text":"Specialist"}],"member":{"display":"Front Desk"}`,
		`"member":{"reference":"RelatedPerson/rel-uuid"}`,
		`"code":"116154003","display":"Patient (person)"}],"text":"Patient"}],"member":{"reference":"Patient/pat-uuid"}`,
		`"member":{"reference":"Organization/fac-uuid"}}`,
	}, []string{"contact", `"text":""`})
	if n := len(careTeamParticipants(members, "12=rel-uuid", reference("Patient", "p"))); n != 7 {
		t.Errorf("%d participants, want 7 (the contact without a relation left out)", n)
	}
	if got := careTeamParticipants("not json", "", nil); got != nil {
		t.Errorf("bad members: %v", got)
	}
}

func TestCareTeamRole(t *testing.T) {
	for _, tc := range []struct {
		system, code string
		has          bool
		want         []string
	}{
		{"", "453231000124104", false, []string{";SNOMED-CT:453231000124104;", ";SNOMED:453231000124104;", ";NUCC:453231000124104;"}},
		{systemSNOMED, "17561000", true, []string{";SNOMED-CT:17561000;", ";SNOMED:17561000;"}},
		{systemNUCC, "363L00000X", true, []string{";NUCC:363L00000X;"}},
		{systemLOINC, "1", true, nil},
		{"", "a;b", false, nil},
	} {
		got := careTeamRole(tc.system, tc.code, tc.has)
		if len(got) != len(tc.want) {
			t.Errorf("%s|%s: %v", tc.system, tc.code, got)
			continue
		}
		for i, g := range got {
			if g.Field != "roles" || g.Match != emr.Contains || g.Value != tc.want[i] {
				t.Errorf("%s|%s: %v", tc.system, tc.code, got)
			}
		}
	}
}
