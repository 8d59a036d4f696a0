package fhirmap

import (
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"strings"

	"goemr/internal/fhir/r4"
)

// documentContentFrom reads the one attachment OpenEMR keeps of a
// document: its bytes (inline, checked against attachment.hash when
// given) or the document of this server they are copied from, with its
// media type and name.
func documentContentFrom(w *WriteContext, content []r4.DocumentReferenceContent, pid string, v map[string]any) error {
	if len(content) != 1 || content[0].Attachment == nil {
		return invalid("DocumentReference.content", "OpenEMR keeps one attachment per document")
	}
	a := content[0].Attachment
	v["mimetype"], v["name"] = strings.TrimSpace(deref(a.ContentType)), firstOf(strings.TrimSpace(deref(a.Title)), "document")
	switch {
	case a.Data != nil && a.Url != nil:
		return invalid("DocumentReference.content.attachment", "give the bytes either inline (data) or by url, not both")
	case a.Data != nil:
		data, err := base64.StdEncoding.DecodeString(*a.Data)
		if err != nil || len(data) == 0 {
			return invalid("DocumentReference.content.attachment.data", "must be the document's bytes in base64")
		}
		if a.Hash != nil {
			sum := sha1.Sum(data)
			if base64.StdEncoding.EncodeToString(sum[:]) != *a.Hash {
				return invalid("DocumentReference.content.attachment.hash", "is not the SHA-1 of the data")
			}
		}
		if v["mimetype"] == "" {
			v["mimetype"] = http.DetectContentType(data)
		}
		v["content"] = data
	case a.Url != nil:
		parts := strings.Split(strings.TrimSpace(*a.Url), "/")
		if len(parts) < 2 || parts[len(parts)-2] != "Binary" {
			return invalid("DocumentReference.content.attachment.url", "must be [base]/Binary/{id} of this server: goemr stores a document's bytes and cannot fetch %q", *a.Url)
		}
		id := parts[len(parts)-1]
		of, ok, err := w.Resolve("DocumentReference", id, "foreign_id")
		if err != nil {
			return err
		}
		if !ok || of != pid {
			return invalid("DocumentReference.content.attachment.url", "Binary/%s is not a document of this patient here", id)
		}
		v["from"] = id
	default:
		return invalid("DocumentReference.content.attachment", "must carry the document: data, or the url of a Binary of this server")
	}
	return nil
}
