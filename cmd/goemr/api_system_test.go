package main

import (
	"context"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// Scenarios 1 and 2 of openemr-standard-api.md §7.3: version and product
// need no token.
func TestAPIVersionProduct(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/api/version", "", nil).Want(t, 200)
		for _, k := range []string{"v_major", "v_minor", "v_patch", "v_realpatch", "v_database", "v_acl"} {
			if _, isNum := r.Get(k).(float64); !isNum {
				t.Errorf("%s is not a number: %s", k, r.Body)
			}
		}
		if _, isStr := r.Get("v_tag").(string); !isStr || r.Str("v_major") != "8" || r.Str("v_minor") != "2" || r.Str("v_database") != "541" {
			t.Errorf("version: %s", r.Body)
		}

		if s := e.Do("GET", "/api/product", "", nil).Want(t, 200).Str("status"); s != "UNREGISTERED" {
			t.Errorf("empty table: %q", s)
		}
		reg := storeInsert(t, e, resource.ProductRegistration, map[string]any{"opt_out": "1"})
		if s := e.Do("GET", "/api/product", "", nil).Want(t, 200).Str("status"); s != "OPT_OUT" {
			t.Errorf("opted out: %q", s)
		}
		for _, c := range []struct {
			set  map[string]any
			want string
		}{
			{map[string]any{"opt_out": "0"}, "UNKNOWN"},
			{map[string]any{"opt_out": nil}, "UNREGISTERED"},
			{map[string]any{"email": "admin@example.org", "opt_out": "0"}, "REGISTERED"},
		} {
			err := e.Store.Write(context.Background(), func(w resource.Writer) error {
				_, err := w.Update(context.Background(), resource.ProductRegistration, c.set, emr.Eq("id", reg["id"]))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if s := e.Do("GET", "/api/product", "", nil).Want(t, 200).Str("status"); s != c.want {
				t.Errorf("%v: %q, want %s", c.set, s, c.want)
			}
		}
	})
}

// Background services (§3.20): listed and read in OpenEMR's shape; runs
// lease the service, honour its interval, and report what happened.
func TestAPIBackgroundService(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/api/background_service", e.Admin, nil).Want(t, 200)
		purge := medFind(r, "name", "purge_expired")
		if r.Len() < 7 || purge == nil || purge["active"] != true || purge["running"] != false || purge["execute_interval"] != 10.0 {
			t.Fatalf("list: %s", r.Body)
		}
		if phimail := medFind(r, "name", "phimail"); phimail == nil || phimail["active"] != false || phimail["title"] != "phiMail Direct Messaging Service" {
			t.Errorf("phimail: %v", phimail)
		}
		r = e.Do("GET", "/api/background_service/MedEx", e.Admin, nil).Want(t, 200)
		if r.Str("name") != "MedEx" || r.Get("execute_interval") != 0.0 || r.Get("next_run") == nil {
			t.Errorf("get: %s", r.Body)
		}
		for _, c := range []struct{ method, path string }{
			{"GET", "/api/background_service/no_such_service"}, {"POST", "/api/background_service/no_such_service/run"},
		} {
			if r := e.Do(c.method, c.path, e.Admin, nil).Want(t, 404); r.Str("error") != "Service not found" {
				t.Errorf("%s %s: %s", c.method, c.path, r.Body)
			}
		}
		if r := e.Do("POST", "/api/background_service/purge_expired/run", e.Admin, "{not json").Want(t, 400); r.Str("error") != "Invalid JSON payload" {
			t.Errorf("bad JSON: %s", r.Body)
		}

		run := func(name string, body any, status int, outcome string) {
			t.Helper()
			r := e.Do("POST", "/api/background_service/"+name+"/run", e.Admin, body).Want(t, status)
			if r.Str("service") != name || r.Str("status") != outcome {
				t.Errorf("run %s %v: %s", name, body, r.Body)
			}
		}
		run("purge_expired", nil, 200, "executed")
		run("purge_expired", nil, 409, "not_due")
		run("purge_expired", map[string]any{"force": "yes"}, 409, "not_due") // force must be true itself
		run("purge_expired", map[string]any{"force": true}, 200, "executed")
		run("phimail", map[string]any{"force": true}, 409, "skipped") // inactive
		next := e.Do("GET", "/api/background_service/purge_expired", e.Admin, nil).Want(t, 200).Str("next_run")
		if next <= time.Now().UTC().Format("2006-01-02 15:04:05") {
			t.Errorf("next_run %s is not in the future", next)
		}

		// Another process holds the lease: nothing runs twice at once.
		ctx := context.Background()
		if ok, _, err := e.Store.AcquireService(ctx, "purge_expired", 10*time.Minute, true, time.Now()); !ok || err != nil {
			t.Fatalf("acquire: %v %v", ok, err)
		}
		if r := e.Do("GET", "/api/background_service/purge_expired", e.Admin, nil).Want(t, 200); r.Get("running") != true {
			t.Errorf("leased service not running: %s", r.Body)
		}
		run("purge_expired", map[string]any{"force": true}, 409, "already_running")
		if err := e.Store.ReleaseService(ctx, "purge_expired"); err != nil {
			t.Fatal(err)
		}

		// An active service goemr has no job for fails; it never pretends.
		err := e.Store.Write(ctx, func(w resource.Writer) error {
			_, err := w.Update(ctx, resource.BackgroundService, map[string]any{"active": "1"}, emr.Eq("name", "MedEx"))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		run("MedEx", nil, 409, "skipped") // manual service, not forced
		run("MedEx", map[string]any{"force": true}, 500, "error")

		r = e.Do("POST", "/api/background_service/$run", e.Admin, nil).Want(t, 200)
		if r.Len("results") != 5 || medFind(r, "name", "phimail", "results")["status"] != "skipped" ||
			medFind(r, "name", "purge_expired", "results")["status"] != "not_due" || medFind(r, "name", "MedEx", "results") != nil {
			t.Errorf("$run: %s", r.Body)
		}
	})
}
