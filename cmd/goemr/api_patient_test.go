package main

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/resource"
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

// TestAPIPatientHistory: previous names and extra addresses appear on a
// patient read.
func TestAPIPatientHistory(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		contact := &resource.Def{Name: "contact", Table: "contact", ID: "id", Key: "id",
			Fields: []resource.Field{resource.Col("id"), resource.Col("foreign_table_name"), resource.Col("foreign_id")}}
		address := &resource.Def{Name: "addresses", Table: "addresses", ID: "id", Key: "id",
			Fields: []resource.Field{resource.Col("id"), resource.Col("line1"), resource.Col("city"), resource.Col("state"), resource.Col("zip")}}
		err := e.Store.Write(ctx, func(w resource.Writer) error {
			c, err := w.Insert(ctx, contact, map[string]any{"foreign_table_name": "patient_data", "foreign_id": 2})
			if err != nil {
				return err
			}
			a, err := w.Insert(ctx, address, map[string]any{"line1": "9 Lake Rd", "city": "Duluth", "state": "MN", "zip": "55802"})
			if err != nil {
				return err
			}
			if _, err := w.Insert(ctx, resource.PatientAddress, map[string]any{"contact_id": c["id"], "address_id": a["id"], "type": "postal", "use": "old", "priority": "1"}); err != nil {
				return err
			}
			_, err = w.Insert(ctx, resource.PatientHistory, map[string]any{"pid": 2, "previous_name_first": "Ann", "previous_name_last": "Smythe"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		r := e.Do("GET", "/api/patient/"+demoPatient(2), e.Admin, nil).Want(t, 200)
		if r.Len("data", "addresses") != 2 || r.Str("data", "addresses", 1, "city") != "Duluth" || r.Str("data", "addresses", 1, "postal_code") != "55802" {
			t.Errorf("addresses: %v", r.Get("data", "addresses"))
		}
		if r.Len("data", "previous_names") != 1 || r.Str("data", "previous_names", 0, "formatted_name") != "Ann Smythe" {
			t.Errorf("previous names: %v", r.Get("data", "previous_names"))
		}
		if _, leaked := r.Get("data").(map[string]any)["address_count"]; leaked {
			t.Error("internal count sent")
		}
		r = e.Do("GET", "/api/patient/"+demoPatient(3), e.Admin, nil).Want(t, 200)
		if r.Len("data", "addresses") != 1 || r.Len("data", "previous_names") != 0 {
			t.Errorf("patient 3: %v %v", r.Get("data", "addresses"), r.Get("data", "previous_names"))
		}
	})
}
