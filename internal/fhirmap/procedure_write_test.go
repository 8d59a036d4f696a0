package fhirmap

import "testing"

func TestProcedureFromFHIR(t *testing.T) {
	const base = `"subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"430193006","display":"Medication Reconciliation (procedure)"}]}`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"period, notes", `{"resourceType":"Procedure","status":"completed",` + base + `,"performedPeriod":{"start":"2020-04-19T06:41:36-04:00","end":"2020-04-19T06:56:36-04:00"},"reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J02.9"}]}],"note":[{"text":"done"}]}`,
			map[string]any{"pid": "7", "report_status": "final", "procedure_code": "SNOMED-CT:430193006", "procedure_name": "Medication Reconciliation (procedure)",
				"date_collected": "2020-04-19 10:41:36", "date_end": "2020-04-19 10:56:36", "diagnoses": "ICD10:J02.9", "report_notes": "done",
				"encounter_id": "", "provider_id": ""}, ""},
		{"CPT and ICD-10-PCS, a day", `{"resourceType":"Procedure","status":"in-progress","subject":{"reference":"Patient/p1"},"code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"33249"},{"system":"http://www.cms.gov/Medicare/Coding/ICD10","code":"HZ30ZZZ"}],"text":"Insertion"},"performedDateTime":"2002-05-23"}`,
			map[string]any{"report_status": "prelim", "procedure_code": "CPT4:33249;ICD10-PCS:HZ30ZZZ", "procedure_name": "Insertion", "date_collected": "2002-05-23", "date_end": ""}, ""},
		{"stopped without a time", `{"resourceType":"Procedure","status":"stopped",` + base + `}`, map[string]any{"report_status": "cancel", "date_collected": ""}, ""},
		{"completed without a time", `{"resourceType":"Procedure","status":"completed",` + base + `}`, nil, "Procedure.performed[x]"},
		{"not done", `{"resourceType":"Procedure","status":"not-done",` + base + `}`, nil, "Procedure.status"},
		{"no code", `{"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/p1"},"performedDateTime":"2002-05-23"}`, nil, "Procedure.code"},
		{"no subject", `{"resourceType":"Procedure","status":"completed","code":{"text":"x"},"performedDateTime":"2002-05-23"}`, nil, "Procedure.subject"},
		{"performed as text", `{"resourceType":"Procedure","status":"completed",` + base + `,"performedString":"last year"}`, nil, "Procedure.performed[x]"},
		{"period without a start", `{"resourceType":"Procedure","status":"completed",` + base + `,"performedPeriod":{"end":"2020-04-19"}}`, nil, "Procedure.performedPeriod.start"},
		{"two performers", `{"resourceType":"Procedure","status":"completed",` + base + `,"performedDateTime":"2002-05-23","performer":[{"actor":{"reference":"Practitioner/a"}},{"actor":{"reference":"Practitioner/b"}}]}`, nil, "Procedure.performer"},
		{"unknown reason", `{"resourceType":"Procedure","status":"completed",` + base + `,"performedDateTime":"2002-05-23","reasonReference":[{"reference":"Condition/c9"}]}`, nil, "Procedure.reasonReference"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := procedureFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

func TestProcedureFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "Procedure", procedureFromFHIR) {
		if v["procedure_code"] == "" || v["date_collected"] == "" || v["date_end"] == "" || v["encounter_id"] != "1" {
			t.Errorf("a Synthea procedure lost its code, period or encounter: %v", v)
		}
	}
}
