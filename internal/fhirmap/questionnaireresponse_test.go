package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestQuestionnaireResponseToFHIR(t *testing.T) {
	c := careContext()
	c.SetRef("questionnaire", "3", "q-uuid")
	stored := `{"resourceType":"QuestionnaireResponse","questionnaire":"http://loinc.org/q/44249-1","status":"completed",` +
		`"item":[{"linkId":"/44250-9","text":"Little interest or pleasure in doing things?",` +
		`"answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA6569-3","display":"Several days"}}]},` +
		`{"linkId":"/44261-6","answer":[{"valueInteger":1}]}]}`
	row := func(v emr.Record) emr.Record {
		r := emr.Record{"uuid": "qr-uuid", "pid": "1", "encounter": "40", "creator_user_id": "5", "questionnaire_foreign_id": "3",
			"status": "completed", "create_time": "2025-03-04 10:15:00", "last_updated": "2025-03-04 10:15:00",
			"questionnaire_response": stored}
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
		{"completed PHQ-9", row(nil), []string{
			`"questionnaire":"https://h/apis/default/fhir/Questionnaire/q-uuid"`, `"status":"completed"`,
			`"subject":{"reference":"Patient/pat-uuid"}`, `"encounter":{"reference":"Encounter/enc-uuid"}`,
			`"authored":"2025-03-04T10:15:00Z"`, `"author":{"reference":"Practitioner/doc-uuid"}`,
			`"linkId":"/44250-9","text":"Little interest or pleasure in doing things?","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA6569-3"`,
			`{"linkId":"/44261-6","answer":[{"valueInteger":1}]}`, "us-core-questionnaireresponse|6.1.0",
		}, nil},
		{"in progress, no author", row(emr.Record{"status": "in-progress", "creator_user_id": ""}),
			[]string{`"status":"in-progress"`}, []string{`"author":`}},
		{"unknown status", row(emr.Record{"status": ""}), []string{`"status":"completed"`}, nil},
		{"questionnaire gone", row(emr.Record{"questionnaire_foreign_id": "9"}),
			[]string{`"questionnaire":"http://loinc.org/q/44249-1"`}, nil},
		{"nothing stored", row(emr.Record{"questionnaire_foreign_id": "", "questionnaire_response": "not json"}),
			[]string{`"_questionnaire":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}`},
			[]string{`"item"`}},
	} {
		checkFragments(t, tc.name, questionnaireResponseToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
