package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"net/http"
	"strings"
	"testing"

	"goemr/internal/config"
	"goemr/internal/demo"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// The document scenarios of openemr-standard-api.md §7.3 (28) with goemr's
// status codes, plus byte-exact round trips, category paths, the upload
// failures and the checksum check on download.
func TestAPIDocument(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) { testDocuments(t, newAPIEnv(t, d), d.DB) })
	}
}

func testDocuments(t *testing.T, e *apiEnv, db *sqldb.DB) {
	const lab = "/api/patient/1/document?path=/Lab%20Report"
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n\x00\x01binary\xff\n%%EOF\n")

	// Scenario 28: upload, list, download.
	r := e.docUpload(t, lab, docFile{name: "file.pdf", ctype: "application/pdf", data: pdf}).Want(t, 201)
	if string(r.Body) != "true" {
		t.Errorf("upload body %q, want true", r.Body)
	}
	r = e.Do("GET", lab, e.Admin, nil).Want(t, 200)
	if r.Len() != 1 || r.Str(0, "filename") != "file.pdf" || r.Str(0, "mimetype") != "application/pdf" ||
		r.Str(0, "hash") != sha256Hex(pdf) || len(r.Str(0, "docdate")) != 10 {
		t.Fatalf("list: %s", r.Body)
	}
	pdfID := r.Str(0, "id")
	r = e.Do("GET", "/api/patient/1/document/"+pdfID, e.Admin, nil).Want(t, 200)
	wantDownload(t, r, pdf, "application/pdf", `attachment; filename="file.pdf"`)
	var stored string
	if err := db.QueryRow(context.Background(), `SELECT hash FROM documents WHERE id = $1`, pdfID).Scan(&stored); err != nil || stored != sha256Hex(pdf) {
		t.Errorf("documents.hash = %q, %v; want the SHA-256 of the bytes", stored, err)
	}

	// Random bytes, zero bytes included, come back exactly; a generic part
	// type is replaced by what the bytes look like.
	bin := make([]byte, 70000)
	rand.Read(bin)
	bin[0], bin[1], bin[2], bin[len(bin)-1] = 0, 0, 0xff, 0 // no file signature starts 00 00 ff
	e.docUpload(t, "/api/patient/1/document?path=/Medical%20Record", docFile{name: "scan.bin", ctype: "application/octet-stream", data: bin}).Want(t, 201)
	r = e.Do("GET", "/api/patient/1/document?path=/medical_record", e.Admin, nil).Want(t, 200)
	if r.Len() != 1 || r.Str(0, "mimetype") != "application/octet-stream" {
		t.Fatalf("binary list: %s", r.Body)
	}
	r = e.Do("GET", "/api/patient/1/document/"+r.Str(0, "id"), e.Admin, nil).Want(t, 200)
	wantDownload(t, r, bin, "application/octet-stream", `attachment; filename="scan.bin"`)

	// A nested category; a part without a type is sniffed; a non-ASCII
	// name is sent as filename*.
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 40)...)
	const photo = "/api/patient/2/document?path=/Patient%20Information/Patient%20Photograph"
	e.docUpload(t, photo+"&eid=", docFile{name: `Photo "ü".png`, data: png}).Want(t, 201)
	for _, path := range []string{photo, "/api/patient/2/document?path=/patient_information/patientphotograph", "/api/patient/2/document?path=/Patient%20Photograph"} {
		r = e.Do("GET", path, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "mimetype") != "image/png" || r.Str(0, "filename") != `Photo "ü".png` {
			t.Fatalf("%s: %s", path, r.Body)
		}
	}
	photoID := r.Str(0, "id")
	r = e.Do("GET", "/api/patient/2/document/"+photoID, e.Admin, nil).Want(t, 200)
	wantDownload(t, r, png, "image/png", `attachment; filename="Photo ___.png"; filename*=UTF-8''Photo%20%22%C3%BC%22.png`)
	r = e.Do("GET", "/api/patient/2/document?path=/Patient%20Information", e.Admin, nil).Want(t, 200)
	if r.Len() != 0 {
		t.Errorf("the parent category lists its children's documents: %s", r.Body)
	}
	r = e.Do("GET", "/api/patient/3/document?path=/CCD", e.Admin, nil).Want(t, 200)
	if string(r.Body) != "[]" {
		t.Errorf("no documents: %s, want []", r.Body)
	}

	// Another patient's document, an unknown id and an unknown patient are
	// 404 with a body; malformed ids are 400.
	for _, path := range []string{"/api/patient/2/document/" + pdfID, "/api/patient/1/document/999999", "/api/patient/1/document/" + photoID} {
		r = e.Do("GET", path, e.Admin, nil).Want(t, 404)
		if r.Str("message") == "" {
			t.Errorf("%s: 404 without a message: %s", path, r.Body)
		}
	}
	e.Do("GET", "/api/patient/999999/document?path=/Lab%20Report", e.Admin, nil).Want(t, 404)
	e.docUpload(t, "/api/patient/999999/document?path=/Lab%20Report", docFile{name: "a.txt", data: []byte("a")}).Want(t, 404)
	e.Do("GET", "/api/patient/1/document/abc", e.Admin, nil).Want(t, 400)
	e.Do("GET", "/api/patient/x1/document?path=/Lab%20Report", e.Admin, nil).Want(t, 400)

	// Bad paths, in the upload and the listing.
	for _, q := range []string{"", "?path=", "?path=/", "?path=/Nope", "?path=/Lab%20Report/Patient%20Photograph", "?path=/Categories/Nope"} {
		r = e.Do("GET", "/api/patient/1/document"+q, e.Admin, nil).Want(t, 400)
		wantFieldError(t, r, "path")
		r = e.docUpload(t, "/api/patient/1/document"+q, docFile{name: "a.txt", data: []byte("a")}).Want(t, 400)
		wantFieldError(t, r, "path")
	}
	e.Do("GET", "/api/patient/1/document?path=/Categories/Lab%20Report", e.Admin, nil).Want(t, 200)

	// Upload failures: each a 400 naming the field, nothing stored.
	docsBefore := docCount(t, db)
	file := docFile{name: "a.txt", data: []byte("x")}
	// Larger than the document limit, sent chunked so that only
	// reading finds out.
	big := multipartBody(t, "document", docFile{name: "big.bin", data: make([]byte, config.Default().MaxDocument+1)})
	for _, c := range []struct {
		name, field, rule string
		req               *http.Request
	}{
		{"empty file", "document", "NotEmpty::EMPTY_VALUE", e.docRequest(t, lab, multipartBody(t, "document", docFile{name: "empty.txt"}))},
		{"no file name", "document", "File::NO_FILE", e.docRequest(t, lab, multipartBody(t, "document", docFile{data: []byte("x")}))},
		{"other field", "document", "Required::NON_EXISTENT_KEY", e.docRequest(t, lab, multipartBody(t, "file", file))},
		{"unknown eid", "eid", "Record::INVALID_ENCOUNTER", e.docRequest(t, lab+"&eid=424242", multipartBody(t, "document", file))},
		{"malformed eid", "eid", "Numeric::NOT_NUMERIC", e.docRequest(t, lab+"&eid=x", multipartBody(t, "document", file))},
		{"JSON body", "document", "File::INVALID_CONTENT_TYPE", e.rawRequest(t, "POST", lab, "application/json", strings.NewReader(`{"document":"x"}`))},
		{"no boundary", "document", "File::INVALID_CONTENT_TYPE", e.rawRequest(t, "POST", lab, "multipart/form-data", strings.NewReader("x"))},
		{"bad multipart", "document", "File::INVALID_BODY", e.rawRequest(t, "POST", lab, "multipart/form-data; boundary=zzz", strings.NewReader("--zzz\r\nnot a header\r\n"))},
		{"too large", "document", "File::TOO_LARGE", e.rawRequest(t, "POST", lab, big.ctype, io.MultiReader(big.body))},
	} {
		r = e.docDo(t, c.req)
		if r.Status != 400 || r.Get(c.field, c.rule) == nil {
			t.Errorf("%s: %d %.300s; want 400 with %s %s", c.name, r.Status, r.Body, c.field, c.rule)
		}
	}
	if n := docCount(t, db); n != docsBefore {
		t.Errorf("failed uploads stored %d documents", n-docsBefore)
	}

	// An upload linked to an encounter of the patient.
	r = e.Do("POST", "/api/patient/"+demo.ID("patient", 1)+"/encounter", e.Admin, map[string]any{"pc_catid": "5", "class_code": "AMB", "reason": "x"}).Want(t, 201)
	eid, pid := r.Str("data", "eid"), r.Str("data", "pid")
	e.docUpload(t, "/api/patient/"+pid+"/document?path=/CCDA&eid="+eid, docFile{name: "visit.xml", ctype: "text/xml", data: []byte("<x/>")}).Want(t, 201)
	var linked string
	if err := db.QueryRow(context.Background(), `SELECT CAST(encounter_id AS TEXT) FROM documents WHERE name = 'visit.xml'`).Scan(&linked); err != nil || linked != eid {
		t.Errorf("encounter_id = %q, %v; want %s", linked, err, eid)
	}

	// Bytes damaged in storage are refused, with a message and a 500.
	if _, err := db.Exec(context.Background(), `UPDATE documents_blob SET data = $1 WHERE document_id = $2`, []byte("%PDF-1.4 tampered"), pdfID); err != nil {
		t.Fatal(err)
	}
	r = e.Do("GET", "/api/patient/1/document/"+pdfID, e.Admin, nil).Want(t, 500)
	if !strings.Contains(r.Str("message"), "checksum") {
		t.Errorf("damaged document: %s", r.Body)
	}
}
