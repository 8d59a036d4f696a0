package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// storedDocuments are a patient's live documents as the store holds them.
func storedDocuments(t *testing.T, e *apiEnv, pid string) []emr.Record {
	t.Helper()
	recs, err := e.Store.List(context.Background(), resource.Document, emr.Query{Where: []emr.Cond{emr.Eq("foreign_id", pid)}})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func docIDs(recs []emr.Record, keep func(emr.Record) bool) []string {
	var out []string
	for _, r := range recs {
		if keep == nil || keep(r) {
			out = append(out, r.Str("uuid"))
		}
	}
	return out
}

// TestFHIRDocumentReference runs the US Core 6.1.0 DocumentReference
// searches (_id, patient, +type, +category, +category+date, +status,
// +type+period) over a demo patient's documents and one filed through the
// Standard API, and checks the attachment points at Binary.
func TestFHIRDocumentReference(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		var n int
		var docs []emr.Record
		for n = 1; n <= 22 && len(docs) == 0; n++ {
			docs = storedDocuments(t, e, e.Do("GET", "/api/patient/"+demoPatient(n), e.Admin, nil).Want(t, 200).Str("data", "pid"))
		}
		if len(docs) == 0 {
			t.Fatal("no demo patient has documents")
		}
		n--
		puuid := demoPatient(n)
		pid := docs[0].Str("foreign_id")
		q := url.QueryEscape
		base := "DocumentReference?_count=1000&patient=" + puuid
		// The demo files visit summaries under /Medical Record: clinical
		// notes of no known LOINC type.
		mrWant(t, e, e.Admin, base, docIDs(docs, nil))
		mrWant(t, e, e.Admin, "DocumentReference?_id="+docs[0].Str("uuid"), docIDs(docs[:1], nil))
		mrWant(t, e, e.Admin, base+"&category=clinical-note", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&category="+q("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category|clinical-note"), docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&type="+q("http://terminology.hl7.org/CodeSystem/v3-NullFlavor|UNK"), docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&type="+q("http://loinc.org|11506-3"), nil)
		mrWant(t, e, e.Admin, base+"&status=current", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&status=entered-in-error", nil)
		day, docday := docs[0].Str("date")[:10], docs[0].Str("docdate")
		mrWant(t, e, e.Admin, base+"&category=clinical-note&date="+day, docIDs(docs, func(r emr.Record) bool { return r.Str("date")[:10] == day }))
		mrWant(t, e, e.Admin, base+"&category=clinical-note&date=lt"+day, docIDs(docs, func(r emr.Record) bool { return r.Str("date")[:10] < day }))
		mrWant(t, e, e.Admin, base+"&type=UNK&period="+docday, docIDs(docs, func(r emr.Record) bool { return r.Str("docdate") == docday }))

		id := docs[0].Str("uuid")
		r := e.Do("GET", "/fhir/DocumentReference/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, want := range []string{"us-core-documentreference|6.1.0", `"status":"current"`, `"code":"clinical-note"`,
			`"subject":{"reference":"Patient/` + puuid + `"}`, `"url":"` + e.URL + `/apis/default/fhir/Binary/` + id + `"`,
			`"contentType":"` + docs[0].Str("mimetype") + `"`, `"custodian":{"reference":"Organization/`, `"author":[{"reference":"`} {
			if !strings.Contains(body, want) {
				t.Errorf("DocumentReference lacks %s: %s", want, body)
			}
		}
		for _, ref := range []string{r.Str("custodian", "reference"), r.Str("author", 0, "reference"), r.Str("context", "encounter", 0, "reference")} {
			if ref != "" {
				e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
			}
		}
		mrUnknown(t, e, "DocumentReference")

		// A scanned ID card filed through the Standard API is a document
		// of the patient but no clinical note; an advance directive whose
		// category carries a LOINC code has that type.
		e.docUpload(t, "/api/patient/"+pid+"/document?path=/Patient%20Information/Patient%20ID%20card",
			docFile{name: "card.png", ctype: "image/png", data: append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 40)...)}).Want(t, 201)
		e.docUpload(t, "/api/patient/"+pid+"/document?path=/Advance%20Directive",
			docFile{name: "directive.pdf", ctype: "application/pdf", data: []byte("%PDF-1.4\n%%EOF\n")}).Want(t, 201)
		err := e.Store.Write(context.Background(), func(w resource.Writer) error {
			_, err := w.Update(context.Background(), resource.DocumentCategory, map[string]any{"codes": "LOINC:42348-3"}, emr.Eq("id", 6))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		all := storedDocuments(t, e, pid)
		card := docIDs(all, func(r emr.Record) bool { return r.Str("name") == "card.png" })
		directive := docIDs(all, func(r emr.Record) bool { return r.Str("name") == "directive.pdf" })
		if len(card) != 1 || len(directive) != 1 {
			t.Fatalf("uploads not stored: %v", all)
		}
		mrWant(t, e, e.Admin, base, docIDs(all, nil))
		mrWant(t, e, e.Admin, base+"&category=clinical-note", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&type="+q("http://loinc.org|42348-3"), directive)
		mrWant(t, e, e.Admin, base+"&type=UNK", append(docIDs(docs, nil), card...))
		r = e.Do("GET", "/fhir/DocumentReference/"+card[0], e.Admin, nil).Want(t, 200)
		if r.Str("category", 0, "text") != "Patient ID card" || r.Str("content", 0, "attachment", "contentType") != "image/png" {
			t.Errorf("ID card: %s", r.Body)
		}
		r = e.Do("GET", "/fhir/DocumentReference/"+directive[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("type", "coding", 0, "code") != "42348-3" || r.Str("type", "text") != "Advance Directive" {
			t.Errorf("directive type: %s", r.Body)
		}

		// A patient token sees only its own documents.
		var other string
		for m := 1; m <= 22 && other == ""; m++ {
			if m == n {
				continue
			}
			p := e.Do("GET", "/api/patient/"+demoPatient(m), e.Admin, nil).Want(t, 200).Str("data", "pid")
			if d := storedDocuments(t, e, p); len(d) > 0 {
				other = d[0].Str("uuid")
			}
		}
		if n == 1 {
			mrCompartment(t, e, "patient/DocumentReference.rs", "DocumentReference", id, other)
		} else {
			phil := e.Token("patient", "openid patient/DocumentReference.rs")
			ids, _ := fhirSearch(t, e, phil, "DocumentReference?_count=1000")
			for _, d := range ids {
				if slices.Contains(docIDs(all, nil), d) {
					t.Errorf("patient 1 sees patient %d's document %s", n, d)
				}
			}
			if r := e.Do("GET", "/fhir/DocumentReference/"+id, phil, nil); r.Status != 404 {
				t.Errorf("another patient's document: %d", r.Status)
			}
		}
	})
}
