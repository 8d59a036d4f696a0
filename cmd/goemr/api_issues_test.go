package main

import (
	"fmt"
	"testing"
)

// Allergy and medical problem scenarios of §7.3 (22, 23).
func TestAPIAllergyProblem(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		p1, p2 := demoPatient(1), demoPatient(2)
		cases := []struct {
			name    string
			body    map[string]any
			missing string // a required field for this resource
		}{
			{"allergy", map[string]any{"title": "Penicillin", "begdate": "2020-01-15", "reaction": "hives"}, "title"},
			{"medical_problem", map[string]any{"title": "Essential Hypertension", "diagnosis": "ICD10:I10", "begdate": "2021-03-20"}, "begdate"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				base := "/api/patient/" + p1 + "/" + c.name
				r := e.Do("POST", base, e.Admin, c.body).Want(t, 201)
				id := r.Str("data", "uuid")
				if len(id) != 36 {
					t.Fatalf("create: %s", r.Body)
				}
				bad := copyMap(c.body)
				delete(bad, c.missing)
				r = e.Do("POST", base, e.Admin, bad).Want(t, 400)
				if r.Get("validationErrors", c.missing) == nil {
					t.Errorf("missing %s: %s", c.missing, r.Body)
				}
				e.Do("POST", base, e.Admin, map[string]any{"title": "X1", "begdate": "2021-02-30"}).Want(t, 400)
				e.Do("POST", base, e.Admin, `{"title": ["not", "a", "string"], "begdate": "2020-01-01"}`).Want(t, 400)
				e.Do("POST", base, e.Admin, `{"title": "truncated`).Want(t, 400)
				r = e.Do("GET", base, e.Admin, nil).Want(t, 200)
				if r.Len("data") != 1 || r.Str("data", 0, "uuid") != id || r.Str("data", 0, "puuid") != p1 {
					t.Errorf("list: %s", r.Body)
				}
				r = e.Do("GET", base+"/"+id, e.Admin, nil).Want(t, 200)
				if r.Len("data") != 1 || r.Str("data", 0, "title") != c.body["title"] {
					t.Errorf("get one (a list, as OpenEMR): %s", r.Body)
				}
				if c.name == "medical_problem" && r.Str("data", 0, "diagnosis", "I10", "code_type") != "ICD10" {
					t.Errorf("diagnosis not expanded: %s", r.Body)
				}
				if c.name == "allergy" && r.Str("data", 0, "reaction") != "" {
					t.Errorf("reaction is not writable in OpenEMR's API: %s", r.Body)
				}
				r = e.Do("GET", "/api/patient/"+p2+"/"+c.name, e.Admin, nil).Want(t, 200)
				if r.Len("data") != 0 {
					t.Errorf("other patient sees it: %s", r.Body)
				}
				e.Do("GET", "/api/patient/"+p2+"/"+c.name+"/"+id, e.Admin, nil).Want(t, 404)
				r = e.Do("GET", "/api/"+c.name+"/"+id, e.Admin, nil).Want(t, 200)
				if r.Str("data", "uuid") != id {
					t.Errorf("global get: %s", r.Body)
				}
				r = e.Do("GET", "/api/"+c.name, e.Admin, nil).Want(t, 200)
				if r.Len("data") < 1 {
					t.Errorf("global list: %s", r.Body)
				}
				r = e.Do("PUT", base+"/"+id, e.Admin, map[string]any{"title": "Renamed"}).Want(t, 200)
				if r.Str("data", "title") != "Renamed" {
					t.Errorf("update: %s", r.Body)
				}
				e.Do("PUT", "/api/patient/"+p2+"/"+c.name+"/"+id, e.Admin, map[string]any{"title": "Stolen"}).Want(t, 404)
				e.Do("DELETE", "/api/patient/"+p2+"/"+c.name+"/"+id, e.Admin, nil).Want(t, 404)
				r = e.Do("DELETE", base+"/"+id, e.Admin, nil).Want(t, 200)
				if r.Str("data", "uuid") != id {
					t.Errorf("delete: %s", r.Body)
				}
				e.Do("GET", base+"/"+id, e.Admin, nil).Want(t, 404)
				e.Do("DELETE", base+"/"+id, e.Admin, nil).Want(t, 404)
			})
		}
	})
}

// Medication, surgery and dental scenarios of §7.3 (24): raw bodies,
// numeric ids and dates with a time.
func TestAPIRawIssues(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		for _, name := range []string{"medication", "surgery", "dental_issue"} {
			t.Run(name, func(t *testing.T) {
				base := "/api/patient/1/" + name
				r := e.Do("GET", base, e.Admin, nil).Want(t, 200)
				if r.Len() != 0 {
					t.Errorf("empty list: %s", r.Body)
				}
				r = e.Do("POST", base, e.Admin, map[string]any{"title": "Norvasc", "begdate": "2013-04-13 00:00:00"}).Want(t, 201)
				id, ok := r.Get("id").(float64)
				if !ok {
					t.Fatalf("create: %s", r.Body)
				}
				r = e.Do("POST", base, e.Admin, map[string]any{"title": "Norvasc", "begdate": "2013-04-13"}).Want(t, 400)
				if r.Get("begdate", "Datetime::INVALID_VALUE") == nil {
					t.Errorf("date without time: %s", r.Body)
				}
				item := fmt.Sprintf("%s/%d", base, int(id))
				r = e.Do("GET", item, e.Admin, nil).Want(t, 200)
				if r.Str("title") != "Norvasc" || r.Str("begdate") != "2013-04-13 00:00:00" {
					t.Errorf("get: %s", r.Body)
				}
				e.Do("GET", fmt.Sprintf("/api/patient/2/%s/%d", name, int(id)), e.Admin, nil).Want(t, 404)
				r = e.Do("PUT", item, e.Admin, map[string]any{"title": "Amlodipine"}).Want(t, 200)
				if r.Str("id") != fmt.Sprint(int(id)) {
					t.Errorf("update: %s", r.Body)
				}
				r = e.Do("GET", base, e.Admin, nil).Want(t, 200)
				if r.Len() != 1 || r.Str(0, "title") != "Amlodipine" {
					t.Errorf("list: %s", r.Body)
				}
				e.Do("GET", "/api/patient/abc/"+name, e.Admin, nil).Want(t, 400)
				e.Do("GET", "/api/patient/999999/"+name, e.Admin, nil).Want(t, 404)
				r = e.Do("DELETE", item, e.Admin, nil).Want(t, 200)
				if string(r.Body) != "true" {
					t.Errorf("delete body %q", r.Body)
				}
				e.Do("GET", item, e.Admin, nil).Want(t, 404)
			})
		}
	})
}

// List options (§7.3 scenario 26).
func TestAPIListOptions(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/api/list/sex", e.Admin, nil).Want(t, 200)
		if r.Len() < 2 || r.Str(0, "option_id") != "Female" {
			t.Errorf("sex list: %s", r.Body)
		}
		r = e.Do("GET", "/api/list/no_such_list", e.Admin, nil).Want(t, 404)
		if len(r.Body) == 0 {
			t.Error("404 without a body")
		}
	})
}
