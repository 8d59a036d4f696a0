package main

import (
	"context"
	"fmt"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/resource"
)

// A patient's employer history (§3.15, scenario 31). There is no write
// route, so the rows are stored directly.
func TestAPIEmployer(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		r := e.Do("GET", "/api/patient/not-a-uuid/employer", e.Admin, nil).Want(t, 400)
		errs, _ := r.Get("validationErrors", "uuid").([]any)
		if r.Len("validationErrors") != 1 || len(errs) != 1 || errs[0] != "Invalid UUID format" || r.Len("data") != 0 || r.Len("internalErrors") != 0 {
			t.Errorf("malformed patient uuid: %s", r.Body)
		}
		e.Do("GET", "/api/patient/00000000-0000-4000-8000-000000000000/employer", e.Admin, nil).Want(t, 404)
		base := "/api/patient/" + demoPatient(4) + "/employer"
		if r = e.Do("GET", base, e.Admin, nil).Want(t, 200); r.Len("data") != 0 {
			t.Errorf("no history yet: %s", r.Body)
		}

		admin, err := e.Store.UserByUUID(ctx, demo.ID("user", 1))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		err = e.Store.Write(ctx, func(w resource.Writer) error {
			ids = ids[:0]
			if _, err := w.Insert(ctx, resource.ListOption, map[string]any{"list_id": "OccupationODH", "option_id": "rn",
				"title": "Registered Nurse", "codes": "ODH:29-1141"}); err != nil {
				return err
			}
			for _, row := range []map[string]any{
				{"pid": "4", "name": "Acme Mills", "city": "Worcester", "occupation": "rn", "start_date": "2010-05-01", "end_date": "2019-12-31"},
				{"pid": "4", "name": "Mercy Hospital", "city": "Boston", "occupation": "rn", "start_date": "2020-01-06"},
				{"pid": "5", "name": "Elsewhere Inc"},
			} {
				row["created_by"] = admin.ID
				rec, err := w.Insert(ctx, resource.Employer, row)
				if err != nil {
					return err
				}
				ids = append(ids, fmt.Sprint(rec["id"]))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		r = e.Do("GET", base, e.Admin, nil).Want(t, 200)
		if r.Len("data") != 2 || r.Str("data", 0, "name") != "Acme Mills" || r.Str("data", 1, "name") != "Mercy Hospital" || r.Get("links", "first") == nil {
			t.Fatalf("list: %s", r.Body)
		}
		want := map[string]any{"puuid": demoPatient(4), "pid": "4", "user_uuid": demo.ID("user", 1), "occupation": "rn",
			"occupation_codes": "ODH:29-1141", "occupation_codes_display": "Registered Nurse", "industry_codes": nil,
			"start_date": "2010-05-01", "end_date": "2019-12-31"}
		for k, v := range want {
			if r.Get("data", 0, k) != v {
				t.Errorf("%s = %v, want %v", k, r.Get("data", 0, k), v)
			}
		}
		if len(r.Str("data", 0, "uuid")) != 36 || r.Str("data", 0, "date") == "" {
			t.Errorf("row: %s", r.Body)
		}
		for q, n := range map[string]int{"id=" + ids[1]: 1, "id=" + ids[2]: 0, "pid=4": 2, "pid=5": 0, "name=Acme%20Mills": 2} {
			if r = e.Do("GET", base+"?"+q, e.Admin, nil).Want(t, 200); r.Len("data") != n {
				t.Errorf("filter %s: %s", q, r.Body)
			}
		}
	})
}
