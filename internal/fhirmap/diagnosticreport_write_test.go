package fhirmap

import "testing"

func TestReportFromFHIR(t *testing.T) {
	const head = `{"resourceType":"DiagnosticReport","status":"final","subject":{"reference":"Patient/p1"},` +
		`"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"full", head + `"code":{"coding":[{"system":"http://loinc.org","code":"58410-2","display":"CBC panel"}]},"encounter":{"reference":"Encounter/e1"},"effectiveDateTime":"2005-07-05","issued":"2005-07-06T11:45:33+11:00","performer":[{"reference":"Organization/lab9","display":"Acme"}],"result":[{"reference":"Observation/lab1"}],"conclusion":"normal"}`,
			map[string]any{"pid": "7", "encounter": "40", "procedure_code": "58410-2", "procedure_name": "CBC panel", "report_status": "final",
				"date_collected": "2005-07-05", "date_report": "2005-07-06 00:45:33", "lab_uuid": "lab9", "results": "lab1", "report_notes": "normal"}, ""},
		{"preliminary, text only", `{"resourceType":"DiagnosticReport","status":"preliminary","subject":{"reference":"Patient/p1"},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],"code":{"text":"Send-out panel"}}`,
			map[string]any{"procedure_code": "", "procedure_name": "Send-out panel", "report_status": "prelim", "results": "", "lab_uuid": ""}, ""},
		{"a performer named only", head + `"code":{"text":"x"},"performer":[{"display":"Acme"}]}`, map[string]any{"lab_uuid": ""}, ""},
		{"radiology", `{"resourceType":"DiagnosticReport","status":"final","subject":{"reference":"Patient/p1"},"category":[{"coding":[{"system":"http://loinc.org","code":"LP29684-5"}]}],"code":{"text":"x"}}`, nil, "DiagnosticReport.category"},
		{"a vital as a result", head + `"code":{"text":"x"},"result":[{"reference":"Observation/v1-hr"}]}`, nil, "DiagnosticReport.result"},
		{"an unknown result", head + `"code":{"text":"x"},"result":[{"reference":"Observation/nothing"}]}`, nil, "DiagnosticReport.result"},
		{"a practitioner performing", head + `"code":{"text":"x"},"performer":[{"reference":"Practitioner/dr1"}]}`, nil, "DiagnosticReport.performer"},
		{"two labs", head + `"code":{"text":"x"},"performer":[{"reference":"Organization/a"},{"reference":"Organization/b"}]}`, nil, "DiagnosticReport.performer"},
		{"a local code", head + `"code":{"coding":[{"system":"urn:local","code":"CBC"}]}}`, nil, "DiagnosticReport.code"},
		{"a document", head + `"code":{"text":"x"},"presentedForm":[{"contentType":"text/plain","data":"eA=="}]}`, nil, "DiagnosticReport.presentedForm"},
		{"coded conclusion", head + `"code":{"text":"x"},"conclusionCode":[{"text":"normal"}]}`, nil, "DiagnosticReport.conclusionCode"},
		{"a period", head + `"code":{"text":"x"},"effectivePeriod":{"start":"2020-01-01","end":"2020-01-03"}}`, nil, "DiagnosticReport.effectivePeriod"},
		{"no subject", `{"resourceType":"DiagnosticReport","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],"code":{"text":"x"}}`, nil, "DiagnosticReport.subject"},
		{"a status of no report", `{"resourceType":"DiagnosticReport","status":"done","subject":{"reference":"Patient/p1"},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],"code":{"text":"x"}}`, nil, "DiagnosticReport.status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reportFromFHIR(fromJSON(t, tc.body), obsWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}
