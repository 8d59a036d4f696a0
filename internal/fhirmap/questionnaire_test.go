package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestQuestionnaireToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	stored := `{"resourceType":"Questionnaire","url":"http://loinc.org/q/44249-1","name":"PHQ9","title":"PHQ-9","status":"active",` +
		`"code":[{"system":"http://loinc.org","code":"44249-1"}],"item":[{"linkId":"/44250-9","type":"choice"}]}`
	row := func(v emr.Record) emr.Record {
		r := emr.Record{"uuid": "q-uuid", "name": "PHQ-9 screen", "status": "active", "active": "1", "code": "44249-1",
			"code_display": "PHQ-9 panel", "last_updated": "2024-01-02 03:04:05", "questionnaire": stored}
		for k, x := range v {
			r[k] = x
		}
		return r
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"stored questionnaire", row(nil), []string{
			`"id":"q-uuid"`, `"lastUpdated":"2024-01-02T03:04:05Z"`, `"url":"https://h/apis/default/fhir/Questionnaire/q-uuid"`,
			`"name":"PHQ9"`, `"title":"PHQ-9 screen"`, `"status":"active"`, `"code":[{"system":"http://loinc.org","code":"44249-1"}]`,
			`"item":[{"linkId":"/44250-9","type":"choice"}]`,
		}, []string{"loinc.org/q/", "profile"}},
		{"inactive", row(emr.Record{"active": "0"}), []string{`"status":"retired"`}, nil},
		{"odd status", row(emr.Record{"status": "published"}), []string{`"status":"active"`}, nil},
		{"columns only", row(emr.Record{"questionnaire": "", "status": "draft"}), []string{
			`"status":"draft"`, `"code":[{"system":"http://loinc.org","code":"44249-1","display":"PHQ-9 panel"}]`,
		}, []string{"item"}},
	} {
		checkFragments(t, tc.name, questionnaireToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
