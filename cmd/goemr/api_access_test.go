package main

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// samplePath fills a route's parameters with well-formed ids that name
// nothing.
func samplePath(r *resource.Route) string {
	var b strings.Builder
	for _, s := range r.Segments() {
		b.WriteString("/")
		switch {
		case !strings.HasPrefix(s, ":"):
			b.WriteString(s)
		case strings.Contains(strings.ToLower(s), "uuid"):
			b.WriteString("00000000-0000-4000-8000-00000000abcd")
		case s == ":list_name" || s == ":name":
			b.WriteString("no_such_thing")
		default:
			b.WriteString("999999")
		}
	}
	return b.String()
}

// TestAPIAccessMatrix tries every route with no token, a token of the
// wrong role, a token lacking the route's scope and a user lacking the
// route's ACL: each must be refused with 401 or 403 before the handler
// runs. With every permission, no route may fail with a 5xx on ids that
// name nothing.
func TestAPIAccessMatrix(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ctx := context.Background()
		hash, err := auth.HashPassword("clerk-pass")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.CreateUser(ctx, &emr.User{Username: "clerk", PasswordHash: hash, Fname: "No", Lname: "Access", Active: true}); err != nil {
			t.Fatal(err)
		}
		clerk := e.TokenFor(map[string][]string{"grant_type": {"password"}, "user_role": {"users"}, "username": {"clerk"}, "password": {"clerk-pass"}, "scope": {allScopes()}})
		userA := e.Token("users", "openid api:oemr user/list.r")
		userB := e.Token("users", "openid api:oemr user/vital.r")
		noGate := e.Token("users", strings.Replace(allScopes(), "api:oemr ", "", 1))
		patA := e.Token("patient", "openid api:port patient/patient.s")
		patB := e.Token("patient", "openid api:port patient/encounter.r")
		for _, r := range resource.Routes {
			if r.Public {
				continue
			}
			path := samplePath(r)
			_, res, perm := r.Scope()
			t.Run(r.Method+" "+r.Path, func(t *testing.T) {
				if got := e.Do(r.Method, path, "", nil).Status; got != 401 {
					t.Errorf("no token: %d", got)
				}
				if got := e.Do(r.Method, path, "garbage", nil).Status; got != 401 {
					t.Errorf("garbage token: %d", got)
				}
				wrongRole, lacking := e.Phil, userA
				if r.Portal() {
					wrongRole, lacking = e.Admin, patA
					if res == "patient" && perm == "s" {
						lacking = patB
					}
				} else if res == "list" {
					lacking = userB
				}
				if got := e.Do(r.Method, path, wrongRole, nil).Status; got != 403 {
					t.Errorf("wrong role: %d", got)
				}
				if got := e.Do(r.Method, path, lacking, nil).Status; got != 403 {
					t.Errorf("missing scope %s.%s: %d", res, perm, got)
				}
				if !r.Portal() {
					if got := e.Do(r.Method, path, noGate, nil).Status; got != 403 {
						t.Errorf("missing api:oemr: %d", got)
					}
					if r.ACL.Section != "" {
						if got := e.Do(r.Method, path, clerk, nil); got.Status != 403 || !strings.Contains(string(got.Body), "Organization policy") {
							t.Errorf("no ACL: %d %s", got.Status, got.Body)
						}
					}
				}
				token := e.Admin
				if r.Portal() {
					token = e.Phil
				}
				var body any
				if r.Method == "POST" || r.Method == "PUT" {
					body = map[string]any{}
				}
				if got := e.Do(r.Method, path, token, body); got.Status >= 500 || got.Status == 401 || got.Status == 403 || len(got.Body) == 0 {
					t.Errorf("allowed: %d %s", got.Status, got.Body)
				}
			})
		}
	})
}

// TestAPIGates pins the gate order and error shapes of §7.3 scenarios 3–8.
func TestAPIGates(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/api/facility", "", nil).Want(t, 401)
		if r.Get("error") == nil || r.Get("message") == nil || r.Get("code") == nil || r.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("401 shape: %s %v", r.Body, r.Header)
		}
		e.Do("GET", "/api/facility", "garbage", nil).Want(t, 401)
		// Scenario 5: a token without api:oemr is 403, without the route's
		// scope 403 (OpenEMR: 401), and after logout it stops working
		// (OpenEMR: 400, goemr: 401, the token is revoked).
		e.Do("GET", "/api/facility", e.Token("users", "openid user/facility.rs"), nil).Want(t, 403)
		e.Do("GET", "/api/facility", e.Token("users", "openid api:oemr user/patient.rs"), nil).Want(t, 403)
		tok := e.TokenResponse(map[string][]string{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"}, "scope": {"openid api:oemr user/facility.rs"}})
		access, idToken := tok["access_token"].(string), tok["id_token"].(string)
		e.Do("GET", "/api/facility", access, nil).Want(t, 200)
		resp, err := http.Get(e.URL + "/oauth2/default/logout?id_token_hint=" + idToken)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		e.Do("GET", "/api/facility", access, nil).Want(t, 401)
		e.Do("GET", "/apis/baddefault/api/facility", e.Admin, nil).Want(t, 400)
		e.Do("GET", "/apis/baddefault/api/version", "", nil).Want(t, 400)
		e.Do("GET", "/apis/../api/version", "", nil)
		e.Do("GET", "/api/does-not-exist", e.Admin, nil).Want(t, 404)
		e.Do("PATCH", "/api/patient/"+demoPatient(1), e.Admin, "{}").Want(t, 404)
		e.Do("GET", "/api/patient/", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/patient", e.Phil, nil).Want(t, 403)
		e.Do("GET", "/portal/patient", e.Admin, nil).Want(t, 403)
		r = e.Do("GET", "/portal/patient", e.Phil, nil).Want(t, 200)
		if r.Str("data", "uuid") != demoPatient(1) || r.Get("validationErrors") == nil {
			t.Errorf("portal patient: %s", r.Body)
		}
		r = e.Do("GET", "/api/version", "", nil).Want(t, 200)
		for _, k := range []string{"v_major", "v_minor", "v_patch", "v_realpatch", "v_database", "v_acl"} {
			if _, ok := r.Get(k).(float64); !ok {
				t.Errorf("version %s not a number: %s", k, r.Body)
			}
		}
		if _, ok := r.Get("v_tag").(string); !ok {
			t.Errorf("v_tag: %s", r.Body)
		}
	})
}
