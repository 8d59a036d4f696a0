package main

import (
	"net/url"
	"testing"
)

// TestFHIRWriteGranularScope: a token whose Observation scope is limited
// to one category (SMART App Launch 2 finer-grained scopes) creates
// Observations of that category only; another category is 403 and
// nothing is written.
func TestFHIRWriteGranularScope(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		lab := "patient/Observation.crs?category=" + url.QueryEscape("http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
		tok := e.Token("patient", "openid "+lab)
		count := func() any {
			return e.Do("GET", "/fhir/Observation?_summary=count&patient="+demoPatient(1), e.Admin, nil).Get("total")
		}
		before := count()
		if r := e.DoHeader("POST", "/fhir/Observation", tok, forPatient(newHeartRate, demoPatient(1)), fhirJSONHeader...); r.Status != 403 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("a vital sign with a laboratory-only scope: %d %s", r.Status, r.Body)
		}
		if after := count(); after != before {
			t.Errorf("the refused create changed the count from %v to %v", before, after)
		}
		r := e.DoHeader("POST", "/fhir/Observation", tok, forPatient(newLabResult, demoPatient(1)), fhirJSONHeader...).Want(t, 201)
		if r.Str("category", 0, "coding", 0, "code") != "laboratory" {
			t.Errorf("created: %s", r.Body)
		}
	})
}
