package main

import (
	"strings"
	"sync"
	"testing"
)

// TestAPIBadInput: every kind of bad input gets a 400 in the route's own
// shape and writes nothing.
func TestAPIBadInput(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		count := func() int { return e.Do("GET", "/api/patient?_limit=200", e.Admin, nil).Want(t, 200).Len("data") }
		before := count()
		huge := `{"fname": "` + strings.Repeat("a", 11<<20) + `"}`
		tests := []struct {
			name, method, path string
			body               any
			envelope           bool
		}{
			{"malformed JSON", "POST", "/api/patient", `{"fname": "A",`, true},
			{"not an object", "POST", "/api/patient", `[1, 2, 3]`, true},
			{"a bare string", "POST", "/api/patient", `"patient"`, true},
			{"two objects", "POST", "/api/patient", `{} {}`, true},
			{"empty body", "POST", "/api/patient", ``, true},
			{"wrong types", "POST", "/api/patient", `{"fname": {"x": 1}, "lname": ["Doe"], "DOB": "2001-01-01", "sex": "Female"}`, true},
			{"invalid date", "POST", "/api/patient", map[string]any{"fname": "A", "lname": "Bee", "DOB": "2001-02-30", "sex": "Female"}, true},
			{"huge body", "POST", "/api/patient", huge, true},
			{"huge field", "POST", "/api/patient", map[string]any{"fname": strings.Repeat("x", 300), "lname": "Bee", "DOB": "2001-01-01", "sex": "Female"}, true},
			{"bad email", "POST", "/api/patient", map[string]any{"fname": "A", "lname": "Bee", "DOB": "2001-01-01", "sex": "Female", "email": "x@"}, true},
			{"raw route, bad JSON", "POST", "/api/patient/1/medication", `{"title":`, false},
			{"raw route, huge body", "POST", "/api/patient/1/medication", huge, false},
			{"update, wrong type", "PUT", "/api/patient/" + demoPatient(2), `{"fname": [1]}`, true},
			{"update, bad id", "PUT", "/api/patient/1' OR '1'='1", map[string]any{"fname": "X"}, true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := e.Do(tt.method, tt.path, e.Admin, tt.body)
				if r.Status != 400 && !(tt.name == "update, bad id" && r.Status == 404) {
					t.Fatalf("status %d: %.300s", r.Status, r.Body)
				}
				if tt.envelope && r.Get("validationErrors") == nil && r.Status == 400 {
					t.Errorf("not an envelope: %.300s", r.Body)
				}
				if !tt.envelope && r.JSON == nil {
					t.Errorf("no JSON body: %.300s", r.Body)
				}
			})
		}
		if after := count(); after != before {
			t.Errorf("bad input wrote patients: %d → %d", before, after)
		}
		if r := e.Do("GET", "/api/patient/"+demoPatient(2), e.Admin, nil).Want(t, 200); r.Str("data", "fname") == "X" {
			t.Error("bad update changed the patient")
		}
		// Injection attempts are data, never SQL.
		inj := "Robert'); DROP TABLE patient_data;--"
		r := e.Do("POST", "/api/patient", e.Admin, map[string]any{"fname": inj, "lname": "O'Brien", "DOB": "2001-01-01", "sex": "Male"}).Want(t, 201)
		r = e.Do("GET", "/api/patient/"+r.Str("data", "uuid"), e.Admin, nil).Want(t, 200)
		if r.Str("data", "fname") != inj || r.Str("data", "lname") != "O'Brien" {
			t.Errorf("stored %q %q", r.Str("data", "fname"), r.Str("data", "lname"))
		}
		if n := e.Do("GET", "/api/patient?lname=%27%20OR%20%271%27%3D%271", e.Admin, nil).Want(t, 200).Len("data"); n != 0 {
			t.Errorf("injection in a filter matched %d rows", n)
		}
		if n := e.Do("GET", "/api/patient?lname=%25", e.Admin, nil).Want(t, 200).Len("data"); n != 0 {
			t.Errorf("%% in a contains filter is a wildcard: %d rows", n)
		}
		e.Do("GET", "/api/patient?_sort=fname;DROP%20TABLE%20x&_limit=abc", e.Admin, nil).Want(t, 400)
		e.Do("GET", "/api/patient?_sort=fname;DROP%20TABLE%20x", e.Admin, nil).Want(t, 200)
		if count() != before+1 {
			t.Error("patients lost")
		}
	})
}

// TestAPIConcurrentWriters: 50 clients creating and updating at once lose
// nothing and never see "database is locked".
func TestAPIConcurrentWriters(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const writers, each = 50, 6
		var wg sync.WaitGroup
		errs := make(chan string, writers*each*3)
		uuids := make(chan string, writers*each)
		target := demoPatient(3)
		for w := 0; w < writers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; i < each; i++ {
					r := e.Do("POST", "/api/patient", e.Admin, map[string]any{"fname": "Writer", "lname": "Concurrent", "DOB": "1990-01-01", "sex": "Female", "city": "Zzyzx Springs"})
					if r.Status != 201 {
						errs <- string(r.Body)
						continue
					}
					uuids <- r.Str("data", "uuid")
					if r := e.Do("POST", "/api/patient/"+target+"/allergy", e.Admin, map[string]any{"title": "Allergen", "begdate": "2020-01-01"}); r.Status != 201 {
						errs <- string(r.Body)
					}
					if r := e.Do("PUT", "/api/patient/"+target, e.Admin, map[string]any{"phone_cell": "555"}); r.Status != 200 {
						errs <- string(r.Body)
					}
				}
			}(w)
		}
		wg.Wait()
		close(errs)
		close(uuids)
		for msg := range errs {
			t.Errorf("write failed: %.300s", msg)
		}
		seen := map[string]bool{}
		for u := range uuids {
			seen[u] = true
		}
		if len(seen) != writers*each {
			t.Fatalf("%d distinct patients, want %d", len(seen), writers*each)
		}
		r := e.Do("GET", "/api/patient?city=Zzyzx%20Springs&_limit=200", e.Admin, nil).Want(t, 200)
		total := r.Len("data")
		for next := r.Str("links", "next"); next != ""; {
			r = e.Do("GET", strings.TrimPrefix(next, e.URL), e.Admin, nil).Want(t, 200)
			total += r.Len("data")
			next = r.Str("links", "next")
		}
		if total != writers*each {
			t.Errorf("search finds %d of %d patients", total, writers*each)
		}
		pids := map[string]bool{}
		for u := range seen {
			pid := e.Do("GET", "/api/patient/"+u, e.Admin, nil).Want(t, 200).Str("data", "pid")
			if pids[pid] {
				t.Errorf("pid %s given twice", pid)
			}
			pids[pid] = true
		}
		if n := e.Do("GET", "/api/patient/"+target+"/allergy?_limit=200", e.Admin, nil).Want(t, 200).Len("data"); n < 200 {
			t.Errorf("allergies: %d", n)
		}
	})
}
