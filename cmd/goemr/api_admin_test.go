package main

import (
	"fmt"
	"testing"
)

// Facility and practitioner scenarios of §7.3 (15, 16) and users (17): the
// same seven steps for both resources.
func TestAPIFacilityPractitioner(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cases := []struct {
			path, filter, updateField string
			fixture                   map[string]any
			missing                   string
		}{
			{"/api/facility", "facility_npi", "email", map[string]any{"name": "Your Clinic Name Here", "phone": "(619) 555-4859",
				"fax": "(619) 555-7822", "street": "789 Third Avenue", "city": "San Diego", "state": "CA", "postal_code": "92101",
				"email": "foo@bar.com", "service_location": "1", "billing_location": "1", "color": "#FFFFFF", "facility_npi": "0123456789"}, "name"},
			{"/api/practitioner", "npi", "email", map[string]any{"title": "Mrs.", "fname": "Eduardo", "mname": "Kathy", "lname": "Perez",
				"federaltaxid": "", "federaldrugid": "", "upin": "", "facility_id": "", "facility": "", "npi": "0123456789",
				"email": "info@pennfirm.com", "specialty": "", "billname": "", "url": "", "assistant": "", "organization": "",
				"valedictory": "", "street": "789 Third Avenue", "streetb": "123 Cannaut Street", "city": "San Diego",
				"state": "CA", "zip": "90210", "phone": "(619) 555-9827", "fax": "(619) 555-7822", "phonew1": "(619) 555-7821",
				"phonecell": "(619) 555-7822", "notes": "", "state_license_number": "123456"}, "fname"},
		}
		for _, c := range cases {
			t.Run(c.path, func(t *testing.T) {
				bad := copyMap(c.fixture)
				delete(bad, c.missing)
				r := e.Do("POST", c.path, e.Admin, bad).Want(t, 400)
				if r.Len("validationErrors") != 1 {
					t.Errorf("missing %s: %s", c.missing, r.Body)
				}
				r = e.Do("POST", c.path, e.Admin, c.fixture).Want(t, 201)
				id, ok := r.Get("data", "id").(float64)
				uuid := r.Str("data", "uuid")
				if !ok || id <= 0 || len(uuid) != 36 {
					t.Fatalf("create: %s", r.Body)
				}
				e.Do("PUT", c.path+"/not-a-uuid", e.Admin, map[string]any{c.updateField: "x@y.org"}).Want(t, 400)
				e.Do("PUT", c.path+"/00000000-0000-4000-8000-000000000000", e.Admin, map[string]any{c.updateField: "x@y.org"}).Want(t, 404)
				r = e.Do("PUT", c.path+"/"+uuid, e.Admin, map[string]any{c.updateField: "new@example.org"}).Want(t, 200)
				if r.Str("data", c.updateField) != "new@example.org" || r.Str("data", "uuid") != uuid {
					t.Errorf("update: %s", r.Body)
				}
				e.Do("PUT", c.path+"/"+uuid, e.Admin, map[string]any{c.updateField: "not an address"}).Want(t, 400)
				r = e.Do("PUT", c.path+"/"+uuid, e.Admin, map[string]any{}).Want(t, 400)
				if r.Get("validationErrors") != "Invalid Data" {
					t.Errorf("empty update: %s", r.Body)
				}
				e.Do("GET", c.path+"/not-a-uuid", e.Admin, nil).Want(t, 400)
				r = e.Do("GET", c.path+"/"+uuid, e.Admin, nil).Want(t, 200)
				if r.Str("data", "id") != fmt.Sprint(int64(id)) || r.Str("data", "uuid") != uuid {
					t.Errorf("get: %s", r.Body)
				}
				if _, leaked := r.Get("data").(map[string]any)["password"]; leaked {
					t.Error("password column sent")
				}
				r = e.Do("GET", c.path+"?"+c.filter+"=0123456789", e.Admin, nil).Want(t, 200)
				if r.Len("data") < 1 {
					t.Errorf("filter: %s", r.Body)
				}
				for i := 0; i < r.Len("data"); i++ {
					if r.Str("data", i, c.filter) != "0123456789" {
						t.Errorf("filter row %d: %v", i, r.Get("data", i))
					}
				}
			})
		}
		// A practitioner needs an existing facility id.
		p := copyMap(cases[1].fixture)
		p["facility_id"] = "424242"
		e.Do("POST", "/api/practitioner", e.Admin, p).Want(t, 400)

		r := e.Do("GET", "/api/user", e.Admin, nil).Want(t, 200)
		if r.Len("data") < 1 || r.Str("data", 0, "username") != "admin" {
			t.Fatalf("users: %s", r.Body)
		}
		uuid := r.Str("data", 0, "uuid")
		r = e.Do("GET", "/api/user/"+uuid, e.Admin, nil).Want(t, 200)
		if r.Str("data", "username") != "admin" {
			t.Errorf("user: %s", r.Body)
		}
		e.Do("GET", "/api/user/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		r = e.Do("GET", "/api/user?npi=1234567893", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 {
			t.Errorf("npi filter: %s", r.Body)
		}
	})
}
