package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// stdPolicies are a patient's policies as the Standard API lists them.
func stdPolicies(t *testing.T, e *apiEnv, puuid string) (ids []string, r *Resp) {
	t.Helper()
	r = e.Do("GET", "/api/patient/"+puuid+"/insurance", e.Admin, nil).Want(t, 200)
	for i := 0; i < r.Len("data"); i++ {
		ids = append(ids, r.Str("data", i, "uuid"))
	}
	return ids, r
}

// TestFHIRCoverage: a patient's policies as US Core Coverage, searched by
// patient (US Core's one search), payor, type and status.
func TestFHIRCoverage(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me := demoPatient(1)
		mine, std := stdPolicies(t, e, me)
		if len(mine) == 0 {
			t.Fatal("demo patient 1 has no insurance")
		}
		mrWant(t, e, e.Admin, "Coverage?patient="+me, mine)
		mrWant(t, e, e.Admin, "Coverage?patient=Patient/"+me+"&status=active", mine)
		mrWant(t, e, e.Admin, "Coverage?patient="+me+"&status=cancelled", nil)

		r := e.Do("GET", "/fhir/Coverage/"+mine[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, want := range []string{"us-core-coverage|6.1.0", `"status":"active"`, `"beneficiary":{"reference":"Patient/` + me + `"}`,
			`"subscriberId":"` + std.Str("data", 0, "policy_number") + `"`, `"relationship":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/subscriber-relationship"`,
			`"period":{"start":"` + std.Str("data", 0, "date") + `"`, `"code":"plan"`} {
			if !strings.Contains(body, want) {
				t.Errorf("Coverage lacks %s: %s", want, body)
			}
		}
		// The payer is the insurance company's Organization.
		payor := r.Str("payor", 0, "reference")
		if payor != "Organization/"+std.Str("data", 0, "insureruuid") {
			t.Errorf("payor %q, insurer %q", payor, std.Str("data", 0, "insureruuid"))
		}
		org := e.Do("GET", "/fhir/"+payor, e.Admin, nil).Want(t, 200)
		if org.Str("name") != r.Str("payor", 0, "display") {
			t.Errorf("payor %s is %s", r.Str("payor", 0, "display"), org.Body)
		}
		ids, _ := fhirSearch(t, e, e.Admin, "Coverage?_count=1000&payor="+payor)
		if !strings.Contains(strings.Join(ids, ","), mine[0]) {
			t.Errorf("payor search misses %s: %v", mine[0], ids)
		}
		if code := r.Str("type", "coding", 0, "code"); code != "" {
			mrWant(t, e, e.Admin, "Coverage?patient="+me+"&type="+url.QueryEscape("https://nahdo.org/sopt|"+code), mine[:1])
		}
		mrUnknown(t, e, "Coverage")

		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if ids, _ := stdPolicies(t, e, demoPatient(n)); len(ids) > 0 {
				other = ids[0]
			}
		}
		mrCompartment(t, e, "patient/Coverage.rs", "Coverage", mine[0], other)
	})
}
