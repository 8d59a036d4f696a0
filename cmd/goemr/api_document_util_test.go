package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/sqldb"
)

// Helpers of the document scenarios: multipart bodies, raw requests and
// download checks.

// docFile is one file part of an upload.
type docFile struct {
	name, ctype string
	data        []byte
}

type docBody struct {
	ctype string
	body  io.Reader
}

// multipartBody is a multipart/form-data body with f in field.
func multipartBody(t *testing.T, field string, f docFile) docBody {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="`+field+`"`)
	if f.name != "" {
		h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="`+strings.ReplaceAll(f.name, `"`, `\"`)+`"`)
	}
	if f.ctype != "" {
		h.Set("Content-Type", f.ctype)
	}
	mw.WriteField("note", "a field before the file is skipped")
	w, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(f.data)
	mw.Close()
	return docBody{ctype: mw.FormDataContentType(), body: &buf}
}

// docUpload posts f as the field "document" with the admin token.
func (e *apiEnv) docUpload(t *testing.T, path string, f docFile) *Resp {
	t.Helper()
	return e.docDo(t, e.docRequest(t, path, multipartBody(t, "document", f)))
}

func (e *apiEnv) docRequest(t *testing.T, path string, b docBody) *http.Request {
	return e.rawRequest(t, "POST", path, b.ctype, b.body)
}

// rawRequest is a request below /apis/default with the admin token and
// the given body and content type.
func (e *apiEnv) rawRequest(t *testing.T, method, path, ctype string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, e.URL+"/apis/default"+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Authorization", "Bearer "+e.Admin)
	return req
}

func (e *apiEnv) docDo(t *testing.T, req *http.Request) *Resp {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := &Resp{Status: resp.StatusCode, Header: resp.Header, Body: raw}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") && json.Unmarshal(raw, &r.JSON) != nil {
		t.Fatalf("%s %s: bad JSON %q", req.Method, req.URL.Path, raw)
	}
	return r
}

// wantDownload checks a download: the exact bytes, type and disposition.
func wantDownload(t *testing.T, r *Resp, data []byte, ctype, disposition string) {
	t.Helper()
	if !bytes.Equal(r.Body, data) {
		t.Errorf("downloaded %d bytes differ from the %d uploaded", len(r.Body), len(data))
	}
	h := r.Header
	if h.Get("Content-Type") != ctype || h.Get("Content-Disposition") != disposition ||
		h.Get("Content-Length") != strconv.Itoa(len(data)) || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("download headers: %v", h)
	}
}

// wantFieldError checks a raw validation error naming field.
func wantFieldError(t *testing.T, r *Resp, field string) {
	t.Helper()
	if r.Len(field) < 1 {
		t.Errorf("want a validation error for %s: %s", field, r.Body)
	}
}

func docCount(t *testing.T, db *sqldb.DB) int {
	var n int
	if err := db.QueryRow(context.Background(), `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
