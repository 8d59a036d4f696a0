package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestReportToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("encounter", "5", "enc-uuid")
	c.SetRef("director", "3", "dir-uuid")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"final CBC", emr.Record{"id": "rep1", "pid": "1", "category": "LAB", "code": "58410-2", "code_text": "CBC panel", "status": "final",
			"date": "2025-03-04 10:51:12", "issued": "2025-03-05 10:51:12", "encounter": "5", "lab_uuid": "lab-uuid", "lab_name": "Reference Lab",
			"lab_director": "3", "results": "r1,r2", "request": "ord-1", "conclusion": "Unremarkable", "last_updated": "2025-03-05 10:51:12"},
			[]string{"us-core-diagnosticreport-lab|6.1.0", `"status":"final"`, `"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"`,
				`"system":"http://loinc.org","code":"58410-2","display":"CBC panel"`, `"reference":"Patient/pat-uuid"`, `"reference":"Encounter/enc-uuid"`,
				`"effectiveDateTime":"2025-03-04T10:51:12Z"`, `"issued":"2025-03-05T10:51:12Z"`,
				`"performer":[{"reference":"Organization/lab-uuid","display":"Reference Lab"},{"reference":"Practitioner/dir-uuid"}]`,
				`"result":[{"reference":"Observation/r1"},{"reference":"Observation/r2"}]`, `"conclusion":"Unremarkable"`, `"basedOn":[{"reference":"ServiceRequest/ord-1"}]`}, nil},
		{"reviewed, no times, no lab, no results", emr.Record{"id": "rep2", "pid": "1", "category": "LAB", "code": "", "status": "review"},
			[]string{`"status":"final"`, `"_effectiveDateTime":{"extension"`, `"_issued":{"extension"`, `"code":"unknown"`},
			[]string{"performer", "result", "encounter", "basedOn"}},
		{"preliminary, unknown director", emr.Record{"id": "rep3", "pid": "1", "status": "prelim", "lab_director": "99", "date": "2025-03-04"},
			[]string{`"status":"preliminary"`, `"effectiveDateTime":"2025-03-04"`}, []string{"Practitioner/"}},
		{"no status", emr.Record{"id": "rep4", "pid": "1"}, []string{`"status":"unknown"`}, nil},
	} {
		checkFragments(t, tc.name, reportToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestReportTokens(t *testing.T) {
	for _, tc := range []struct {
		name      string
		fn        func(string, string, bool) []emr.Cond
		sys, code string
		has       bool
		n         int
	}{
		{"category", reportCategory, systemDiagnosticSection, "LAB", true, 1},
		{"category of another system", reportCategory, systemObservationCategory, "LAB", true, 0},
		{"code", tokenOfLOINC, systemLOINC, "58410-2", true, 1},
		{"code of another system", tokenOfLOINC, systemSNOMED, "58410-2", true, 0},
		{"status final", reportStatusTokens, "", "final", false, 3},
		{"status registered", reportStatusTokens, "", "registered", false, 1},
		{"status unknown", reportStatusTokens, "", "unknown", false, 1},
	} {
		if got := tc.fn(tc.sys, tc.code, tc.has); len(got) != tc.n {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}
