package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
)

// mediaDocuments are the stored documents of demo patient n that FHIR
// Media shows (images, videos, DICOM), and the patient's pid.
func mediaDocuments(t *testing.T, e *apiEnv, n int) ([]emr.Record, string) {
	t.Helper()
	pid := demoPID(t, e, n)
	var out []emr.Record
	for _, d := range storedDocuments(t, e, pid) {
		mt := d.Str("mimetype")
		if strings.HasPrefix(mt, "image/") || strings.HasPrefix(mt, "video/") || mt == "application/dicom" {
			out = append(out, d)
		}
	}
	return out, pid
}

// TestFHIRMedia: the demo's ECG strips and uploaded images and videos as
// Media, by OpenEMR's parameters (patient, content-type, title), with
// their content downloadable from Binary, in the patient's compartment.
func TestFHIRMedia(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		phil := demoPatient(1)
		docs, pid := mediaDocuments(t, e, 1)
		if len(docs) == 0 {
			t.Fatal("the portal patient has no image documents")
		}
		base := "Media?_count=1000&patient=" + phil
		mrWant(t, e, e.Admin, base, docIDs(docs, nil))
		mrWant(t, e, e.Admin, "Media?patient=Patient/"+phil+"&content-type=image", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&content-type:exact=image/png", docIDs(docs, func(r emr.Record) bool { return r.Str("mimetype") == "image/png" }))
		mrWant(t, e, e.Admin, base+"&content-type=video", nil)
		mrWant(t, e, e.Admin, base+"&title=ECG-RHYTHM", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&title:contains=strip", docIDs(docs, nil))
		mrWant(t, e, e.Admin, base+"&title=visit-summary", nil)
		mrWant(t, e, e.Admin, "Media?_id="+docs[0].Str("uuid"), docIDs(docs[:1], nil))

		// The read: a completed image of the patient, its note the
		// reading, its content the document's bytes at Binary.
		id := docs[0].Str("uuid")
		r := e.Do("GET", "/fhir/Media/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("status") != "completed" || r.Str("type", "coding", 0, "code") != "image" || r.Str("subject", "reference") != "Patient/"+phil ||
			!strings.HasPrefix(r.Str("note", 0, "text"), "Rhythm strip, lead II") || r.Str("content", "title") != docs[0].Str("filename") ||
			r.Str("createdDateTime") != docs[0].Str("docdate") {
			t.Errorf("Media: %s", r.Body)
		}
		if enc := r.Str("encounter", "reference"); enc == "" {
			t.Errorf("no encounter: %s", r.Body)
		} else {
			e.Do("GET", "/fhir/"+enc, e.Admin, nil).Want(t, 200)
		}
		binURL := r.Str("content", "url")
		if binURL != e.URL+"/apis/default/fhir/Binary/"+id {
			t.Errorf("content.url %s", binURL)
		}
		bin := e.DoHeader("GET", strings.TrimPrefix(binURL, e.URL), e.Admin, nil, "Accept", "image/png").Want(t, 200)
		sum := sha256.Sum256(bin.Body)
		if bin.Header.Get("Content-Type") != "image/png" || !bytes.HasPrefix(bin.Body, []byte("\x89PNG\r\n\x1a\n")) ||
			int64(len(bin.Body)) != int64(r.Get("content", "size").(float64)) || hex.EncodeToString(sum[:]) != docs[0].Str("hash") {
			t.Errorf("Binary of the Media: %s, %d bytes", bin.Header.Get("Content-Type"), len(bin.Body))
		}
		// The same document is a DocumentReference.
		e.Do("GET", "/fhir/DocumentReference/"+id, e.Admin, nil).Want(t, 200)

		// A video is Media too; a PDF is not.
		e.docUpload(t, "/api/patient/"+pid+"/document?path=/Medical%20Record",
			docFile{name: "gait.mp4", ctype: "video/mp4", data: []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00")}).Want(t, 201)
		e.docUpload(t, "/api/patient/"+pid+"/document?path=/Lab%20Report",
			docFile{name: "cbc.pdf", ctype: "application/pdf", data: []byte("%PDF-1.4\n%%EOF\n")}).Want(t, 201)
		all, _ := mediaDocuments(t, e, 1)
		video := docIDs(all, func(r emr.Record) bool { return r.Str("filename") == "gait.mp4" })
		if len(video) != 1 || len(all) != len(docs)+1 {
			t.Fatalf("uploads: %v", all)
		}
		mrWant(t, e, e.Admin, base, docIDs(all, nil))
		mrWant(t, e, e.Admin, base+"&content-type="+q("video/mp4"), video)
		v := e.Do("GET", "/fhir/Media/"+video[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, v.Body)
		if v.Str("type", "coding", 0, "code") != "video" || v.Str("content", "contentType") != "video/mp4" {
			t.Errorf("video: %s", v.Body)
		}
		for _, d := range storedDocuments(t, e, pid) {
			if d.Str("filename") == "cbc.pdf" {
				if r := e.Do("GET", "/fhir/Media/"+d.Str("uuid"), e.Admin, nil); r.Status != 404 {
					t.Errorf("a PDF as Media: %d", r.Status)
				}
			}
		}

		other, _ := mediaDocuments(t, e, 2)
		if len(other) == 0 {
			t.Fatal("demo patient 2 has no image documents")
		}
		mrCompartment(t, e, "patient/Media.rs", "Media", id, other[0].Str("uuid"))
		mrUnknown(t, e, "Media")
		if r := e.Do("GET", "/fhir/Media", e.Token("patient", "openid patient/DocumentReference.rs"), nil); r.Status != 403 {
			t.Errorf("without a Media scope: %d", r.Status)
		}
	})
}
