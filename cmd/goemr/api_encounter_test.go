package main

import (
	"fmt"
	"testing"
)

// Encounter, vitals and SOAP scenarios of §7.3 (18–21) and the portal's
// encounter routes.
func TestAPIEncounter(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		p1, p2 := demoPatient(1), demoPatient(2)
		base := "/api/patient/" + p1 + "/encounter"
		r := e.Do("POST", base, e.Admin, map[string]any{"pc_catid": "5", "class_code": "AMB", "reason": "x"}).Want(t, 201)
		eid, euuid := r.Str("data", "eid"), r.Str("data", "euuid")
		if eid == "" || len(euuid) != 36 || r.Str("data", "encounter") != eid || r.Str("data", "puuid") != p1 || r.Str("data", "class_title") != "ambulatory" {
			t.Fatalf("create: %s", r.Body)
		}
		r = e.Do("POST", base, e.Admin, map[string]any{"pc_catid": "5", "reason": "x"}).Want(t, 400)
		if r.Get("validationErrors", "class_code") == nil {
			t.Errorf("missing class_code: %s", r.Body)
		}
		e.Do("POST", base, e.Admin, map[string]any{"pc_catid": "5", "class_code": "NOPE"}).Want(t, 400)
		e.Do("POST", base, e.Admin, map[string]any{"pc_catid": "77", "class_code": "AMB"}).Want(t, 400)
		e.Do("POST", "/api/patient/00000000-0000-4000-8000-000000000000/encounter", e.Admin, map[string]any{"pc_catid": "5", "class_code": "AMB"}).Want(t, 400)
		r = e.Do("GET", base+"/"+euuid, e.Admin, nil).Want(t, 200)
		if r.Str("data", "euuid") != euuid || r.Str("data", "pc_catname") != "Office Visit" {
			t.Errorf("get: %s", r.Body)
		}
		e.Do("GET", "/api/patient/"+p2+"/encounter/"+euuid, e.Admin, nil).Want(t, 404)
		r = e.Do("PUT", base+"/"+euuid, e.Admin, map[string]any{"reason": "follow-up"}).Want(t, 200)
		if r.Str("data", "reason") != "follow-up" {
			t.Errorf("update: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient/"+p2+"/encounter", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 0 {
			t.Errorf("other patient's encounters: %s", r.Body)
		}
		r = e.Do("GET", base, e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Get("links", "first") == nil {
			t.Errorf("list: %s", r.Body)
		}

		// Portal: the patient sees its own encounters, never another's.
		r = e.Do("GET", "/portal/patient/encounter", e.Phil, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Str("data", 0, "euuid") != euuid {
			t.Errorf("portal list: %s", r.Body)
		}
		e.Do("GET", "/portal/patient/encounter/"+euuid, e.Phil, nil).Want(t, 200)
		other := e.Do("POST", "/api/patient/"+p2+"/encounter", e.Admin, map[string]any{"pc_catid": "5", "class_code": "AMB"}).Want(t, 201)
		e.Do("GET", "/portal/patient/encounter/"+other.Str("data", "euuid"), e.Phil, nil).Want(t, 404)

		// Vitals under numeric pid and encounter number.
		vitals := fmt.Sprintf("/api/patient/1/encounter/%s/vital", eid)
		r = e.Do("POST", vitals, e.Admin, map[string]any{"bps": "130", "bpd": "80", "weight": "220", "id": "77"}).Want(t, 201)
		vid, ok := r.Get("vid").(float64)
		if _, fok := r.Get("fid").(float64); !ok || !fok {
			t.Fatalf("vital create: %s", r.Body)
		}
		r = e.Do("GET", fmt.Sprintf("%s/%d", vitals, int(vid)), e.Admin, nil).Want(t, 200)
		if r.Str("bps") != "130" || r.Str("euuid") != euuid || r.Str("puuid") != p1 {
			t.Errorf("vital get: %s", r.Body)
		}
		e.Do("GET", fmt.Sprintf("/api/patient/2/encounter/%s/vital/%d", eid, int(vid)), e.Admin, nil).Want(t, 404)
		r = e.Do("POST", vitals, e.Admin, map[string]any{"bps": "abc"}).Want(t, 400)
		if r.Get("bps", "Numeric::NOT_NUMERIC") == nil {
			t.Errorf("bad bps: %s", r.Body)
		}
		r = e.Do("PUT", fmt.Sprintf("%s/%d", vitals, int(vid)), e.Admin, map[string]any{"pulse": "72"}).Want(t, 200)
		if r.Str("vid") != fmt.Sprint(int(vid)) {
			t.Errorf("vital update: %s", r.Body)
		}
		r = e.Do("GET", vitals, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "pulse") != "72" {
			t.Errorf("vital list: %s", r.Body)
		}
		e.Do("POST", "/api/patient/1/encounter/999999/vital", e.Admin, map[string]any{"bps": "120"}).Want(t, 400)
		e.Do("GET", "/api/patient/1/encounter/999999/vital", e.Admin, nil).Want(t, 404)

		// SOAP notes.
		soap := fmt.Sprintf("/api/patient/1/encounter/%s/soap_note", eid)
		r = e.Do("POST", soap, e.Admin, map[string]any{"subjective": "ab", "objective": "cd", "assessment": "ef", "plan": "gh"}).Want(t, 201)
		sid, ok := r.Get("sid").(float64)
		if !ok {
			t.Fatalf("soap create: %s", r.Body)
		}
		r = e.Do("PUT", fmt.Sprintf("%s/%d", soap, int(sid)), e.Admin, map[string]any{"plan": "revised"}).Want(t, 200)
		if r.Str("sid") != fmt.Sprint(int(sid)) {
			t.Errorf("soap update: %s", r.Body)
		}
		r = e.Do("GET", soap, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "plan") != "revised" || r.Str(0, "subjective") != "ab" {
			t.Errorf("soap list: %s", r.Body)
		}
		e.Do("POST", soap, e.Admin, map[string]any{"plan": "x"}).Want(t, 400)
		e.Do("GET", fmt.Sprintf("%s/%d", soap, int(sid)), e.Admin, nil).Want(t, 200)
		e.Do("GET", fmt.Sprintf("/api/patient/2/encounter/%s/soap_note/%d", eid, int(sid)), e.Admin, nil).Want(t, 404)
	})
}
