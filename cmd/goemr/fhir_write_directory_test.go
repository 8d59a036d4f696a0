package main

import (
	"net/http"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// runDirectoryWriteCase is runWriteCase for a type in no patient's
// compartment (Practitioner, Organization): staff create and update it,
// the Standard API list wc.std shows it, and no patient token writes it,
// whatever scopes it asks for.
func runDirectoryWriteCase(t *testing.T, e *apiEnv, wc writeCase) string {
	t.Helper()
	r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Admin, wc.body, fhirJSONHeader...).Want(t, 201)
	emrtest.ValidateFHIR(t, r.Body)
	id := r.Str("id")
	if loc := r.Header.Get("Location"); !strings.HasSuffix(loc, "/fhir/"+wc.typ+"/"+id+"/_history/1") {
		t.Errorf("Location %q", loc)
	}
	if et := r.Header.Get("ETag"); et != `W/"1"` || r.Str("meta", "versionId") != "1" {
		t.Errorf("ETag %q, versionId %q", et, r.Str("meta", "versionId"))
	}
	got := e.Do("GET", "/fhir/"+wc.typ+"/"+id, e.Admin, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, got.Body)
	wc.check(t, got)
	std := e.Do("GET", wc.std, e.Admin, nil).Want(t, 200)
	found := false
	for i := 0; i < std.Len("data"); i++ {
		found = found || std.Str("data", i, "uuid") == id
	}
	if !found {
		t.Errorf("the Standard API's %s does not list %s", wc.std, id)
	}

	updated := strings.Replace(wc.body, wc.update[0], wc.update[1], 1)
	updated = strings.Replace(updated, `{"resourceType":"`+wc.typ+`",`, `{"resourceType":"`+wc.typ+`","id":"`+id+`",`, 1)
	put := func(token string, h ...string) *Resp {
		return e.DoHeader("PUT", "/fhir/"+wc.typ+"/"+id, token, updated, append(append([]string(nil), fhirJSONHeader...), h...)...)
	}
	r = put(e.Admin, "If-Match", `W/"1"`).Want(t, 200)
	if r.Str("meta", "versionId") != "2" || r.Header.Get("ETag") != `W/"2"` {
		t.Errorf("update: ETag %s, %s", r.Header.Get("ETag"), r.Body)
	}
	wc.updated(t, e.Do("GET", "/fhir/"+wc.typ+"/"+id, e.Admin, nil).Want(t, 200))
	if r := put(e.Admin, "If-Match", `W/"1"`); r.Status != 412 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("stale If-Match: %d %s", r.Status, r.Body)
	}
	put(e.Admin).Want(t, 200)

	count := func() any { return e.Do("GET", "/fhir/"+wc.typ+"?_summary=count", e.Admin, nil).Get("total") }
	before := count()
	for name, b := range wc.bad {
		r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Admin, b, fhirJSONHeader...)
		if r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("%s: %d %s, want 400", name, r.Status, r.Body)
		}
	}
	if after := count(); after != before {
		t.Errorf("refused writes changed the count from %v to %v", before, after)
	}

	// Scopes: read-only tokens cannot write, SMART v1 write can, and a
	// patient's token never writes the directory.
	if r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Token("users", "openid user/"+wc.typ+".rs"), wc.body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("create with user/%s.rs: %d", wc.typ, r.Status)
	}
	e.DoHeader("POST", "/fhir/"+wc.typ, clientToken(e, "users", "openid user/"+wc.typ+".write"), wc.body, fhirJSONHeader...).Want(t, 201)
	for _, sc := range []string{"patient/" + wc.typ + ".write", "patient/" + wc.typ + ".c", "patient/" + wc.typ + ".u"} {
		body := `{"client_name":"x","redirect_uris":["https://app.example.org/cb"],"scope":"openid ` + sc + `"}`
		resp, err := http.Post(e.URL+"/oauth2/default/registration", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("a client registered %s: %d", sc, resp.StatusCode)
		}
	}
	phil := e.Token("patient", "openid patient/"+wc.typ+".rs")
	if r := e.DoHeader("POST", "/fhir/"+wc.typ, phil, wc.body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("a patient creating a %s: %d %s", wc.typ, r.Status, r.Body)
	}
	if r := put(phil); r.Status != 403 {
		t.Errorf("a patient updating a %s: %d %s", wc.typ, r.Status, r.Body)
	}
	return id
}

// clientToken is a token for role with scopes of a client registered for
// them (SMART v1 words are not among the test client's scopes).
func clientToken(e *apiEnv, role, scopes string) string {
	saved := e.client
	defer func() { e.client = saved }()
	e.client = e.register(scopes)
	return e.Token(role, scopes)
}
