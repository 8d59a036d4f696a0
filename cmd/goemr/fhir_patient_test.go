package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// fhirSearch runs GET /fhir/{query} and returns the ids of its match
// entries, checking the bundle against the R4 schema.
func fhirSearch(t *testing.T, e *apiEnv, token, query string) (ids []string, r *Resp) {
	t.Helper()
	r = e.Do("GET", "/fhir/"+query, token, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	if got := r.Str("type"); got != "searchset" {
		t.Fatalf("%s: bundle type %q", query, got)
	}
	for i := 0; i < r.Len("entry"); i++ {
		if r.Str("entry", i, "search", "mode") == "match" {
			ids = append(ids, r.Str("entry", i, "resource", "id"))
		}
	}
	return ids, r
}

func TestFHIRPatientRead(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		id := demoPatient(1)
		r := e.Do("GET", "/fhir/Patient/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("resourceType") != "Patient" || r.Str("id") != id {
			t.Fatalf("read: %s", r.Body)
		}
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/fhir+json") {
			t.Errorf("Content-Type %q", ct)
		}
		if !strings.Contains(string(r.Body), "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|6.1.0") {
			t.Errorf("no US Core 6.1.0 profile in meta: %s", r.Body)
		}
		for _, tc := range []struct {
			name, path, token string
			status            int
			code              string
		}{
			{"unknown id", "/fhir/Patient/00000000-0000-0000-0000-000000000000", e.Admin, 404, "not-found"},
			{"bad id", "/fhir/Patient/a%20b", e.Admin, 404, "not-found"},
			{"unknown type", "/fhir/Nothing/1", e.Admin, 404, "not-supported"},
			{"no token", "/fhir/Patient/" + id, "", 401, "login"},
			{"bad token", "/fhir/Patient/" + id, "x.y.z", 401, "login"},
			{"no Patient scope", "/fhir/Patient/" + id, e.Token("users", "openid api:oemr"), 403, "forbidden"},
			{"XML asked", "/fhir/Patient/" + id + "?_format=xml", e.Admin, 406, "not-supported"},
		} {
			r := e.Do("GET", tc.path, tc.token, nil)
			if r.Status != tc.status || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != tc.code {
				t.Errorf("%s: %d %s, want %d OperationOutcome %s", tc.name, r.Status, r.Body, tc.status, tc.code)
				continue
			}
			emrtest.ValidateFHIR(t, r.Body)
			if tc.status == 401 && r.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s: no WWW-Authenticate", tc.name)
			}
		}
		if r := e.Do("DELETE", "/fhir/Patient/"+id, e.Admin, nil); r.Status != 405 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("DELETE: %d %s", r.Status, r.Body)
		}
	})
}

// TestFHIRPatientSearch runs the US Core 6.1.0 Patient searches (SHALL and
// SHOULD combinations) and FHIR's search semantics on the demo patients.
func TestFHIRPatientSearch(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		one := e.Do("GET", "/fhir/Patient/"+demoPatient(1), e.Admin, nil).Want(t, 200)
		family, given, birth := one.Str("name", 0, "family"), one.Str("name", 0, "given", 0), one.Str("birthDate")
		gender, pubpid := one.Str("gender"), one.Str("identifier", 0, "value")
		want1 := func(query string) {
			t.Helper()
			ids, r := fhirSearch(t, e, e.Admin, query)
			found := false
			for _, id := range ids {
				found = found || id == demoPatient(1)
			}
			if !found {
				t.Errorf("%s: patient 1 not among %v\n%s", query, ids, r.Body)
			}
		}
		q := url.QueryEscape
		want1("Patient?_id=" + demoPatient(1))
		want1("Patient?identifier=" + q(pubpid))
		want1("Patient?identifier=" + q("http://terminology.hl7.org/CodeSystem/v2-0203|"+pubpid))
		want1("Patient?name=" + q(strings.ToLower(family[:3])))
		want1("Patient?name=" + q(given))
		want1("Patient?birthdate=" + birth + "&name=" + q(family))
		want1("Patient?gender=" + gender + "&name=" + q(family))
		want1("Patient?birthdate=" + birth + "&family=" + q(family))
		want1("Patient?family=" + q(family) + "&gender=" + gender)
		want1("Patient?family:exact=" + q(family))
		want1("Patient?family:contains=" + q(family[1:]))
		want1("Patient?birthdate=" + birth[:4])
		want1("Patient?birthdate=ge" + birth + "&birthdate=le" + birth)
		want1("Patient?gender=" + q("http://hl7.org/fhir/administrative-gender|"+gender))
		want1("Patient?family=" + q("Zzzz,"+family))

		none := func(query string) {
			t.Helper()
			if ids, r := fhirSearch(t, e, e.Admin, query); len(ids) != 0 {
				t.Errorf("%s: want nothing, got %v\n%s", query, ids, r.Body)
			}
		}
		none("Patient?_id=" + demoPatient(1) + "&family:exact=" + q(strings.ToLower(family)))
		none("Patient?_id=" + demoPatient(1) + "&birthdate=lt" + birth)
		none("Patient?_id=" + demoPatient(1) + "&birthdate=gt" + birth)
		none("Patient?_id=" + demoPatient(1) + "&gender:not=" + gender)
		none("Patient?identifier=" + q("urn:other|"+pubpid))
		none("Patient?family=Zzzzzz")
		none("Patient?_id=" + demoPatient(1) + "&death-date:missing=false")

		// Bad values are 400s, unknown parameters an outcome entry (or a
		// 400 when the client asks for strict handling).
		for _, bad := range []string{"Patient?birthdate=yesterday", "Patient?_count=-1", "Patient?gender:exact=male", "Patient?_sort=nothing", "Patient?_cursor=!!"} {
			if r := e.Do("GET", "/fhir/"+bad, e.Admin, nil); r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("%s: %d %s", bad, r.Status, r.Body)
			}
		}
		// _elements keeps the asked elements (and id, meta), marked SUBSETTED.
		_, sub := fhirSearch(t, e, e.Admin, "Patient?_id="+demoPatient(1)+"&_elements=name,birthDate")
		for _, r := range []*Resp{sub, e.Do("GET", "/fhir/Patient/"+demoPatient(1)+"?_elements=name,birthDate", e.Admin, nil).Want(t, 200)} {
			res := r.Get()
			if r.Str("resourceType") == "Bundle" {
				res = r.Get("entry", 0, "resource")
			}
			m, _ := res.(map[string]any)
			if m["name"] == nil || m["birthDate"] == nil || m["gender"] != nil || m["id"] == nil ||
				!strings.Contains(string(r.Body), "SUBSETTED") {
				t.Errorf("_elements: %s", r.Body)
			}
			emrtest.ValidateFHIR(t, r.Body)
		}
		_, r := fhirSearch(t, e, e.Admin, "Patient?_id="+demoPatient(1)+"&shoe-size=9")
		last := r.Len("entry") - 1
		if r.Str("entry", last, "search", "mode") != "outcome" || !strings.Contains(r.Str("entry", last, "resource", "issue", 0, "diagnostics"), "shoe-size") {
			t.Errorf("unknown parameter not reported: %s", r.Body)
		}
		if r := e.DoHeader("GET", "/fhir/Patient?shoe-size=9", e.Admin, nil, "Prefer", "handling=strict"); r.Status != 400 {
			t.Errorf("strict unknown parameter: %d %s", r.Status, r.Body)
		}
	})
}
