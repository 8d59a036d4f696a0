package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/demo"
)

const newCareTeam = `{"resourceType":"CareTeam","status":"active","name":"Heart team","subject":{"reference":"Patient/PATIENT"},
 "participant":[
  {"role":[{"coding":[{"system":"http://snomed.info/sct","code":"17561000","display":"Cardiologist"}]}],"member":{"reference":"Practitioner/PRACTITIONER"}},
  {"role":[{"coding":[{"system":"http://snomed.info/sct","code":"116154003","display":"Patient (person)"}]}],"member":{"reference":"Patient/PATIENT"}},
  {"role":[{"coding":[{"system":"http://snomed.info/sct","code":"224891009","display":"Healthcare services"}]}],"member":{"reference":"Organization/FACILITY"}}],
 "note":[{"text":"Reviews every quarter"}]}`

// Synthea v2.5 care teams (an active and an inactive one): the patient,
// a practitioner and the organization, with Synthea's role codes.
var syntheaCareTeams = []string{
	`{"resourceType":"CareTeam","id":"e0134665-1b30-4ba3-92a5-ca5b91cce68d","status":"active","subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"period":{"start":"2013-02-06T16:30:49-05:00"},"participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"116153009","display":"Patient"}],"text":"Patient"}],"member":{"reference":"Patient/PATIENT","display":"Mr. Abram Lemke"}},{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"223366009","display":"Healthcare professional (occupation)"}],"text":"Healthcare professional (occupation)"}],"member":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Virgil Bins"}},{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"224891009","display":"Healthcare services (qualifier value)"}],"text":"Healthcare services (qualifier value)"}],"member":{"reference":"Organization/FACILITY","display":"PCP265675"}}],"reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"15777000","display":"Prediabetes"}],"text":"Prediabetes"}],"managingOrganization":[{"reference":"Organization/FACILITY","display":"PCP265675"}]}`,
	`{"resourceType":"CareTeam","id":"e12ec839-fc23-4a54-888f-93b82c5e6c5c","status":"inactive","subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"period":{"start":"2017-11-25T16:30:49-05:00","end":"2018-01-31T16:30:49-05:00"},"participant":[{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"116153009","display":"Patient"}],"text":"Patient"}],"member":{"reference":"Patient/PATIENT","display":"Mr. Abram Lemke"}},{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"223366009","display":"Healthcare professional (occupation)"}],"text":"Healthcare professional (occupation)"}],"member":{"reference":"Practitioner/PRACTITIONER","display":"Dr. Otis Ortiz"}},{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"224891009","display":"Healthcare services (qualifier value)"}],"text":"Healthcare services (qualifier value)"}],"member":{"reference":"Organization/FACILITY","display":"HOLYOKE MEDICAL CENTER"}}],"reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"10509002","display":"Acute bronchitis (disorder)"}],"text":"Acute bronchitis (disorder)"}],"managingOrganization":[{"reference":"Organization/FACILITY","display":"HOLYOKE MEDICAL CENTER"}]}`,
}

// TestFHIRCareTeamWrite: CareTeam create and update land in care_teams
// and care_team_member (roles found or added among care_team_roles) with
// versions; the official examples and Synthea's teams are stored.
func TestFHIRCareTeamWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		doc, clinic := demo.ID("practitioner", 1), demo.ID("facility", 2)
		runWriteCase(t, e, writeCase{
			typ: "CareTeam", body: careRefs(newCareTeam),
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "active", "name": "Heart team", "subject.reference": "Patient/" + demoPatient(2), "note.0.text": "Reviews every quarter",
					"participant.0.role.0.coding.0.code": "17561000", "participant.0.member.reference": "Practitioner/" + doc,
					"participant.1.role.0.coding.0.code": "116154003", "participant.1.member.reference": "Patient/" + demoPatient(2),
					"participant.2.role.0.coding.0.code": "224891009", "participant.2.role.0.text": "Healthcare services",
					"participant.2.member.reference": "Organization/" + clinic,
				})
			},
			update: [2]string{`"status":"active"`, `"status":"inactive"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "inactive", "participant.0.member.reference": "Practitioner/" + doc})
				if r.Len("participant") != 3 {
					t.Errorf("members after the update: %s", r.Body)
				}
			},
			bad: map[string]string{
				"bad status": strings.Replace(newCareTeam, `"status":"active"`, `"status":"busy"`, 1),
				"no one":     `{"resourceType":"CareTeam","status":"active","subject":{"reference":"Patient/PATIENT"}}`,
				"no role":    strings.Replace(newCareTeam, `{"role":[{"coding":[{"system":"http://snomed.info/sct","code":"17561000","display":"Cardiologist"}]}],`, `{`, 1),
				"unknown":    strings.Replace(newCareTeam, "Practitioner/PRACTITIONER", "Practitioner/nobody", 1),
				"a team":     strings.Replace(newCareTeam, "Practitioner/PRACTITIONER", "CareTeam/x", 1),
			},
		})
		// A role search finds the team by the role added for it.
		if got := fhirIDs(e, "CareTeam?patient="+demoPatient(2)+"&role="+url.QueryEscape("http://snomed.info/sct|224891009")); len(got) != 1 {
			t.Errorf("role search: %v", got)
		}

		// The official examples, with their practitioners, patient and
		// related person pointed at a demo patient who has one.
		rp := e.Do("GET", "/fhir/RelatedPerson?_count=1", e.Admin, nil).Want(t, 200)
		who, patient := rp.Str("entry", 0, "resource", "id"), strings.TrimPrefix(rp.Str("entry", 0, "resource", "patient", "reference"), "Patient/")
		if who == "" {
			t.Fatal("the demo has no related person")
		}
		refs := strings.NewReplacer("Practitioner/practitioner-1", "Practitioner/"+doc,
			"Practitioner/practitioner-2", "Practitioner/"+demo.ID("practitioner", 2), "RelatedPerson/shaw-niece", "RelatedPerson/"+who)
		for file, want := range map[string]map[string]string{
			"CareTeam-example.json": {"participant.0.role.0.coding.0.code": "17561000", "participant.1.role.0.coding.0.code": "453231000124104",
				"participant.3.role.0.coding.0.code": "133932002", "participant.3.member.reference": "RelatedPerson/" + who},
			"CareTeam-missing-coded-data-example.json": {"participant.1.role.0.coding.0.code": "453231000124104",
				"participant.3.member.reference": "RelatedPerson/" + who},
		} {
			r := e.DoHeader("POST", "/fhir/CareTeam", e.Admin, refs.Replace(usCoreExample(t, file, patient)), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/CareTeam/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			want["status"], want["name"], want["subject.reference"] = "active", "US-Core example CareTeam", "Patient/"+patient
			want["participant.0.member.reference"] = "Practitioner/" + doc
			want["participant.2.role.0.coding.0.code"], want["participant.2.member.reference"] = "116154003", "Patient/"+patient
			checkPaths(t, r, want)
		}

		for i, s := range syntheaCareTeams {
			r := e.DoHeader("POST", "/fhir/CareTeam", e.Admin, patientRefs(t, e, s, demoPatient(4)), fhirJSONHeader...).Want(t, 201)
			if r.Len("participant") != 3 || r.Str("participant", 1, "role", 0, "coding", 0, "code") != "223366009" ||
				r.Str("participant", 2, "member", "reference") != "Organization/"+clinic {
				t.Errorf("Synthea care team %d: %s", i, r.Body)
			}
		}
	})
}
