package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRBinary: a document's content by its uuid, as bytes (its own
// media type) or as a FHIR Binary, in the compartment of its patient.
func TestFHIRBinary(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newAPIEnv(t, d)
			pdf := []byte("%PDF-1.4\n\x00\x01binary\xff\n%%EOF\n")
			e.docUpload(t, "/api/patient/1/document?path=/Lab%20Report", docFile{name: "lab.pdf", ctype: "application/pdf", data: pdf}).Want(t, 201)
			var id string
			if err := d.DB.QueryRow(context.Background(), `SELECT uuid FROM documents WHERE name = 'lab.pdf'`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			r := e.DoHeader("GET", "/fhir/Binary/"+id, e.Admin, nil, "Accept", "application/pdf").Want(t, 200)
			if !bytes.Equal(r.Body, pdf) || r.Header.Get("Content-Type") != "application/pdf" {
				t.Errorf("raw read: %q %q", r.Header.Get("Content-Type"), r.Body)
			}
			r = e.DoHeader("GET", "/fhir/Binary/"+id, e.Admin, nil, "Accept", "application/fhir+json").Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if got, _ := base64.StdEncoding.DecodeString(r.Str("data")); !bytes.Equal(got, pdf) || r.Str("contentType") != "application/pdf" {
				t.Errorf("FHIR Binary: %s", r.Body)
			}
			phil := e.Token("patient", "openid patient/Binary.read")
			e.Do("GET", "/fhir/Binary/"+id, phil, nil).Want(t, 200)
			e.docUpload(t, "/api/patient/2/document?path=/Lab%20Report", docFile{name: "other.pdf", ctype: "application/pdf", data: pdf}).Want(t, 201)
			var other string
			if err := d.DB.QueryRow(context.Background(), `SELECT uuid FROM documents WHERE name = 'other.pdf'`).Scan(&other); err != nil {
				t.Fatal(err)
			}
			if r := e.Do("GET", "/fhir/Binary/"+other, phil, nil); r.Status != 404 {
				t.Errorf("another patient's document: %d", r.Status)
			}
			if r := e.Do("GET", "/fhir/Binary/"+id, e.Token("patient", "openid patient/Patient.rs"), nil); r.Status != 403 {
				t.Errorf("without a Binary scope: %d", r.Status)
			}
		})
	}
}
