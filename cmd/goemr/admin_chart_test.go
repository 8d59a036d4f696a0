package main

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// The patient finder (issue 6 §4): name prefixes, date of birth, pid and
// UUID, with errors next to the field.
func TestAdminPatientFinder(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		b := chartSignIn(t, e, demo.AdminUser, demo.AdminPassword)
		phil, err := e.Store.PatientByUUID(context.Background(), demo.ID("patient", 1))
		if err != nil {
			t.Fatal(err)
		}
		link := `href="/admin/default/patients/` + phil.UUID + `"`
		other := `href="/admin/default/patients/` + demo.ID("patient", 2) + `"`
		b.get("/admin/default/patients").want(t, 200).has(t, "Recently registered patients", link, other, `<label for="dob">`)
		for _, q := range []string{"name=bel", "name=PHIL", "name=phil+belf", "dob=1972-02-09",
			fmt.Sprintf("id=%d", phil.PID), "id=" + phil.UUID, "id=" + strings.ToUpper(phil.UUID), "name=Phil&dob=1972-02-09"} {
			p := b.get("/admin/default/patients?"+q).want(t, 200)
			p.has(t, link, "Belford, Phil", "1972-02-09")
			if strings.Contains(p.Body, other) {
				t.Errorf("%s: lists Susan Underwood", q)
			}
		}
		b.get("/admin/default/patients?name=Zzyzx").want(t, 200).has(t, "No patient matches this search.")
		b.get("/admin/default/patients?name=Phil&dob=1980-01-01").want(t, 200).has(t, "No patient matches this search.")
		// Wildcards are text: "%" finds no one rather than everyone.
		b.get("/admin/default/patients?name=%25").want(t, 200).has(t, "No patient matches this search.")

		p := b.get("/admin/default/patients?name=Phil&dob=1972-13-40").want(t, 400)
		p.has(t, `id="dob" name="dob" value="1972-13-40" aria-invalid="true" aria-describedby="dob-error"`,
			`<p class="field-error" id="dob-error">`, `value="Phil"`)
		if strings.Contains(p.Body, link) {
			t.Error("an invalid search lists patients")
		}
		b.get("/admin/default/patients?id=abc").want(t, 400).has(t, `<p class="field-error" id="id-error">`)
	})
}

// The summary shows every section of a demo patient's chart from the same
// records the Standard API serves, and "None recorded" for a new patient.
func TestAdminPatientChart(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		b := chartSignIn(t, e, demo.AdminUser, demo.AdminPassword)
		p, sections := chartFullPatient(t, e)
		page := b.get("/admin/default/patients/"+p.Str("uuid")).want(t, 200)
		page.has(t, "<h1>"+html.EscapeString(p.Str("fname")), p.Str("DOB"), p.Str("email"), p.Str("street"))
		for name, recs := range sections {
			for _, rec := range recs {
				want := rec.Str("title")
				if name == "vital" || name == "encounter" {
					want = rec.Str("date")[:10]
				}
				if name == "encounter" && rec.Str("reason") != "" {
					want = rec.Str("reason")
				}
				if !strings.Contains(page.Body, html.EscapeString(want)) {
					t.Errorf("%s %q not on the chart", name, want)
				}
			}
		}
		if n := strings.Count(page.Body, "None recorded"); n != 0 {
			t.Errorf("%d empty sections on a full chart", n)
		}

		empty := &emr.Patient{Fname: "Nobody", Lname: "Newcomer", DOB: "2000-01-01", Sex: "Female"}
		if err := e.Store.CreatePatient(ctx, empty); err != nil {
			t.Fatal(err)
		}
		page = b.get("/admin/default/patients/"+empty.UUID).want(t, 200)
		page.has(t, "Nobody Newcomer")
		if n := strings.Count(page.Body, "None recorded."); n != 5 {
			t.Errorf("new patient: %d sections say None recorded, want 5", n)
		}
		b.get("/admin/default/patients/00000000-0000-4000-8000-000000000000").want(t, 404).has(t, "There is no patient with this id.")
		b.get("/admin/default/patients/not-a-uuid").want(t, 404)
	})
}

// chartFullPatient finds a demo patient with records in every section and
// returns them, read through the resource definitions.
func chartFullPatient(t *testing.T, e *apiEnv) (emr.Record, map[string][]emr.Record) {
	t.Helper()
	ctx := context.Background()
	newest := []emr.SortKey{{Field: "date", Desc: true}, {Field: "id", Desc: true}}
	for i := range demo.Patients {
		p, err := e.Store.Get(ctx, resource.Patient, emr.Eq("uuid", demo.ID("patient", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		pid := emr.Eq("pid", p["pid"])
		out := map[string][]emr.Record{}
		for _, s := range []struct {
			def   *resource.Def
			query emr.Query
		}{
			{resource.MedicalProblem, emr.Query{Where: []emr.Cond{pid}}}, {resource.Medication, emr.Query{Where: []emr.Cond{pid}}},
			{resource.Allergy, emr.Query{Where: []emr.Cond{pid}}}, {resource.Vital, emr.Query{Where: []emr.Cond{pid}, Sort: newest, Limit: 5}},
			{resource.Encounter, emr.Query{Where: []emr.Cond{pid}, Sort: newest, Limit: 10}},
		} {
			recs, err := e.Store.List(ctx, s.def, s.query)
			if err != nil {
				t.Fatal(err)
			}
			out[s.def.Name] = recs
		}
		if len(out["medical_problem"]) > 0 && len(out["medication"]) > 0 && len(out["allergy"]) > 0 &&
			len(out["vital"]) > 0 && len(out["encounter"]) > 0 {
			return p, out
		}
	}
	t.Fatal("no demo patient has problems, medications, allergies, vitals and encounters")
	return nil, nil
}

// Pages of the chart need patients/demo; signed-out browsers are sent to
// the sign-in page.
func TestAdminChartAccess(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		addStaff(t, e, "billing", "acct/rep")
		b := chartSignIn(t, e, "billing", "secret")
		chart := "/admin/default/patients/" + demo.ID("patient", 1)
		b.get("/admin/default/patients").want(t, 403)
		b.get(chart).want(t, 403)
		b.post(chart+"/launch", url.Values{"client_id": {"x"}}).want(t, 403)

		addStaff(t, e, "frontdesk", "front")
		chartSignIn(t, e, "frontdesk", "secret").get(chart).want(t, 200)

		anon := &chartBrowser{staffBrowser: newStaffBrowser(t, e.URL), t: t}
		p := anon.get(chart).want(t, 303)
		if !strings.HasPrefix(p.Location, "/admin/default/signin?next=") {
			t.Errorf("signed out: sent to %q", p.Location)
		}
	})
}
