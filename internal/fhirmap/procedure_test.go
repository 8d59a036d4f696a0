package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestProcedureToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("practitioner", "5", "doc-uuid")
	c.SetRef("encounter", "77", "enc-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"surgery", emr.Record{"id": "s1", "source": "surgery", "pid": "1", "title": "Appendectomy", "codes": ";SNOMED-CT:80146002;",
			"status": "completed", "performed_at": "2001-07-04 00:00:00", "note": "Recorded from history", "last_updated": "2020-01-01 00:00:00"},
			[]string{`"status":"completed"`, `"system":"http://snomed.info/sct","code":"80146002"`, `"text":"Appendectomy"`,
				`"performedDateTime":"2001-07-04T00:00:00Z"`, `"reference":"Patient/pat-uuid"`, `"text":"Recorded from history"`,
				"us-core-procedure|6.1.0"},
			[]string{"performer", "encounter", "reasonCode"}},
		{"reported order", emr.Record{"id": "r1", "source": "order", "pid": "1", "title": "Chest X-ray", "codes": ";CPT4:71046;LOINC:36643-5;",
			"reasons": "ICD10:R05.9", "status": "completed", "performed_at": "2024-05-02", "performer": "5", "encounter": "77"},
			[]string{`"system":"http://www.ama-assn.org/go/cpt","code":"71046"`, `"system":"http://loinc.org","code":"36643-5"`,
				`"reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"R05.9"}]}]`,
				`"performedDateTime":"2024-05-02"`, `"reference":"Practitioner/doc-uuid"`, `"reference":"Encounter/enc-uuid"`},
			nil},
		{"undated surgery", emr.Record{"id": "s2", "pid": "1", "title": "", "codes": ";;", "status": "completed"},
			[]string{`"_performedDateTime":{"extension"`, `"code":"unknown"`}, nil},
		{"stopped order", emr.Record{"id": "r2", "pid": "1", "title": "MRI", "codes": ";", "status": "stopped"},
			[]string{`"status":"stopped"`}, []string{"performed"}},
	} {
		checkFragments(t, tc.name, procedureToFHIR(tc.rec, c), tc.want, tc.not)
	}
	if got := procedureStatusTokens("http://hl7.org/fhir/event-status", "completed", true); len(got) != 1 {
		t.Errorf("status: %v", got)
	}
	if got := procedureStatusTokens("urn:x", "completed", true); got != nil {
		t.Errorf("status in another system: %v", got)
	}
}
