package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRBundleRefused: bodies that are no batch or transaction, entries
// goemr cannot run, and tokens that may not write are refused with an
// OperationOutcome, and nothing is written.
func TestFHIRBundleRefused(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cond := tbEntry{method: "POST", url: "Condition", resource: forPatient(newCondition, demoPatient(2))}
		a := "urn:uuid:0c0c0c0c-0000-4000-8000-00000000000a"
		b := "urn:uuid:0c0c0c0c-0000-4000-8000-00000000000b"
		withEvidence := func(ref string) string {
			return strings.Replace(forPatient(newCondition, demoPatient(2)), `"onsetDateTime"`, `"evidence":[{"detail":[{"reference":"`+ref+`"}]}],"onsetDateTime"`, 1)
		}
		for name, c := range map[string]struct {
			body, want string
			status     int
		}{
			"a resource":         {newPatientBody("Solo", "999-12-0009"), "not a Patient", 400},
			"a collection":       {strings.Replace(testBundle("transaction", cond), `"transaction"`, `"collection"`, 1), "batch or transaction", 400},
			"no request":         {strings.Replace(testBundle("transaction", cond), `"request":{"method":"POST","url":"Condition"},`, "", 1), "Bundle.entry[0]", 400},
			"a DELETE":           {testBundle("transaction", cond, tbEntry{method: "DELETE", url: "Condition/x"}), "Bundle.entry[1]", 405},
			"a PATCH":            {testBundle("transaction", tbEntry{method: "PATCH", url: "Condition/x"}), "PATCH", 405},
			"a type not stored":  {testBundle("transaction", cond, tbEntry{method: "POST", url: "Claim", resource: `{"resourceType":"Claim","status":"active"}`}), "Claim", 400},
			"type and url":       {testBundle("transaction", tbEntry{method: "POST", url: "AllergyIntolerance", resource: forPatient(newCondition, demoPatient(2))}), "Bundle.entry[0]", 400},
			"a misspelt element": {testBundle("transaction", tbEntry{method: "POST", url: "Condition", resource: strings.Replace(cond.resource, `"onsetDateTime"`, `"onsetWhen"`, 1)}), "onsetWhen", 400},
			"the same fullUrl": {testBundle("transaction", tbEntry{method: "POST", url: "Condition", fullURL: a, resource: cond.resource},
				tbEntry{method: "POST", url: "Condition", fullURL: a, resource: cond.resource}), "fullUrl", 400},
			"a cycle": {testBundle("transaction", tbEntry{method: "POST", url: "Condition", fullURL: a, resource: withEvidence(b)},
				tbEntry{method: "POST", url: "Condition", fullURL: b, resource: withEvidence(a)}), "cycle", 400},
		} {
			r := e.DoHeader("POST", "/fhir", e.Admin, c.body, fhirJSONHeader...)
			if r.Status != c.status || r.Str("resourceType") != "OperationOutcome" || !strings.Contains(string(r.Body), c.want) {
				t.Errorf("%s: %d %s, want %d naming %q", name, r.Status, r.Body, c.status, c.want)
			}
		}
		if n := e.Do("GET", "/fhir/Condition?_summary=count&patient="+demoPatient(2), e.Admin, nil).Want(t, 200).Str("total"); n != "0" {
			t.Errorf("refused Bundles wrote %s conditions", n)
		}

		body := testBundle("transaction", cond)
		if r := e.DoHeader("POST", "/fhir", "", body, fhirJSONHeader...); r.Status != 401 {
			t.Errorf("no token: %d", r.Status)
		}
		if r := e.DoHeader("POST", "/fhir", e.Admin, body, "Content-Type", "text/plain"); r.Status != 415 {
			t.Errorf("text/plain: %d", r.Status)
		}
		if r := e.DoHeader("POST", "/fhir", e.Token("users", "openid user/Condition.rs"), body, fhirJSONHeader...); r.Status != 403 {
			t.Errorf("a read-only token: %d %s", r.Status, r.Body)
		}
		// A patient's token stays in its compartment, entry by entry.
		phil := e.Token("patient", "openid patient/Condition.crus")
		if r := e.DoHeader("POST", "/fhir", phil, body, fhirJSONHeader...); r.Status != 403 {
			t.Errorf("a patient writing another's Condition: %d %s", r.Status, r.Body)
		}
		own := testBundle("batch", tbEntry{method: "POST", url: "Condition", resource: forPatient(newCondition, demoPatient(1))}, cond)
		r := e.DoHeader("POST", "/fhir", phil, own, fhirJSONHeader...).Want(t, 200)
		if created(t, r, 0); r.Str("entry", 1, "response", "status") != "403 Forbidden" {
			t.Errorf("a patient's batch: %s", r.Body)
		}

		meta := e.Do("GET", "/fhir/metadata", "", nil).Want(t, 200)
		if meta.Str("rest", 0, "interaction", 0, "code") != "transaction" || meta.Str("rest", 0, "interaction", 1, "code") != "batch" {
			t.Errorf("the CapabilityStatement's interactions: %v", meta.Get("rest", 0, "interaction"))
		}
	})
}

// TestFHIRBundleTooLarge: a Bundle beyond the cap is a 413
// OperationOutcome, whether its length is announced or not. The cap is
// the protocol's, the same on every database: SQLite only.
func TestFHIRBundleTooLarge(t *testing.T) {
	e := newAPIEnv(t, emrtest.NamedDB{Name: "sqlite", DB: emrtest.SQLite(t)})
	const size = 64<<20 + 1
	for _, announced := range []bool{true, false} {
		head := `{"resourceType":"Bundle","type":"batch","entry":[`
		body := io.MultiReader(strings.NewReader(head), strings.NewReader(strings.Repeat(" ", size)))
		req, err := http.NewRequest("POST", e.URL+"/apis/default/fhir", body)
		if err != nil {
			t.Fatal(err)
		}
		if announced {
			req.ContentLength = int64(len(head) + size)
		}
		req.Header.Set("Authorization", "Bearer "+e.Admin)
		req.Header.Set("Content-Type", "application/fhir+json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("announced %v: %v", announced, err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 413 || !strings.Contains(string(raw), "OperationOutcome") {
			t.Errorf("announced %v: %d %s", announced, resp.StatusCode, raw)
		}
	}
}
