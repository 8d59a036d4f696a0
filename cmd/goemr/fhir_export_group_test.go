package main

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"goemr/internal/demo"
)

// patientRef finds the Patient references in a resource.
var patientRef = regexp.MustCompile(`"reference":"Patient/([^"]+)"`)

// TestBulkExportGroup exports a group of patients: only the members'
// compartments, plus the practitioners and organizations they refer to
// (export.html#endpoint---group-of-patients).
func TestBulkExportGroup(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		groups := e.Do("GET", "/fhir/Group", e.Admin, nil).Want(t, 200)
		var groupID string
		members := map[string]bool{}
		for i := range groups.Len("entry") {
			g := groups.Get("entry", i, "resource").(map[string]any)
			if n, _ := g["quantity"].(float64); n >= 2 && n < float64(len(allPatientIDs(t, e))) {
				groupID = g["id"].(string)
				for _, m := range g["member"].([]any) {
					ref := m.(map[string]any)["entity"].(map[string]any)["reference"].(string)
					members[strings.TrimPrefix(ref, "Patient/")] = true
				}
				break
			}
		}
		if groupID == "" {
			t.Fatalf("no demo group with 2 or more patients, and fewer than all: %s", groups.Body)
		}
		manifest, lines := c.export(t, "/Group/"+groupID+"/$export")
		if !strings.Contains(manifest["request"].(string), "/Group/"+groupID+"/$export") {
			t.Errorf("request = %v", manifest["request"])
		}
		if len(lines["Patient"]) != len(members) {
			t.Errorf("%d patients exported, the group has %d", len(lines["Patient"]), len(members))
		}
		for typ, rs := range lines {
			for _, r := range rs {
				if typ == "Patient" && !members[r["id"].(string)] {
					t.Fatalf("Patient/%s exported, not a member", r["id"])
				}
				for _, m := range patientRef.FindAllStringSubmatch(mustJSON(r), -1) {
					if !members[m[1]] {
						t.Fatalf("%s/%s refers to Patient/%s, not a member", typ, r["id"], m[1])
					}
				}
			}
		}
		for _, typ := range []string{"Condition", "Encounter", "Observation", "Practitioner", "Organization", "Provenance"} {
			if len(lines[typ]) == 0 {
				t.Errorf("no %s in the group export (types: %v)", typ, keysOf(lines))
			}
		}
		for _, typ := range []string{"ValueSet", "Group", "Person"} {
			if len(lines[typ]) > 0 {
				t.Errorf("%s, outside every compartment and unreferenced, was exported", typ)
			}
		}
		// The patient parameter narrows the group to one member.
		var one string
		for id := range members {
			one = id
			break
		}
		_, lines = c.export(t, "/Group/"+groupID+"/$export?_type=Patient,Condition&patient=Patient/"+one)
		if len(lines["Patient"]) != 1 || lines["Patient"][0]["id"] != one {
			t.Errorf("patient=%s exported patients %v", one, lines["Patient"])
		}
		c.kickOff(t, "/Group/"+groupID+"/$export?_type=Patient&_since=2000-01-01T00:00:00Z").Want(t, http.StatusAccepted)
	})
}

// allPatientIDs are the ids of every patient.
func allPatientIDs(t *testing.T, e *apiEnv) []string {
	t.Helper()
	r := e.Do("GET", "/fhir/Patient?_count=1000&_elements=id", e.Admin, nil).Want(t, 200)
	var out []string
	for i := range r.Len("entry") {
		out = append(out, r.Str("entry", i, "resource", "id"))
	}
	return out
}

// TestBulkExportGroupSince: with _since, a group export holds what
// changed since then, plus everything of the patients who joined the
// group since then (Bulk Data 2.0, _since).
func TestBulkExportGroupSince(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		cohort := demo.ID("patient_group", 1)
		g := e.Do("GET", "/fhir/Group/"+cohort, e.Admin, nil).Want(t, 200)
		time.Sleep(1100 * time.Millisecond) // the tables keep seconds
		since := time.Now().UTC().Format(time.RFC3339)
		time.Sleep(1100 * time.Millisecond)
		newcomer := demoPatient(5)
		members := g.Get("member").([]any)
		members = append(members, map[string]any{"entity": map[string]any{"reference": "Patient/" + newcomer}})
		group := g.JSON.(map[string]any)
		group["member"] = members
		e.Do("PUT", "/fhir/Group/"+cohort, e.Admin, group).Want(t, 200)

		_, lines := c.export(t, "/Group/"+cohort+"/$export?_type=Patient,Condition&_since="+since)
		if len(lines["Patient"]) != 1 || lines["Patient"][0]["id"] != newcomer {
			t.Fatalf("patients exported since %s: %v (want only the newcomer %s)", since, lines["Patient"], newcomer)
		}
		want := e.Do("GET", "/fhir/Condition?patient="+newcomer+"&_summary=count", e.Admin, nil).Want(t, 200).Get("total").(float64)
		if want == 0 || float64(len(lines["Condition"])) != want {
			t.Errorf("newcomer's Conditions: %d exported, %v in all", len(lines["Condition"]), want)
		}
		for _, cond := range lines["Condition"] {
			if !strings.Contains(mustJSON(cond["subject"]), newcomer) {
				t.Errorf("an old member's unchanged Condition was exported: %v", cond["subject"])
			}
		}
		// Without _since, every member.
		_, lines = c.export(t, "/Group/"+cohort+"/$export?_type=Patient")
		if len(lines["Patient"]) != len(members) {
			t.Errorf("%d patients, %d members", len(lines["Patient"]), len(members))
		}
	})
}
