package main

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// A writeCase is what the create/update test of one FHIR type needs:
// a body to create (with PATIENT standing for the subject's id), the
// change an update makes and how to see it, and bodies that must be
// refused.
type writeCase struct {
	typ     string
	body    string
	check   func(t *testing.T, r *Resp) // the created resource as read back
	update  [2]string                   // old, new: a text the update replaces
	updated func(t *testing.T, r *Resp)
	bad     map[string]string // name → body, each answered 400
	std     string            // the Standard API list of the patient, "" when none
}

var fhirJSONHeader = []string{"Content-Type", "application/fhir+json"}

// forPatient puts patient id in for PATIENT.
func forPatient(body, id string) string { return strings.ReplaceAll(body, "PATIENT", id) }

// runWriteCase creates, reads back, updates (with and without If-Match)
// and refuses bad bodies of wc's type, then checks the scopes: a patient
// writes its own records but not another patient's.
func runWriteCase(t *testing.T, e *apiEnv, wc writeCase) string {
	t.Helper()
	body := forPatient(wc.body, demoPatient(2))
	r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Admin, body, fhirJSONHeader...).Want(t, 201)
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
	if wc.std != "" {
		std := e.Do("GET", "/api/patient/"+demoPatient(2)+"/"+wc.std, e.Admin, nil).Want(t, 200)
		found := false
		for i := 0; i < std.Len("data"); i++ {
			found = found || std.Str("data", i, "uuid") == id
		}
		if !found {
			t.Errorf("the Standard API's %s does not list %s", wc.std, id)
		}
	}

	updated := strings.Replace(body, wc.update[0], wc.update[1], 1)
	updated = strings.Replace(updated, `{"resourceType":"`+wc.typ+`",`, `{"resourceType":"`+wc.typ+`","id":"`+id+`",`, 1)
	put := func(h ...string) *Resp {
		return e.DoHeader("PUT", "/fhir/"+wc.typ+"/"+id, e.Admin, updated, append(append([]string(nil), fhirJSONHeader...), h...)...)
	}
	r = put("If-Match", `W/"1"`).Want(t, 200)
	if r.Str("meta", "versionId") != "2" || r.Header.Get("ETag") != `W/"2"` {
		t.Errorf("update: ETag %s, %s", r.Header.Get("ETag"), r.Body)
	}
	wc.updated(t, e.Do("GET", "/fhir/"+wc.typ+"/"+id, e.Admin, nil).Want(t, 200))
	if r := put("If-Match", `W/"1"`); r.Status != 412 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("stale If-Match: %d %s", r.Status, r.Body)
	}
	put().Want(t, 200)

	count := func() any {
		return e.Do("GET", "/fhir/"+wc.typ+"?_summary=count&patient="+demoPatient(2), e.Admin, nil).Get("total")
	}
	before := count()
	bad := map[string]string{"unknown patient": forPatient(wc.body, "00000000-0000-0000-0000-00000000dead")}
	for k, v := range wc.bad {
		bad[k] = forPatient(v, demoPatient(2))
	}
	for name, b := range bad {
		r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Admin, b, fhirJSONHeader...)
		if r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("%s: %d %s, want 400", name, r.Status, r.Body)
		}
	}
	if after := count(); after != before {
		t.Errorf("refused writes changed the count from %v to %v", before, after)
	}

	// Scopes: read-only tokens cannot write; a patient writes only its own.
	if r := e.DoHeader("POST", "/fhir/"+wc.typ, e.Token("users", "openid user/"+wc.typ+".rs"), body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("create with user/%s.rs: %d", wc.typ, r.Status)
	}
	phil := e.Token("patient", "openid patient/"+wc.typ+".crus")
	if r := e.DoHeader("POST", "/fhir/"+wc.typ, phil, body, fhirJSONHeader...); r.Status != 403 {
		t.Errorf("a patient creating another patient's %s: %d %s", wc.typ, r.Status, r.Body)
	}
	if r := e.DoHeader("PUT", "/fhir/"+wc.typ+"/"+id, phil, updated, fhirJSONHeader...); r.Status != 403 && r.Status != 404 {
		t.Errorf("a patient updating another patient's %s: %d %s", wc.typ, r.Status, r.Body)
	}
	own := e.DoHeader("POST", "/fhir/"+wc.typ, phil, forPatient(wc.body, demoPatient(1)), fhirJSONHeader...).Want(t, 201)
	if own.Str(subjectOf(wc.typ), "reference") != "Patient/"+demoPatient(1) {
		t.Errorf("a patient's own %s: %s", wc.typ, own.Body)
	}
	return id
}

// subjectOf is the element naming a type's patient.
func subjectOf(typ string) string {
	if typ == "Condition" || typ == "Encounter" || typ == "MedicationRequest" || typ == "Observation" || typ == "DiagnosticReport" ||
		typ == "DocumentReference" || typ == "CarePlan" || typ == "Goal" || typ == "CareTeam" || typ == "Procedure" {
		return "subject"
	}
	return "patient"
}

// usCoreExample is an example of the US Core 6.1.0 package with its
// patient reference pointed at patient.
func usCoreExample(t *testing.T, name, patient string) string {
	t.Helper()
	var raw []byte
	eachArchived(t, "../../../shared/data/fhir/us-core-6.1.0.tgz", func(file string, r io.Reader) bool {
		if file != "package/example/"+name {
			return true
		}
		var err error
		if raw, err = io.ReadAll(r); err != nil {
			t.Fatal(err)
		}
		return false
	})
	if raw == nil {
		t.Fatalf("no example %s", name)
	}
	return strings.ReplaceAll(string(raw), `"Patient/example"`, `"Patient/`+patient+`"`)
}

// checkPaths compares elements of r named by dotted paths ("code.coding.0.code").
func checkPaths(t *testing.T, r *Resp, want map[string]string) {
	t.Helper()
	for p, w := range want {
		var path []any
		for _, part := range strings.Split(p, ".") {
			if n, err := strconv.Atoi(part); err == nil {
				path = append(path, n)
			} else {
				path = append(path, part)
			}
		}
		if got := r.Str(path...); got != w {
			t.Errorf("%s = %q, want %q (%s)", p, got, w, r.Body)
		}
	}
}
