package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// TestFHIRDiagnosticReport reads lab reports as US Core DiagnosticReport
// for Laboratory Results Reporting and runs the US Core 6.1.0 searches
// (SHALL: patient, patient+category, patient+category+date, patient+code;
// SHOULD: patient+code+date, patient+status) on a demo patient.
func TestFHIRDiagnosticReport(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		n, p := obsLabPatient(t, e)
		me := demoPatient(n)
		q := url.QueryEscape
		search := func(query string) []string { return obsSearchAll(t, e, e.Admin, query) }
		var reports []string
		for _, r := range p.reports {
			reports = append(reports, r.Str("uuid"))
		}
		slices.Sort(reports)

		// Read: every report shows its results, which are the patient's
		// lab Observations.
		labs := obsIDs(p.labs)
		var first *Resp
		for _, id := range reports {
			r := e.Do("GET", "/fhir/DiagnosticReport/"+id, e.Admin, nil).Want(t, 200)
			var results []string
			for i := 0; i < r.Len("result"); i++ {
				ref := r.Str("result", i, "reference")
				results = append(results, strings.TrimPrefix(ref, "Observation/"))
				if !slices.Contains(labs, strings.TrimPrefix(ref, "Observation/")) {
					t.Errorf("%s: result %s is no lab Observation of the patient", id, ref)
				}
			}
			if want := p.reportResults[id]; !slices.Equal(results, want) {
				t.Errorf("%s: results %v, stored %v", id, results, want)
			}
			if first == nil {
				first = r
			}
		}
		emrtest.ValidateFHIR(t, first.Body)
		body := string(first.Body)
		for _, w := range []string{"us-core-diagnosticreport-lab|6.1.0", `"status":"final"`, `"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"`,
			`"system":"http://loinc.org"`, `"reference":"Patient/` + me + `"`, `"reference":"Encounter/`, `"effectiveDateTime":"`, `"issued":"`,
			`"performer":[{"reference":"Organization/`, `"display":"Commonwealth Reference Laboratory"`, `"basedOn":[{"reference":"ServiceRequest/`} {
			if !strings.Contains(body, w) {
				t.Errorf("report lacks %s: %s", w, body)
			}
		}
		// The ordered test is a ServiceRequest the server serves.
		if slices.ContainsFunc(fhirmap.All, func(m *fhirmap.Mapping) bool { return m.Type == "ServiceRequest" }) {
			e.Do("GET", "/fhir/"+first.Str("basedOn", 0, "reference"), e.Admin, nil).Want(t, 200)
		}
		obs := e.Do("GET", "/fhir/"+first.Str("result", 0, "reference"), e.Admin, nil).Want(t, 200)
		if obs.Str("resourceType") != "Observation" || obs.Str("category", 0, "coding", 0, "code") != "laboratory" {
			t.Errorf("a report's result: %s", obs.Body)
		}

		// Searches.
		obsSameIDs(t, "patient", search("DiagnosticReport?patient="+me+"&_count=2"), reports)
		obsSameIDs(t, "patient+category", search("DiagnosticReport?patient="+me+"&category=LAB"), reports)
		obsSameIDs(t, "category with system", search("DiagnosticReport?patient="+me+"&category="+q("http://terminology.hl7.org/CodeSystem/v2-0074|LAB")), reports)
		if ids := search("DiagnosticReport?patient=" + me + "&category=" + q("http://loinc.org|LP29684-5")); len(ids) != 0 {
			t.Errorf("a category of another system: %v", ids)
		}
		code, day := first.Str("code", "coding", 0, "code"), first.Str("effectiveDateTime")[:10]
		var withCode, onDay, codeOnDay []string
		for _, id := range reports {
			r := e.Do("GET", "/fhir/DiagnosticReport/"+id, e.Admin, nil)
			c, d := r.Str("code", "coding", 0, "code") == code, strings.HasPrefix(r.Str("effectiveDateTime"), day)
			if c {
				withCode = append(withCode, id)
			}
			if d {
				onDay = append(onDay, id)
			}
			if c && d {
				codeOnDay = append(codeOnDay, id)
			}
		}
		if want := orderedCodes(t, e, p); !slices.Contains(want, code) {
			t.Errorf("report code %s is none of the ordered codes %v", code, want)
		}
		obsSameIDs(t, "patient+code", search("DiagnosticReport?patient="+me+"&code="+q("http://loinc.org|"+code)), withCode)
		obsSameIDs(t, "patient+category+date", search("DiagnosticReport?patient="+me+"&category=LAB&date="+day), onDay)
		obsSameIDs(t, "patient+code+date", search("DiagnosticReport?patient="+me+"&code="+code+"&date=ge"+day), codeOnDay)
		obsSameIDs(t, "patient+status", search("DiagnosticReport?patient="+me+"&status=final"), reports)
		if ids := search("DiagnosticReport?patient=" + me + "&status=preliminary"); len(ids) != 0 {
			t.Errorf("preliminary reports: %v", ids)
		}

		// A patient token sees its own reports only.
		phil := e.Token("patient", "openid patient/DiagnosticReport.rs")
		mine := obsSearchAll(t, e, e.Admin, "DiagnosticReport?patient="+demoPatient(1))
		obsSameIDs(t, "patient token", obsSearchAll(t, e, phil, "DiagnosticReport"), mine)
		other := observationsOf(t, e, 2)
		if len(other.reports) == 0 {
			t.Fatal("demo patient 2 has no reports")
		}
		if r := e.Do("GET", "/fhir/DiagnosticReport/"+other.reports[0].Str("uuid"), phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("another patient's report: %d %s", r.Status, r.Body)
		}
		if ids := obsSearchAll(t, e, phil, "DiagnosticReport?patient="+demoPatient(2)); len(ids) != 0 {
			t.Errorf("another patient's reports by search: %v", ids)
		}
		if r := e.Do("GET", "/fhir/DiagnosticReport/00000000-0000-0000-0000-000000000000", e.Admin, nil); r.Status != 404 || r.Str("issue", 0, "code") != "not-found" {
			t.Errorf("unknown id: %d %s", r.Status, r.Body)
		}
	})
}

// orderedCodes are the procedure codes of the patient's orders.
func orderedCodes(t *testing.T, e *apiEnv, p *patientObservations) []string {
	var ids []string
	for _, r := range p.reports {
		ids = append(ids, r.Str("procedure_order_id"))
	}
	var out []string
	for _, c := range obsStoreList(t, e, resource.ProcedureCode, emr.Cond{Field: "procedure_order_id", Match: emr.In, Value: ids}) {
		out = append(out, c.Str("procedure_code"))
	}
	return out
}
