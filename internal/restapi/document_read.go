package restapi

import (
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// listedDocument is one element of GET …/document, in OpenEMR's key order
// (openemr-standard-api.md §3.14).
type listedDocument struct {
	Filename string `json:"filename"`
	Hash     string `json:"hash"`
	ID       string `json:"id"`
	MimeType string `json:"mimetype"`
	DocDate  string `json:"docdate"`
}

// listDocuments is GET /api/patient/:pid/document?path=…: the patient's
// documents filed under the category. None is 200 [] (OpenEMR sends 404
// with an empty body).
func listDocuments(c *Call) error {
	st, pid, cat, err := c.documentPlace()
	if err != nil {
		return err
	}
	docs, err := st.DocumentsInCategory(c.Ctx(), pid, cat)
	if err != nil {
		return err
	}
	out := make([]listedDocument, len(docs))
	for i, d := range docs {
		out[i] = listedDocument{Filename: d.Name, Hash: d.Hash, ID: strconv.FormatInt(d.ID, 10), MimeType: d.MimeType, DocDate: d.DocDate}
	}
	return c.Reply(http.StatusOK, out)
}

// readDocument is GET /api/patient/:pid/document/:did: the stored bytes,
// exactly, as an attachment with the stored mime type. Bytes that no
// longer match the checksum recorded at upload are refused with a 500 and
// logged: a damaged clinical document must not pass for a good one.
func readDocument(c *Call) error {
	st, err := c.documentStore()
	if err != nil {
		return err
	}
	pid, err := c.documentPatient()
	if err != nil {
		return err
	}
	did := c.Params["did"]
	if err := checkParam("did", did); err != nil {
		return err
	}
	id, err := strconv.ParseInt(did, 10, 64)
	if err != nil {
		return err
	}
	doc, data, err := st.DocumentBytes(c.Ctx(), pid, id)
	if emr.IsNotFound(err) {
		return &emr.Error{Code: emr.ENOTFOUND, Field: "did", Message: "value " + did}
	}
	if err != nil {
		return err
	}
	if sum := checksum(data); sum != doc.Hash || int64(len(data)) != doc.Size {
		slog.ErrorContext(c.Ctx(), "document bytes do not match their checksum", "document", doc.ID, "pid", pid,
			"recorded_sha256", doc.Hash, "sha256", sum, "recorded_size", doc.Size, "size", len(data))
		msg := fmt.Sprintf("document %d is damaged: its stored bytes do not match the SHA-256 checksum recorded at upload, so it is not sent", doc.ID)
		web.WriteJSON(c.W, http.StatusInternalServerError, "", frameworkError{Error: http.StatusText(http.StatusInternalServerError), Message: msg, Code: http.StatusInternalServerError})
		return nil
	}
	mimeType := doc.MimeType
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	h := c.W.Header()
	h.Set("Content-Type", mimeType)
	h.Set("Content-Disposition", contentDisposition(doc.Name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox")
	h.Set("Cache-Control", "no-store")
	c.W.WriteHeader(http.StatusOK)
	_, err = c.W.Write(data)
	return err
}

// contentDisposition is `attachment; filename="…"` (RFC 6266) for name.
// The quoted filename is an ASCII fallback: characters a quoted string or
// a user agent could misread (non-ASCII, quotes, backslashes, percent
// signs, controls) become "_"; when that changed the name, filename*
// carries it exactly, UTF-8 and percent-encoded (RFC 8187).
func contentDisposition(name string) string {
	if name == "" {
		name = "document"
	}
	var fallback strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			r = '_'
		}
		fallback.WriteRune(r)
	}
	v := `attachment; filename="` + fallback.String() + `"`
	if fallback.String() != name {
		v += "; filename*=UTF-8''" + rfc8187Encode(name)
	}
	return v
}

// rfc8187Encode percent-encodes every byte of s outside RFC 8187's
// attr-char set.
func rfc8187Encode(s string) string {
	const attrChar = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte(attrChar, ch) >= 0 {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}
