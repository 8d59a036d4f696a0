package main

import (
	"strings"
	"testing"
)

// The patient scenarios of openemr-standard-api.md §7.3 (9–14).
func TestAPIPatient(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		fixture := map[string]any{"title": "Mr", "fname": "Eduardo", "mname": "Kathy", "lname": "Perez",
			"street": "1 Main St", "postal_code": "90210", "city": "Beverly Hills", "state": "CA",
			"country_code": "US", "phone_contact": "123-456-7890", "DOB": "1957-01-09", "sex": "Male"}
		noFname := copyMap(fixture)
		delete(noFname, "fname")
		r := e.Do("POST", "/api/patient", e.Admin, noFname).Want(t, 400)
		if r.Len("validationErrors") != 1 || r.Get("validationErrors", "fname") == nil || r.Len("internalErrors") != 0 || r.Len("data") != 0 {
			t.Errorf("missing fname: %s", r.Body)
		}
		bad := copyMap(fixture)
		bad["fname"], bad["DOB"] = "", "12/27/2017"
		delete(bad, "sex")
		r = e.Do("POST", "/api/patient", e.Admin, bad).Want(t, 400)
		if r.Len("validationErrors") != 3 || r.Get("validationErrors", "sex") == nil || r.Get("validationErrors", "DOB") == nil {
			t.Errorf("three bad fields: %s", r.Body)
		}
		r = e.Do("POST", "/api/patient", e.Admin, fixture).Want(t, 201)
		pid, ok := r.Get("data", "pid").(float64)
		uuid := r.Str("data", "uuid")
		if !ok || pid <= 0 || len(uuid) != 36 {
			t.Fatalf("create: %s", r.Body)
		}
		r = e.Do("PUT", "/api/patient/not-a-uuid", e.Admin, map[string]any{"phone_home": "555"}).Want(t, 400)
		if r.Len("validationErrors") != 1 {
			t.Errorf("bad uuid: %s", r.Body)
		}
		r = e.Do("PUT", "/api/patient/"+uuid, e.Admin, map[string]any{"phone_home": "555-1234"}).Want(t, 200)
		if r.Str("data", "phone_home") != "555-1234" || r.Str("data", "fname") != "Eduardo" {
			t.Errorf("update: %s", r.Body)
		}
		e.Do("PUT", "/api/patient/"+uuid, e.Admin, map[string]any{"sex": "M"}).Want(t, 400)
		r = e.Do("GET", "/api/patient/not-a-uuid", e.Admin, nil).Want(t, 400)
		if r.Len("validationErrors") != 1 || r.Len("data") != 0 {
			t.Errorf("get bad uuid: %s", r.Body)
		}
		e.Do("GET", "/api/patient/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		r = e.Do("GET", "/api/patient/"+uuid, e.Admin, nil).Want(t, 200)
		if r.Str("data", "uuid") != uuid || r.Get("data", "pid") != r.Str("data", "pid") || r.Len("data", "previous_names") != 0 || r.Len("data", "addresses") != 1 {
			t.Errorf("get: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient?postal_code=90210", e.Admin, nil).Want(t, 200)
		if r.Len("data") < 1 || r.Get("links", "first") == nil {
			t.Errorf("search: %s", r.Body)
		}
		for i := 0; i < r.Len("data"); i++ {
			if !strings.Contains(r.Str("data", i, "postal_code"), "90210") {
				t.Errorf("search row %d: %v", i, r.Get("data", i))
			}
		}
		// Contains, case-insensitive, through the trigram index or not.
		for _, q := range []string{"lname=ERE", "lname=pe", "fname=eduardo&lname=Perez", "city=verly%20Hi", "street=1%20Main"} {
			r = e.Do("GET", "/api/patient?"+q, e.Admin, nil).Want(t, 200)
			found := false
			for i := 0; i < r.Len("data"); i++ {
				found = found || r.Str("data", i, "uuid") == uuid
			}
			if !found {
				t.Errorf("?%s does not find the patient: %.300s", q, r.Body)
			}
		}
		if r := e.Do("GET", "/api/patient?lname=Perezz", e.Admin, nil).Want(t, 200); r.Len("data") != 0 {
			t.Errorf("?lname=Perezz: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient?_limit=1&_sort=-pid", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Get("links", "next") == nil || r.Str("data", 0, "uuid") != uuid {
			t.Errorf("page: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient?_limit=500", e.Admin, nil).Want(t, 200)
		if r.Len("data") > 200 {
			t.Errorf("_limit=500 gave %d rows", r.Len("data"))
		}
	})
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
