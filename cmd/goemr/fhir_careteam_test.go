package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRCareTeam: the patients' care teams as US Core CareTeam, with
// the searches of the US Core 6.1.0 matrix and _include of participants.
func TestFHIRCareTeam(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		ctx := context.Background()
		teams, err := e.Store.List(ctx, resource.FHIRCareTeam, emr.Query{})
		if err != nil {
			t.Fatal(err)
		}
		docs, err := e.Store.List(ctx, resource.FHIRPractitioner, emr.Query{})
		if err != nil {
			t.Fatal(err)
		}
		docUUID := map[string]string{}
		for _, d := range docs {
			docUUID[d.Str("id")] = d.Str("uuid")
		}
		users := func(r emr.Record) []string {
			var out []string
			for _, f := range []string{"user_1", "user_2", "user_3", "user_4"} {
				if id := r.Str(f); id != "" {
					out = append(out, docUUID[id])
				}
			}
			return out
		}
		for n := 1; n <= len(demo.Patients); n++ {
			recs := careRecs(t, e, resource.FHIRCareTeam, n)
			clinicalWant(t, e, e.Admin, "CareTeam?patient="+demoPatient(n), careIDs(recs, careAll))
			clinicalWant(t, e, e.Admin, "CareTeam?patient="+demoPatient(n)+"&status=active",
				careIDs(recs, func(r emr.Record) bool { return r.Str("status") == "active" }))
			clinicalWant(t, e, e.Admin, "CareTeam?patient="+demoPatient(n)+"&status="+q("http://hl7.org/fhir/care-team-status|inactive"), nil)
		}
		roles := map[string]bool{}
		for _, team := range teams {
			for _, part := range strings.Split(strings.Trim(team.Str("roles"), ";"), ";") {
				roles[part] = true
			}
		}
		for _, want := range []string{"SNOMED-CT:453231000124104", "SNOMED-CT:17561000", "SNOMED-CT:116154003", "NUCC:363L00000X"} {
			if !roles[want] {
				t.Errorf("no demo care team has a member in role %s: %v", want, roles)
			}
		}
		for role := range roles {
			typ, code, _ := strings.Cut(role, ":")
			system := map[string]string{"SNOMED-CT": "http://snomed.info/sct", "NUCC": "http://nucc.org/provider-taxonomy"}[typ]
			with := func(r emr.Record) bool { return strings.Contains(r.Str("roles"), ";"+role+";") }
			clinicalWant(t, e, e.Admin, "CareTeam?role="+q(system+"|"+code)+"&_count=200", careIDs(teams, with))
			clinicalWant(t, e, e.Admin, "CareTeam?role="+code+"&_count=200", careIDs(teams, with))
			for _, n := range []int{1, 2, 8} {
				mine := careIDs(careRecs(t, e, resource.FHIRCareTeam, n), with)
				clinicalWant(t, e, e.Admin, "CareTeam?patient="+demoPatient(n)+"&role="+q(system+"|"+code), mine)
			}
		}
		clinicalWant(t, e, e.Admin, "CareTeam?role="+q("http://loinc.org|17561000"), nil)
		for _, d := range docs {
			with := careIDs(teams, func(r emr.Record) bool { return slices.Contains(users(r), d.Str("uuid")) })
			clinicalWant(t, e, e.Admin, "CareTeam?participant=Practitioner/"+d.Str("uuid")+"&_count=200", with)
		}
		for _, team := range teams {
			careTeamRead(t, e, team, users(team))
		}
		careTeamEdges(t, e)
		careCompartment(t, e, "CareTeam")
	})
}

// careTeamRead reads team and checks it: a valid US Core CareTeam whose
// participants each have a role and a member that resolves, and whose
// _include=CareTeam:participant brings exactly its practitioners.
func careTeamRead(t *testing.T, e *apiEnv, team emr.Record, practitioners []string) {
	t.Helper()
	id := team.Str("uuid")
	r := e.Do("GET", "/fhir/CareTeam/"+id, e.Admin, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	if r.Str("status") != team.Str("status") || !strings.HasPrefix(r.Str("subject", "reference"), "Patient/") || r.Len("participant") < 1 {
		t.Errorf("read %s: %s", id, r.Body)
	}
	for i := 0; i < r.Len("participant"); i++ {
		ref := r.Str("participant", i, "member", "reference")
		if r.Len("participant", i, "role") != 1 || r.Str("participant", i, "role", 0, "coding", 0, "code") == "" || ref == "" {
			t.Errorf("participant %d of %s: %s", i, id, r.Body)
			continue
		}
		e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
	}
	for _, inc := range []string{"CareTeam:participant", "CareTeam:participant:Practitioner"} {
		_, b := fhirSearch(t, e, e.Admin, "CareTeam?_id="+id+"&_include="+inc)
		var got []string
		for i := 0; i < b.Len("entry"); i++ {
			if b.Str("entry", i, "search", "mode") == "include" && b.Str("entry", i, "resource", "resourceType") == "Practitioner" {
				got = append(got, b.Str("entry", i, "resource", "id"))
			}
		}
		slices.Sort(got)
		if want := slices.Sorted(slices.Values(practitioners)); !slices.Equal(got, want) {
			t.Errorf("_include=%s of %s: %v, want %v", inc, id, got, want)
		}
	}
}

// Rows the care team edges need that no Def of the API writes.
var (
	careUser    = &resource.Def{Name: "users", Table: "users", ID: "id", Fields: []resource.Field{resource.Col("id", resource.As(resource.Int)), resource.Col("uuid", resource.Set(resource.AutoUUID))}}
	careContact = &resource.Def{Name: "contact", Table: "contact", ID: "id", Fields: []resource.Field{resource.Col("id", resource.As(resource.Int))}}
)

// careTeamEdges, on patient 2: an inactive team whose members are a user
// without an NPI, a facility, a related person, a contact related to no
// one, the patient and a member who left; a proposed team with a
// practitioner acting for another facility; a team nobody is left on.
func careTeamEdges(t *testing.T, e *apiEnv) {
	t.Helper()
	ctx := context.Background()
	facs, err := e.Store.List(ctx, resource.Facility, emr.Query{})
	if err != nil || len(facs) < 2 {
		t.Fatalf("facilities: %v %v", facs, err)
	}
	// A practitioner who works at another facility than facs[1].
	roles, err := e.Store.List(ctx, resource.FHIRPractitionerRole, emr.Query{Where: []emr.Cond{{Field: "facility_id", Match: emr.NotEq, Value: facs[1].Str("id")}}})
	if err != nil || len(roles) == 0 {
		t.Fatalf("practitioner roles: %v %v", roles, err)
	}
	doc := emr.Record{"id": roles[0].Str("user_id"), "uuid": roles[0].Str("user_uuid")}
	clerk := storeInsert(t, e, careUser, map[string]any{"username": "care-clerk", "fname": "Front", "lname": "Desk"})
	person := storeInsert(t, e, resource.Person, map[string]any{"first_name": "Ana", "last_name": "Lopez"})
	contact := storeInsert(t, e, careContact, map[string]any{"foreign_table_name": "person", "foreign_id": person["id"]})
	stranger := storeInsert(t, e, careContact, map[string]any{"foreign_table_name": "person", "foreign_id": person["id"]})
	relation := storeInsert(t, e, resource.ContactRelation, map[string]any{
		"contact_id": contact["id"], "target_table": "patient_data", "target_id": 2, "relationship": "DAU"})
	team := func(status string, members ...map[string]any) string {
		rec := storeInsert(t, e, resource.CareTeam, map[string]any{"pid": 2, "status": status, "team_name": "Team " + status,
			"note": "Seen at home", "date_created": "2024-01-01 09:00:00", "date_updated": "2024-02-01 09:00:00"})
		for _, m := range members {
			m["care_team_id"] = rec["id"]
			storeInsert(t, e, resource.CareTeamMember, m)
		}
		return recStr(rec, "uuid")
	}
	former := team("inactive",
		map[string]any{"user_id": clerk["id"], "role": "specialist"},
		map[string]any{"facility_id": facs[0].Str("id"), "role": "specialist"},
		map[string]any{"contact_id": contact["id"], "role": "caregiver", "provider_since": "2023-05-01"},
		map[string]any{"contact_id": stranger["id"], "role": "caregiver"},
		map[string]any{"role": "patient"},
		map[string]any{"user_id": doc.Str("id"), "role": "primary_care_provider", "status": "inactive"})
	proposed := team("proposed", map[string]any{"user_id": doc.Str("id"), "role": "cardiologist", "facility_id": facs[1].Str("id")})
	empty := team("bogus", map[string]any{"user_id": doc.Str("id"), "role": "cardiologist", "status": "entered-in-error"})
	pat := "CareTeam?patient=" + demoPatient(2)
	clinicalWant(t, e, e.Admin, pat+"&status=inactive", []string{former})
	clinicalWant(t, e, e.Admin, pat+"&status=proposed", []string{proposed})
	clinicalWant(t, e, e.Admin, pat+"&role=133932002", []string{former})
	clinicalWant(t, e, e.Admin, "CareTeam?participant="+doc.Str("uuid")+"&_id="+former+","+proposed, []string{proposed})
	if r := e.Do("GET", "/fhir/CareTeam/"+empty, e.Admin, nil); r.Status != 404 {
		t.Errorf("a team nobody is on: %d %s", r.Status, r.Body)
	}
	r := e.Do("GET", "/fhir/CareTeam/"+former, e.Admin, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	body := string(r.Body)
	for _, want := range []string{`"member":{"display":"Front Desk"}`, `"member":{"reference":"Organization/` + facs[0].Str("uuid") + `"}`,
		`"member":{"reference":"RelatedPerson/` + recStr(relation, "uuid") + `"},"period":{"start":"2023-05-01"}`,
		`"member":{"reference":"Patient/` + demoPatient(2) + `"}`, `"note":[{"text":"Seen at home"}]`, `"name":"Team inactive"`} {
		if !strings.Contains(body, want) {
			t.Errorf("former team: no %s in %s", want, body)
		}
	}
	if r.Len("participant") != 4 || strings.Contains(body, doc.Str("uuid")) {
		t.Errorf("former team: want 4 participants, none who left: %s", body)
	}
	e.Do("GET", "/fhir/RelatedPerson/"+recStr(relation, "uuid"), e.Admin, nil).Want(t, 200)
	r = e.Do("GET", "/fhir/CareTeam/"+proposed, e.Admin, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	if r.Str("participant", 0, "member", "reference") != "Practitioner/"+doc.Str("uuid") ||
		r.Str("participant", 0, "onBehalfOf", "reference") != "Organization/"+facs[1].Str("uuid") {
		t.Errorf("proposed team: %s", r.Body)
	}
}
