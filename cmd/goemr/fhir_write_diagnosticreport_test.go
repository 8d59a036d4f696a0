package main

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/resource"
)

const newLabReport = `{"resourceType":"DiagnosticReport","status":"final",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],
 "code":{"coding":[{"system":"http://loinc.org","code":"24323-8"}],"text":"Comprehensive metabolic panel"},
 "subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2021-06-01T08:00:00Z","issued":"2021-06-02T10:00:00Z",
 "conclusion":"Within normal limits"}`

// addLab records a laboratory (procedure_providers) with uuid id.
func addLab(t *testing.T, e *apiEnv, id, name string) {
	t.Helper()
	err := e.Store.Write(context.Background(), func(w resource.Writer) error {
		_, err := w.Insert(context.Background(), resource.LabProvider, map[string]any{"uuid": id, "name": name})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFHIRDiagnosticReportWrite: a laboratory report is created and
// updated as OpenEMR's procedure report of an ordered test, which the
// Standard API's procedure orders list.
func TestFHIRDiagnosticReportWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		id := runWriteCase(t, e, writeCase{
			typ: "DiagnosticReport", body: newLabReport,
			check: func(t *testing.T, r *Resp) {
				sameClinicalContent(t, "report", forPatient(newLabReport, demoPatient(2)), r)
			},
			update: [2]string{`"status":"final"`, `"status":"amended"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "amended", "code.coding.0.code": "24323-8", "conclusion": "Within normal limits"})
			},
			bad: map[string]string{
				"radiology":      strings.Replace(newLabReport, `"code":"LAB"`, `"code":"RAD"`, 1),
				"a document":     strings.Replace(newLabReport, `"conclusion"`, `"presentedForm":[{"contentType":"text/plain","data":"eA=="}],"conclusion"`, 1),
				"a local code":   strings.Replace(newLabReport, `"system":"http://loinc.org","code":"24323-8"`, `"system":"urn:local","code":"CMP"`, 1),
				"a radiologist":  strings.Replace(newLabReport, `"conclusion"`, `"performer":[{"reference":"Practitioner/x"}],"conclusion"`, 1),
				"unknown lab":    strings.Replace(newLabReport, `"conclusion"`, `"performer":[{"reference":"Organization/nothing"}],"conclusion"`, 1),
				"unknown result": strings.Replace(newLabReport, `"conclusion"`, `"result":[{"reference":"Observation/nothing"}],"conclusion"`, 1),
				"a vital as a result": strings.Replace(newLabReport, `"conclusion"`,
					`"result":[{"reference":"Observation/`+postFHIR(t, e, "Observation", forPatient(newHeartRate, demoPatient(2)))+`"}],"conclusion"`, 1),
			},
		})
		// The Standard API lists it under its order, as OpenEMR's
		// procedure report of the ordered test.
		dr := e.Do("GET", "/fhir/DiagnosticReport/"+id, e.Admin, nil).Want(t, 200)
		order := strings.TrimPrefix(dr.Str("basedOn", 0, "reference"), "ServiceRequest/")
		order = order[:strings.LastIndexByte(order, '-')]
		std := e.Do("GET", "/api/procedure/"+order, e.Admin, nil).Want(t, 200)
		if std.Str("data", "reports", 0, "uuid") != id || std.Str("data", "code") != "24323-8" || std.Str("data", "patient", "uuid") != demoPatient(2) {
			t.Errorf("the Standard API's order of DiagnosticReport/%s: %s", id, std.Body)
		}
	})
}

// labExamples are US Core's laboratory result examples, by the report
// (also an example) that lists them.
var labExamples = map[string][]string{
	"DiagnosticReport-cbc.json": {"cbc-leukocytes", "cbc-erythrocytes", "cbc-hemoglobin", "cbc-hematocrit", "cbc-mcv", "cbc-mch",
		"cbc-mchc", "cbc-platelets"},
	"DiagnosticReport-metabolic-panel.json": {"serum-total-bilirubin", "serum-sodium", "serum-potassium", "serum-creatinine",
		"serum-co2", "serum-chloride", "serum-calcium", "serum-bun", "serum-glucose"},
}

// TestFHIRDiagnosticReportExamples: US Core's laboratory results and the
// reports listing them round-trip; a report claims the results written
// before it, which keep what they said, and the holders those results were
// kept under are no reports.
func TestFHIRDiagnosticReportExamples(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const lab = "0b5d7a3e-1f0a-4c55-9a43-acme00000001"
		addLab(t, e, lab, "Acme Laboratory, Inc")
		patient := demoPatient(3)
		count := func() string {
			return e.Do("GET", "/fhir/DiagnosticReport?_summary=count&patient="+patient, e.Admin, nil).Want(t, 200).Str("total")
		}
		for report, results := range labExamples {
			sent, before := map[string]string{}, count()
			body := usCoreExample(t, report, patient)
			body = strings.ReplaceAll(body, `"Organization/acme-lab"`, `"Organization/`+lab+`"`)
			for _, name := range results {
				obs := usCoreExample(t, "Observation-"+name+".json", patient)
				id := postFHIR(t, e, "Observation", obs)
				sameClinicalContent(t, name, obs, e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200))
				sent[id] = obs
				body = strings.ReplaceAll(body, `"Observation/`+name+`"`, `"Observation/`+id+`"`)
			}
			if got := count(); got != before {
				t.Errorf("results written alone make %s DiagnosticReports of %s", got, before)
			}
			id := postFHIR(t, e, "DiagnosticReport", body)
			got := e.Do("GET", "/fhir/DiagnosticReport/"+id, e.Admin, nil).Want(t, 200)
			sameClinicalContent(t, report, body, got)
			if got.Str("performer", 0, "reference") != "Organization/"+lab {
				t.Errorf("%s performer: %s", report, got.Body)
			}
			// The results say what they said: a report's time does not
			// become theirs (the metabolic panel's results are of later
			// days than the panel).
			for rid, obs := range sent {
				sameClinicalContent(t, rid, obs, e.Do("GET", "/fhir/Observation/"+rid, e.Admin, nil).Want(t, 200), "issued")
			}
		}
		if got := count(); got != "2" {
			t.Errorf("%s DiagnosticReports, want the 2 written", got)
		}
	})
}

// TestFHIRDiagnosticReportResults: a report takes the results it names
// from where they are kept, refuses another report's, and an update
// changes them: a result it no longer names is kept, alone again.
func TestFHIRDiagnosticReportResults(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		patient := demoPatient(2)
		var results []string
		for _, v := range []string{"92", "140", "4.1"} {
			results = append(results, postFHIR(t, e, "Observation", forPatient(strings.Replace(newLabResult, `"value":92`, `"value":`+v, 1), patient)))
		}
		withResults := func(body string, ids ...string) string {
			var refs []string
			for _, id := range ids {
				refs = append(refs, `{"reference":"Observation/`+id+`"}`)
			}
			return strings.Replace(forPatient(body, patient), `"conclusion"`, `"result":[`+strings.Join(refs, ",")+`],"conclusion"`, 1)
		}
		a := postFHIR(t, e, "DiagnosticReport", withResults(newLabReport, results[0], results[1]))
		if r := e.DoHeader("POST", "/fhir/DiagnosticReport", e.Admin, withResults(newLabReport, results[1]), fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a report taking another report's result: %d %s", r.Status, r.Body)
		}
		body := strings.Replace(withResults(newLabReport, results[0], results[2]), `{"resourceType":"DiagnosticReport",`, `{"resourceType":"DiagnosticReport","id":"`+a+`",`, 1)
		e.DoHeader("PUT", "/fhir/DiagnosticReport/"+a, e.Admin, body, append([]string{"If-Match", `W/"1"`}, fhirJSONHeader...)...).Want(t, 200)
		got := e.Do("GET", "/fhir/DiagnosticReport/"+a, e.Admin, nil).Want(t, 200)
		if got.Len("result") != 2 || got.Str("result", 0, "reference") != "Observation/"+results[0] ||
			got.Str("result", 1, "reference") != "Observation/"+results[2] || got.Str("meta", "versionId") != "2" {
			t.Errorf("updated report: %s", got.Body)
		}
		for i, id := range results {
			r := e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
			sameClinicalContent(t, id, forPatient(strings.Replace(newLabResult, `"value":92`, `"value":`+[]string{"92", "140", "4.1"}[i], 1), patient), r)
		}
		if n := e.Do("GET", "/fhir/DiagnosticReport?_summary=count&patient="+patient, e.Admin, nil).Want(t, 200).Str("total"); n != "1" {
			t.Errorf("%s DiagnosticReports, want 1", n)
		}
	})
}
