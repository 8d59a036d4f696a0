package main

import (
	"net/http"
	"strings"
	"testing"
)

// refusedGroupWrites checks, against stored group id, the writes of Group
// that are refused and change nothing: bad bodies (400 OperationOutcome),
// unknown groups (404), and tokens without staff Group write scopes
// (403; no client may even register a patient/Group scope).
func refusedGroupWrites(t *testing.T, e *apiEnv, id string) {
	t.Helper()
	unknown := `{"entity":{"reference":"Patient/00000000-0000-0000-0000-00000000dead"}}`
	bad := map[string]string{
		"unknown patient":  groupBody("", "Bad", memberJSON(1, "")+","+unknown),
		"practitioners":    strings.Replace(groupBody("", "Bad", ""), `"person"`, `"practitioner"`, 1),
		"not actual":       strings.Replace(groupBody("", "Bad", ""), `"actual":true`, `"actual":false`, 1),
		"no name":          groupBody("", "", memberJSON(1, "")),
		"characteristic":   strings.Replace(groupBody("", "Bad", ""), `"member":[]`, `"characteristic":[{"code":{"text":"age"},"valueBoolean":true,"exclude":false}]`, 1),
		"not a patient":    groupBody("", "Bad", `{"entity":{"reference":"Practitioner/`+id+`"}}`),
		"inactive member":  groupBody("", "Bad", `{"entity":{"reference":"Patient/`+demoPatient(1)+`"},"inactive":true}`),
		"member that left": groupBody("", "Bad", `{"entity":{"reference":"Patient/`+demoPatient(1)+`"},"period":{"end":"2025-01-01"}}`),
	}
	count := func() any { return e.Do("GET", "/fhir/Group?_summary=count", e.Admin, nil).Get("total") }
	before := count()
	for name, body := range bad {
		r := e.DoHeader("POST", "/fhir/Group", e.Admin, body, fhirJSONHeader...)
		if r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("%s: %d %s, want 400", name, r.Status, r.Body)
		}
	}
	if after := count(); after != before {
		t.Errorf("refused creates changed the number of groups from %v to %v", before, after)
	}

	old := e.Do("GET", "/fhir/Group/"+id, e.Admin, nil).Want(t, 200)
	r := e.DoHeader("PUT", "/fhir/Group/"+id, e.Admin, groupBody(id, "Changed", memberJSON(1, "")+","+unknown), fhirJSONHeader...)
	if r.Status != 400 || !strings.Contains(r.Str("issue", 0, "diagnostics"), "00000000-0000-0000-0000-00000000dead") {
		t.Errorf("update with an unknown patient: %d %s", r.Status, r.Body)
	}
	if now := e.Do("GET", "/fhir/Group/"+id, e.Admin, nil).Want(t, 200); string(now.Body) != string(old.Body) {
		t.Errorf("a refused update changed the group:\n%s\n%s", old.Body, now.Body)
	}

	nobody := "00000000-0000-0000-0000-000000000000"
	for _, r := range []*Resp{
		e.Do("GET", "/fhir/Group/"+nobody, e.Admin, nil),
		e.DoHeader("PUT", "/fhir/Group/"+nobody, e.Admin, groupBody(nobody, "X", ""), fhirJSONHeader...),
	} {
		if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown group: %d %s", r.Status, r.Body)
		}
	}

	body := groupBody("", "Scoped", memberJSON(1, ""))
	if r := e.DoHeader("POST", "/fhir/Group", e.Token("users", "openid user/Group.rs"), body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("create with user/Group.rs: %d", r.Status)
	}
	for _, sc := range []string{"patient/Group.rs", "patient/Group.c", "patient/Group.u"} {
		reg := `{"client_name":"x","redirect_uris":["https://app.example.org/cb"],"scope":"openid ` + sc + `"}`
		resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", strings.NewReader(reg))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("a client registered %s: %d", sc, resp.StatusCode)
		}
	}
	phil := e.Token("patient", "openid patient/Patient.rs")
	if r := e.Do("GET", "/fhir/Group/"+id, phil, nil); r.Status != 403 {
		t.Errorf("a patient read a Group: %d %s", r.Status, r.Body)
	}
	if r := e.DoHeader("POST", "/fhir/Group", phil, body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("a patient created a Group: %d %s", r.Status, r.Body)
	}
	if r := e.Do("GET", "/fhir/Group?name=Diabetes", phil, nil); r.Status != 403 {
		t.Errorf("a patient searched Groups: %d %s", r.Status, r.Body)
	}
}
