package main

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// groupBody is a stored Group of name with members given as JSON
// members.
func groupBody(id, name, members string) string {
	head := `{"resourceType":"Group",`
	if id != "" {
		head += `"id":"` + id + `",`
	}
	return head + `"type":"person","actual":true,"name":"` + name + `","member":[` + members + `]}`
}

// memberJSON is a member entry of the demo patient n, joined at since
// when given.
func memberJSON(n int, since string) string {
	m := `{"entity":{"reference":"Patient/` + demoPatient(n) + `"}`
	if since != "" {
		m += `,"period":{"start":"` + since + `"}`
	}
	return m + "}"
}

// groupMembersOf are the member references of a Group and their joining
// times, by reference.
func groupMembersOf(r *Resp) map[string]string {
	out := map[string]string{}
	for i := range r.Len("member") {
		out[r.Str("member", i, "entity", "reference")] = r.Str("member", i, "period", "start")
	}
	return out
}

// TestFHIRGroupStored: the demo cohort is served as a stored Group;
// staff create and update stored groups (versioned, If-Match), members
// keep the time they joined, bad members are refused with nothing
// written, and provider groups cannot be written.
func TestFHIRGroupStored(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		cohort := demo.ID("patient_group", 1)
		r := e.Do("GET", "/fhir/Group/"+cohort, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		got := groupMembersOf(r)
		if r.Str("name") != demo.CohortName || len(got) != 4 || r.Get("quantity") != 4.0 || r.Str("meta", "versionId") != "1" ||
			r.Header.Get("ETag") != `W/"1"` || r.Get("managingEntity") != nil || got["Patient/"+demoPatient(3)] != "2026-11-01T00:00:00Z" {
			t.Errorf("demo cohort: %s", r.Body)
		}
		clinicalWant(t, e, e.Admin, "Group?name=demo%20coh", []string{cohort})
		clinicalWant(t, e, e.Admin, "Group?_id="+cohort, []string{cohort})

		body := groupBody("", "Diabetes registry", memberJSON(2, "")+","+memberJSON(5, "2025-06-01T10:00:00-04:00"))
		r = e.DoHeader("POST", "/fhir/Group", e.Admin, body, fhirJSONHeader...).Want(t, 201)
		emrtest.ValidateFHIR(t, r.Body)
		id := r.Str("id")
		if loc := r.Header.Get("Location"); !strings.HasSuffix(loc, "/fhir/Group/"+id+"/_history/1") || r.Header.Get("ETag") != `W/"1"` {
			t.Errorf("create: Location %q, ETag %q", loc, r.Header.Get("ETag"))
		}
		got = groupMembersOf(r)
		joined2 := got["Patient/"+demoPatient(2)]
		if len(got) != 2 || joined2 == "" || got["Patient/"+demoPatient(5)] != "2025-06-01T14:00:00Z" || r.Str("name") != "Diabetes registry" {
			t.Errorf("created group: %s", r.Body)
		}
		clinicalWant(t, e, e.Admin, "Group?name=diabetes", []string{id})

		// Replace the members: 2 stays (keeping its time), 5 leaves, 6 joins.
		put := func(token, body string, h ...string) *Resp {
			return e.DoHeader("PUT", "/fhir/Group/"+id, token, body, append(append([]string(nil), fhirJSONHeader...), h...)...)
		}
		updated := groupBody(id, "Diabetes registry 2026", memberJSON(2, "")+","+memberJSON(6, ""))
		r = put(e.Admin, updated, "If-Match", `W/"1"`).Want(t, 200)
		if r.Str("meta", "versionId") != "2" || r.Header.Get("ETag") != `W/"2"` || r.Str("name") != "Diabetes registry 2026" {
			t.Errorf("update: ETag %s, %s", r.Header.Get("ETag"), r.Body)
		}
		got = groupMembersOf(r)
		if len(got) != 2 || got["Patient/"+demoPatient(2)] != joined2 || got["Patient/"+demoPatient(6)] == "" {
			t.Errorf("updated members: %v", got)
		}
		members, found, err := resource.GroupMembers(context.Background(), e.Store, id)
		var pids []string
		for _, m := range members {
			pids = append(pids, m.UUID)
		}
		if err != nil || !found || !slices.Equal(pids, []string{demoPatient(2), demoPatient(6)}) {
			t.Errorf("GroupMembers: %v %v %v", pids, found, err)
		}
		if r := put(e.Admin, updated, "If-Match", `W/"1"`); r.Status != 412 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("stale If-Match: %d %s", r.Status, r.Body)
		}
		put(e.Admin, updated).Want(t, 200)

		refusedGroupWrites(t, e, id)

		// Provider groups are computed from the patients' records.
		groupProviders(t, e)
		provider := demo.ID("practitioner", 2)
		r = e.Do("GET", "/fhir/Group/"+provider, e.Admin, nil).Want(t, 200)
		was := r.Len("member")
		r = e.DoHeader("PUT", "/fhir/Group/"+provider, e.Admin, groupBody(provider, "Mine", memberJSON(1, "")), fhirJSONHeader...)
		if r.Status != 400 || r.Str("resourceType") != "OperationOutcome" || !strings.Contains(string(r.Body), "provider") {
			t.Errorf("a provider group written: %d %s", r.Status, r.Body)
		}
		if r := e.Do("GET", "/fhir/Group/"+provider, e.Admin, nil).Want(t, 200); r.Len("member") != was {
			t.Errorf("a refused write changed the provider group: %s", r.Body)
		}
		if r := e.Do("DELETE", "/fhir/Group/"+id, e.Admin, nil); r.Status != http.StatusMethodNotAllowed {
			t.Errorf("DELETE: %d %s", r.Status, r.Body)
		}
	})
}
