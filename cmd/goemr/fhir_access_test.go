package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRPaging follows next links to the end: every patient once, in
// pages of the asked size, and a patient created between two pages does
// not shift or repeat the rest.
func TestFHIRPaging(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		all, _ := fhirSearch(t, e, e.Admin, "Patient?_count=1000")
		if len(all) < 10 {
			t.Fatalf("only %d patients", len(all))
		}
		if _, r := fhirSearch(t, e, e.Admin, "Patient?_summary=count"); r.Get("total") != float64(len(all)) {
			t.Errorf("_summary=count total %v, want %d", r.Get("total"), len(all))
		}
		for _, sort := range []string{"", "&_sort=family,-birthdate"} {
			ids, r := fhirSearch(t, e, e.Admin, "Patient?_count=4"+sort)
			var got []string
			inserted := false
			for pages := 0; ; pages++ {
				if len(ids) > 4 {
					t.Fatalf("page of %d entries", len(ids))
				}
				got = append(got, ids...)
				next := linkOf(r, "next")
				if next == "" {
					break
				}
				if !inserted {
					e.Do("POST", "/api/patient", e.Admin, map[string]any{"fname": "Aaron", "lname": "Aardvark", "DOB": "1990-01-01", "sex": "Male"}).Want(t, 201)
					inserted = true
				}
				if pages > 100 {
					t.Fatal("next links never end")
				}
				ids, r = fhirSearch(t, e, e.Admin, strings.TrimPrefix(next, e.URL+"/apis/default/fhir/"))
			}
			// previous links lead back to the first page, page by page.
			var back []string
			for pages := 0; ; pages++ {
				back = append(ids, back...)
				prev := linkOf(r, "previous")
				if prev == "" {
					break
				}
				if pages > 100 {
					t.Fatal("previous links never end")
				}
				ids, r = fhirSearch(t, e, e.Admin, strings.TrimPrefix(prev, e.URL+"/apis/default/fhir/"))
				if len(ids) == 0 || len(ids) > 4 {
					t.Errorf("sort %q: a previous page of %d entries", sort, len(ids))
				}
			}
			// The walk back sees the patient inserted meanwhile.
			now, _ := fhirSearch(t, e, e.Admin, "Patient?_count=1000"+sort)
			if strings.Join(back, ",") != strings.Join(now, ",") {
				t.Errorf("sort %q: previous links gave\n%v\nthe unpaged search gives\n%v", sort, back, now)
			}
			seen := map[string]bool{}
			for _, id := range got {
				if seen[id] {
					t.Errorf("sort %q: %s on two pages", sort, id)
				}
				seen[id] = true
			}
			for _, id := range all {
				if !seen[id] {
					t.Errorf("sort %q: %s never listed", sort, id)
				}
			}
			all, _ = fhirSearch(t, e, e.Admin, "Patient?_count=1000")
		}
	})
}

func linkOf(r *Resp, relation string) string {
	for i := 0; i < r.Len("link"); i++ {
		if r.Str("link", i, "relation") == relation {
			return r.Str("link", i, "url")
		}
	}
	return ""
}

// TestFHIRPatientCompartment: a patient token sees its own Patient and no
// other, by read or by any search.
func TestFHIRPatientCompartment(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		phil := e.Token("patient", "openid patient/Patient.rs")
		me := demoPatient(1)
		other := demoPatient(2)
		e.Do("GET", "/fhir/Patient/"+me, phil, nil).Want(t, 200)
		if r := e.Do("GET", "/fhir/Patient/"+other, phil, nil); r.Status != 404 {
			t.Errorf("another patient's read: %d %s", r.Status, r.Body)
		}
		for _, q := range []string{"Patient", "Patient?_id=" + other, "Patient?_id=" + me + "," + other, "Patient?gender=male,female,other,unknown", "Patient?_count=1000"} {
			ids, _ := fhirSearch(t, e, phil, q)
			if len(ids) > 1 || len(ids) == 1 && ids[0] != me {
				t.Errorf("%s: patient token saw %v", q, ids)
			}
		}
		if r := e.Do("GET", "/fhir/Patient", e.Token("patient", "openid patient/encounter.rs"), nil); r.Status != 403 {
			t.Errorf("patient token without Patient scope: %d", r.Status)
		}
	})
}

// TestFHIRFormatsAndSearchPost: POST _search equals GET, media types.
func TestFHIRFormatsAndSearchPost(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		get, _ := fhirSearch(t, e, e.Admin, "Patient?gender=female&_count=5")
		r := e.DoHeader("POST", "/fhir/Patient/_search", e.Admin, "gender=female&_count=5", "Content-Type", "application/x-www-form-urlencoded").Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Len("entry") != len(get) {
			t.Errorf("POST _search: %d entries, GET %d", r.Len("entry"), len(get))
		}
		if r := e.DoHeader("POST", "/fhir/Patient/_search", e.Admin, `{"gender":"female"}`); r.Status != 415 {
			t.Errorf("JSON _search body: %d %s", r.Status, r.Body)
		}
		for accept, want := range map[string]int{"application/json": 200, "application/fhir+json": 200, "*/*": 200, "application/fhir+xml": 406, "application/xml, application/json;q=0": 406} {
			r := e.DoHeader("GET", "/fhir/Patient/"+demoPatient(1), e.Admin, nil, "Accept", accept)
			if r.Status != want {
				t.Errorf("Accept %s: %d", accept, r.Status)
			}
		}
		if r := e.DoHeader("GET", "/fhir/Patient/"+demoPatient(1), e.Admin, nil, "Accept", "application/json"); !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			t.Errorf("Accept application/json answered %s", r.Header.Get("Content-Type"))
		}
	})
}

// TestFHIRSeesStandardAPIWrites: one data model, two APIs.
func TestFHIRSeesStandardAPIWrites(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("POST", "/api/patient", e.Admin, map[string]any{"fname": "Wilma", "lname": "Quartz", "DOB": "1961-07-04", "sex": "Female"}).Want(t, 201)
		uuid := r.Str("data", "uuid")
		p := e.Do("GET", "/fhir/Patient/"+uuid, e.Admin, nil).Want(t, 200)
		if p.Str("name", 0, "family") != "Quartz" || p.Str("birthDate") != "1961-07-04" || p.Str("gender") != "female" {
			t.Errorf("FHIR read of a Standard API patient: %s", p.Body)
		}
		e.Do("PUT", "/api/patient/"+uuid, e.Admin, map[string]any{"fname": "Wilma", "lname": "Quarz", "DOB": "1961-07-04", "sex": "Female"}).Want(t, 200)
		if got := e.Do("GET", "/fhir/Patient/"+uuid, e.Admin, nil).Str("name", 0, "family"); got != "Quarz" {
			t.Errorf("after a Standard API update FHIR says %q", got)
		}
	})
}

// TestFHIRMetadata: the CapabilityStatement needs no token and declares
// what the routes serve.
func TestFHIRMetadata(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/fhir/metadata", "", nil).Want(t, 200)
		if r.Str("resourceType") != "CapabilityStatement" || r.Str("fhirVersion") != "4.0.1" || r.Str("kind") != "instance" {
			t.Fatalf("metadata: %.300s", r.Body)
		}
		body := string(r.Body)
		for _, want := range []string{"us-core-server", "SMART-on-FHIR", "oauth-uris", `"type":"Patient"`, `"name":"birthdate"`, "us-core-patient|6.1.0", "/oauth2/default/token"} {
			if !strings.Contains(body, want) {
				t.Errorf("metadata lacks %s", want)
			}
		}
	})
}
