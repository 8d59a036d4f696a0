package fhir

import (
	"context"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// DocumentBytes reads a stored document with its bytes (the store checks
// their SHA-256 on the way out).
type DocumentBytes interface {
	DocumentBytes(ctx context.Context, pid, id int64) (*emr.Document, []byte, error)
}

// binaryType is Binary: patient documents by uuid, in the compartment of
// the patient they belong to (documents.foreign_id).
var binaryType = &fhirmap.Mapping{Type: "Binary", Def: resource.Document, ID: "uuid", Patient: "foreign_id"}

// readBinary answers GET Binary/{id} (R4 binary.html#rest): the document's
// own bytes with its stored media type, or, when the client asks for FHIR
// (Accept application/fhir+json or application/json, or _format), a Binary
// resource with the bytes in base64. It runs before content negotiation:
// a client may accept application/pdf here.
func (s *Server) readBinary(c *call, id string) error {
	c.m = binaryType
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodHead {
		return methodNotAllowed(c, "GET")
	}
	if err := s.authorize(c, scope.R); err != nil {
		return err
	}
	if s.o.Documents == nil {
		return emr.Errorf(emr.EUNAVAILABLE, "document storage is not configured")
	}
	id = strings.ToLower(id)
	notFound := emr.Errorf(emr.ENOTFOUND, "Binary/%s is not known", id)
	if !uuidLike.MatchString(id) {
		return notFound
	}
	limits, err := s.limits(c, c.m, scope.R)
	if err != nil {
		return err
	}
	recs, err := s.o.Records.List(c.r.Context(), resource.Document, emr.Query{Where: append(limits, emr.Eq("uuid", id)), Limit: 1})
	if err != nil {
		return err
	}
	if len(recs) == 0 || recs[0].Str("deleted") == "1" {
		return notFound
	}
	pid, _ := strconv.ParseInt(recs[0].Str("foreign_id"), 10, 64)
	docID, _ := strconv.ParseInt(recs[0].Str("id"), 10, 64)
	doc, data, err := s.o.Documents.DocumentBytes(c.r.Context(), pid, docID)
	if err != nil {
		return err
	}
	if wantsFHIR(c.r) {
		if err := negotiate(c.w, c.r); err != nil {
			return err
		}
		writeResource(c.w, http.StatusOK, &r4.Binary{ID: &id, ContentType: &doc.MimeType, Data: ptr(base64.StdEncoding.EncodeToString(data))})
		return nil
	}
	h := c.w.Header()
	h.Set("Content-Type", doc.MimeType)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Disposition", `attachment; filename="`+strings.NewReplacer(`"`, "", "\\", "", "\r", "", "\n", "").Replace(doc.Name)+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	c.w.WriteHeader(http.StatusOK)
	if c.r.Method == http.MethodGet {
		c.w.Write(data)
	}
	return nil
}

// wantsFHIR reports whether a Binary read asks for the FHIR resource
// rather than the content (R4 binary.html#rest: "the server returns the
// content ... unless the client asks for a FHIR format").
func wantsFHIR(r *http.Request) bool {
	if r.URL.Query().Get("_format") != "" {
		return true
	}
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		if mt == fhirJSON || mt == plainJSON || mt == "application/fhir+xml" {
			return true
		}
	}
	return false
}
