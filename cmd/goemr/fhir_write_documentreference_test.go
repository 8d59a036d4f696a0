package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

const newDocumentReference = `{"resourceType":"DocumentReference","status":"current",
 "type":{"coding":[{"system":"http://loinc.org","code":"11506-3","display":"Progress note"}]},
 "category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category","code":"clinical-note"}]}],
 "subject":{"reference":"Patient/PATIENT"},"date":"2024-06-01T12:00:00Z",
 "content":[{"attachment":{"contentType":"text/plain","data":"UHJvZ3Jlc3Mgbm90ZSwgdmVyc2lvbiAx","title":"progress.txt"}}],
 "context":{"period":{"start":"2024-05-31"}}}`

// TestFHIRDocumentReferenceWrite: DocumentReference create and update
// store the document as the Standard API's upload does (row, bytes,
// SHA-256, category of its type): it downloads byte-exact through Binary
// and the Standard API; the official examples round-trip.
func TestFHIRDocumentReferenceWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		id := runWriteCase(t, e, writeCase{
			typ: "DocumentReference", body: newDocumentReference,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"status": "current", "type.coding.0.system": "http://loinc.org", "type.coding.0.code": "11506-3",
					"category.0.coding.0.code": "clinical-note", "subject.reference": "Patient/" + demoPatient(2),
					"date": "2024-06-01T12:00:00Z", "content.0.attachment.contentType": "text/plain",
					"content.0.attachment.title": "progress.txt", "context.period.start": "2024-05-31",
				})
			},
			update: [2]string{"UHJvZ3Jlc3Mgbm90ZSwgdmVyc2lvbiAx", base64.StdEncoding.EncodeToString([]byte("Progress note, version 2"))},
			updated: func(t *testing.T, r *Resp) {
				wantDocument(t, e, r.Str("id"), []byte("Progress note, version 2"))
			},
			bad: map[string]string{
				"no type":          strings.Replace(newDocumentReference, `"type":{"coding":[{"system":"http://loinc.org","code":"11506-3","display":"Progress note"}]},`, "", 1),
				"superseded":       strings.Replace(newDocumentReference, `"status":"current"`, `"status":"superseded"`, 1),
				"external url":     strings.Replace(newDocumentReference, `"data":"UHJvZ3Jlc3Mgbm90ZSwgdmVyc2lvbiAx"`, `"url":"https://elsewhere.example/note.txt"`, 1),
				"not base64":       strings.Replace(newDocumentReference, `"UHJvZ3Jlc3Mgbm90ZSwgdmVyc2lvbiAx"`, `"%%%"`, 1),
				"two attachments":  strings.Replace(newDocumentReference, `"content":[`, `"content":[{"attachment":{"data":"eA=="}},`, 1),
				"unknown category": strings.Replace(strings.Replace(newDocumentReference, `"code":"clinical-note"`, `"code":"x"`, 1), `"system":"http://loinc.org","code":"11506-3"`, `"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"XX"`, 1),
			},
		})
		// The bytes of the update, and a type no category had: filed under
		// a new category of Medical Record, which the Standard API lists.
		wantDocument(t, e, id, []byte("Progress note, version 2"))
		doc := storedDocument(t, e, id)
		list := e.Do("GET", "/api/patient/"+doc.Str("foreign_id")+"/document?path=/Medical%20Record/Progress%20note", e.Admin, nil).Want(t, 200)
		if !strings.Contains(string(list.Body), `"id":"`+doc.Str("id")+`"`) {
			t.Errorf("the Standard API does not list %s under its type's category: %s", id, list.Body)
		}

		// The official examples: a discharge summary with its bytes inline
		// and an encounter; an episode summary whose bytes are at a Binary
		// of this server (the discharge summary's).
		p3 := demoPatient(3)
		enc := fhirIDs(e, "Encounter?patient="+p3+"&_count=1")[0]
		body := strings.ReplaceAll(usCoreExample(t, "DocumentReference-discharge-summary.json", p3), "Encounter/example-1", "Encounter/"+enc)
		var ex struct {
			Content []struct{ Attachment struct{ Data []byte } }
		}
		if err := json.Unmarshal([]byte(body), &ex); err != nil {
			t.Fatal(err)
		}
		r := e.DoHeader("POST", "/fhir/DocumentReference", e.Admin, body, fhirJSONHeader...).Want(t, 201)
		summary := r.Str("id")
		checkPaths(t, e.Do("GET", "/fhir/DocumentReference/"+summary, e.Admin, nil).Want(t, 200), map[string]string{
			"type.coding.0.code": "18842-5", "category.0.coding.0.code": "clinical-note", "subject.reference": "Patient/" + p3,
			"content.0.attachment.contentType": "text/plain", "context.encounter.0.reference": "Encounter/" + enc,
		})
		wantDocument(t, e, summary, ex.Content[0].Attachment.Data)

		body = strings.NewReplacer("/Binary/1-note", "/Binary/"+summary,
			"Practitioner/practitioner-1", "Practitioner/"+demo.ID("practitioner", 1)).Replace(usCoreExample(t, "DocumentReference-episode-summary.json", p3))
		r = e.DoHeader("POST", "/fhir/DocumentReference", e.Admin, body, fhirJSONHeader...).Want(t, 201)
		checkPaths(t, e.Do("GET", "/fhir/DocumentReference/"+r.Str("id"), e.Admin, nil).Want(t, 200), map[string]string{
			"type.coding.0.code": "34133-9", "category.0.coding.0.code": "clinical-note", "date": "2016-03-09T15:29:46Z",
			"author.0.reference": "Practitioner/" + demo.ID("practitioner", 1), "context.period.start": "2004-12-23",
		})
		wantDocument(t, e, r.Str("id"), ex.Content[0].Attachment.Data)

		// An update naming the document's own Binary keeps its bytes.
		var dis map[string]any
		if err := json.Unmarshal([]byte(strings.ReplaceAll(usCoreExample(t, "DocumentReference-discharge-summary.json", p3), "Encounter/example-1", "Encounter/"+enc)), &dis); err != nil {
			t.Fatal(err)
		}
		dis["id"], dis["content"] = summary, []any{map[string]any{"attachment": map[string]any{"contentType": "text/plain", "url": "Binary/" + summary}}}
		put, _ := json.Marshal(dis)
		r = e.DoHeader("PUT", "/fhir/DocumentReference/"+summary, e.Admin, string(put), append([]string{"If-Match", `W/"1"`}, fhirJSONHeader...)...).Want(t, 200)
		if r.Str("meta", "versionId") != "2" {
			t.Errorf("update by its own Binary: %s", r.Body)
		}
		wantDocument(t, e, summary, ex.Content[0].Attachment.Data)

		// Another patient's Binary cannot be linked.
		other := strings.ReplaceAll(body, `"Patient/`+p3+`"`, `"Patient/`+demoPatient(4)+`"`)
		if r := e.DoHeader("POST", "/fhir/DocumentReference", e.Admin, other, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("linking another patient's document: %d %s", r.Status, r.Body)
		}
	})
}

// storedDocument is the documents row of a DocumentReference.
func storedDocument(t *testing.T, e *apiEnv, id string) emr.Record {
	t.Helper()
	doc, err := e.Store.Get(context.Background(), resource.Document, emr.Eq("uuid", id))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// wantDocument checks that document id downloads as want, exactly, from
// FHIR's Binary and the Standard API.
func wantDocument(t *testing.T, e *apiEnv, id string, want []byte) {
	t.Helper()
	doc := storedDocument(t, e, id)
	for _, path := range []string{"/fhir/Binary/" + id, "/api/patient/" + doc.Str("foreign_id") + "/document/" + doc.Str("id")} {
		r := e.DoHeader("GET", path, e.Admin, nil, "Accept", "*/*").Want(t, 200)
		if !bytes.Equal(r.Body, want) {
			t.Errorf("%s: %q, want %q", path, r.Body, want)
		}
	}
}
