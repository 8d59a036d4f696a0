package fhirmap

import (
	"testing"
)

const docBase = `"resourceType":"DocumentReference","status":"current",
 "type":{"coding":[{"system":"http://loinc.org","code":"18842-5","display":"Discharge summary"}]},
 "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category","code":"clinical-note"}]}],
 "subject":{"reference":"Patient/p1"}`

func TestDocumentReferenceFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"inline", `{` + docBase + `,"date":"2024-05-01T10:00:00-04:00","author":[{"reference":"Practitioner/d1"},{"reference":"Organization/f1"}],
		  "content":[{"attachment":{"contentType":"text/plain","data":"aGVsbG8=","hash":"qvTGHdzF6KLavt4PO0gs2a6pQ00=","title":"summary.txt"}}],
		  "context":{"encounter":[{"reference":"Encounter/e1"}],"period":{"start":"2024-04-30T23:00:00-04:00"}}}`,
			map[string]any{"foreign_id": "7", "loinc": "18842-5", "type_title": "Discharge summary", "clinical": "1", "date": "2024-05-01 14:00:00",
				"owner": "3", "encounter_id": "40", "docdate": "2024-04-30", "mimetype": "text/plain", "name": "summary.txt"}, ""},
		{"by url, unknown type, not a note", `{"resourceType":"DocumentReference","status":"current","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"UNK"}]},
		  "subject":{"reference":"Patient/p1"},"content":[{"attachment":{"url":"https://ehr.example/fhir/Binary/doc1"}}]}`,
			map[string]any{"loinc": "", "clinical": "", "from": "doc1", "name": "document", "mimetype": "", "owner": "", "date": ""}, ""},
		{"superseded", `{"resourceType":"DocumentReference","status":"superseded","type":{"text":"x"},"subject":{"reference":"Patient/p1"}}`, nil, "DocumentReference.status"},
		{"no type", `{"resourceType":"DocumentReference","status":"current","subject":{"reference":"Patient/p1"},"content":[{"attachment":{"data":"aGVsbG8="}}]}`, nil, "DocumentReference.type"},
		{"type of another system", `{"resourceType":"DocumentReference","status":"current","type":{"coding":[{"system":"urn:x","code":"1"}]},"subject":{"reference":"Patient/p1"},"content":[{"attachment":{"data":"aGVsbG8="}}]}`, nil, "DocumentReference.type"},
		{"no subject", `{"resourceType":"DocumentReference","status":"current","type":{"text":"x"},"content":[{"attachment":{"data":"aGVsbG8="}}]}`, nil, "DocumentReference.subject"},
		{"two attachments", `{` + docBase + `,"content":[{"attachment":{"data":"aGVsbG8="}},{"attachment":{"data":"aGVsbG8="}}]}`, nil, "DocumentReference.content"},
		{"no bytes", `{` + docBase + `,"content":[{"attachment":{"contentType":"text/plain"}}]}`, nil, "DocumentReference.content.attachment"},
		{"bad base64", `{` + docBase + `,"content":[{"attachment":{"data":"@@@"}}]}`, nil, "DocumentReference.content.attachment.data"},
		{"wrong hash", `{` + docBase + `,"content":[{"attachment":{"data":"aGVsbG8=","hash":"AAAAAAAAAAAAAAAAAAAAAAAAAAA="}}]}`, nil, "DocumentReference.content.attachment.hash"},
		{"external url", `{` + docBase + `,"content":[{"attachment":{"url":"https://elsewhere.example/notes/1.pdf"}}]}`, nil, "DocumentReference.content.attachment.url"},
		{"another patient's binary", `{` + docBase + `,"content":[{"attachment":{"url":"Binary/doc2"}}]}`, nil, "DocumentReference.content.attachment.url"},
		{"another patient's encounter", `{` + docBase + `,"content":[{"attachment":{"data":"aGVsbG8="}}],"context":{"encounter":[{"reference":"Encounter/e2"}]}}`, nil, "DocumentReference.context.encounter"},
		{"two practitioners", `{` + docBase + `,"author":[{"reference":"Practitioner/d1"},{"reference":"Practitioner/d2"}],"content":[{"attachment":{"data":"aGVsbG8="}}]}`, nil, "DocumentReference.author"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := documentReferenceFromFHIR(fromJSON(t, tc.body), careWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
			if tc.name == "inline" && string(got["content"].([]byte)) != "hello" {
				t.Errorf("content %q", got["content"])
			}
		})
	}
}
