package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRGroup: one Group per primary care provider with the patients
// whose providerID is that user, searched by _id, patient,
// managing-entity and name, beside the stored groups (the demo cohort).
func TestFHIRGroup(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		groupProviders(t, e)
		groups, err := e.Store.List(ctx, resource.FHIRGroup, emr.Query{Limit: 100})
		if err != nil || len(groups) < 2 {
			t.Fatalf("groups: %d %v", len(groups), err)
		}
		var all []string
		for _, g := range groups {
			all = append(all, g.Str("uuid"))
		}
		clinicalWant(t, e, e.Admin, "Group?_count=200", all)
		seen := 0
		for _, g := range groups {
			if g.Str("kind") != resource.GroupProvider {
				continue
			}
			pats, err := e.Store.List(ctx, resource.Patient, emr.Query{Where: []emr.Cond{emr.Eq("providerID", g.Str("provider_key"))}})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, p := range pats {
				want = append(want, "Patient/"+p.Str("uuid"))
			}
			r := e.Do("GET", "/fhir/Group/"+g.Str("uuid"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			var got []string
			for i := range r.Len("member") {
				got = append(got, r.Str("member", i, "entity", "reference"))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || r.Str("type") != "person" || r.Get("actual") != true ||
				r.Str("managingEntity", "reference") != "Practitioner/"+g.Str("uuid") || !strings.Contains(r.Str("name"), g.Str("lname")) {
				t.Errorf("group %s: members %v, want %v\n%.500s", g.Str("uuid"), got, want, r.Body)
			}
			clinicalWant(t, e, e.Admin, "Group?_id="+g.Str("uuid"), []string{g.Str("uuid")})
			clinicalWant(t, e, e.Admin, "Group?name="+g.Str("lname"), groupsNamed(groups, g.Str("lname")))
			clinicalWant(t, e, e.Admin, "Group?managing-entity=Practitioner/"+g.Str("uuid"), []string{g.Str("uuid")})
			seen += len(want)
		}
		if seen < len(demo.Patients) {
			t.Errorf("the groups hold %d of the %d demo patients", seen, len(demo.Patients))
		}
		for _, n := range []int{1, 2} {
			p, err := e.Store.Get(ctx, resource.Patient, emr.Eq("uuid", demoPatient(n)))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, g := range groups {
				if g.Str("provider_key") == p.Str("providerID") {
					want = append(want, g.Str("uuid"))
				}
			}
			clinicalWant(t, e, e.Admin, "Group?patient="+demoPatient(n), want)
		}
		clinicalWant(t, e, e.Admin, "Group?name=Nobody", nil)
		clinicalWant(t, e, e.Admin, "Group?type=person&actual=true&_count=200", all)
		clinicalWant(t, e, e.Admin, "Group?type=device", nil)
		r := e.Do("GET", "/fhir/Group/00000000-0000-0000-0000-000000000000", e.Admin, nil)
		if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown id: %d %s", r.Status, r.Body)
		}
		// A patient's token without a Group scope reads none.
		phil := e.Token("patient", "openid patient/Patient.rs")
		if r := e.Do("GET", "/fhir/Group/"+all[0], phil, nil); r.Status < 400 {
			t.Errorf("a patient read a Group: %d %s", r.Status, r.Body)
		}
	})
}

// groupProviders gives the named demo patients, who are seeded without
// one, primary care providers: the first three demo practitioners in turn.
func groupProviders(t *testing.T, e *apiEnv) {
	t.Helper()
	err := e.Store.Write(context.Background(), func(w resource.Writer) error {
		for n := 1; n <= len(demo.Patients); n++ {
			doc, err := w.Get(context.Background(), resource.FHIRPractitioner, emr.Eq("uuid", demo.ID("practitioner", 1+n%3)))
			if err != nil {
				return err
			}
			if _, err := w.Update(context.Background(), resource.Patient, map[string]any{"providerID": doc.Str("id")}, emr.Eq("uuid", demoPatient(n))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// groupsNamed are the groups whose provider's last name is lname.
func groupsNamed(groups []emr.Record, lname string) []string {
	var out []string
	for _, g := range groups {
		if g.Str("lname") == lname {
			out = append(out, g.Str("uuid"))
		}
	}
	return out
}
