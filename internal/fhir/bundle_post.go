package fhir

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// MaxBundle bounds the body of POST [base]. A batch or transaction may
// carry a patient's whole record (Synthea writes up to 5 MB a patient),
// far more than one resource (maxResource).
const MaxBundle = 64 << 20

// postBundle answers POST [base] with a batch or transaction Bundle (R4
// http.html#transaction): a batch-response or transaction-response with
// one entry per entry sent, in the same order. A transaction that fails
// writes nothing and is answered by the failing entry's OperationOutcome,
// with that entry's status.
func (s *Server) postBundle(c *call) error {
	p, err := s.o.Auth.Authenticate(c.r.Context(), c.r, c.site)
	if err != nil {
		return err
	}
	c.p = p
	b, err := readBundle(c)
	if err != nil {
		return err
	}
	run, err := s.runBundle(c, b, BundleOptions{})
	var failed *entryFailure
	if errors.As(err, &failed) {
		status, oo := entryOutcome(c.r, failed.e, failed.err)
		writeResource(c.w, status, oo)
		return nil
	}
	if err != nil {
		return err
	}
	writeResource(c.w, http.StatusOK, s.responseBundle(run))
	return nil
}

// readBundle reads the body of POST [base]: FHIR JSON, at most MaxBundle
// bytes, a Bundle of type batch or transaction.
func readBundle(c *call) (*r4.Bundle, error) {
	mt, _, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || mt != fhirJSON && mt != plainJSON {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "a Bundle must be sent as application/fhir+json")
	}
	tooBig := fail(http.StatusRequestEntityTooLarge, "too-costly", "a Bundle may have at most %d bytes: split it", MaxBundle)
	if c.r.ContentLength > MaxBundle {
		return nil, tooBig
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, c.r.Body, MaxBundle))
	var over *http.MaxBytesError
	if errors.As(err, &over) {
		return nil, tooBig
	}
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the body cannot be read: %v", err)
	}
	res, err := r4.Decode(body, true)
	if err != nil {
		return nil, fail(http.StatusBadRequest, "structure", "the body is not a FHIR R4 resource: %s", strings.TrimPrefix(err.Error(), "r4: "))
	}
	b, ok := res.(*r4.Bundle)
	if !ok {
		return nil, fail(http.StatusBadRequest, "invalid", "POST to the base takes a batch or transaction Bundle, not a %s", res.ResourceType())
	}
	if t := strOf(b.Type); t != "batch" && t != "transaction" {
		return nil, fail(http.StatusBadRequest, "invalid", "Bundle.type must be batch or transaction, not %q", t)
	}
	return b, nil
}

// strOf is *p, "" for nil.
func strOf(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// bundleInteractions are the system interactions POST [base] serves, as
// the CapabilityStatement declares them (rest.interaction).
func bundleInteractions() []r4.CapabilityStatementRestInteraction {
	return []r4.CapabilityStatementRestInteraction{
		{Code: ptr("transaction"), Documentation: ptr("All entries or none, in one database transaction; entries refer to each other by fullUrl (urn:uuid:…) or by conditional reference (Type?identifier=system|value); ifNoneExist and ifMatch are honoured; DELETE is not supported")},
		{Code: ptr("batch"), Documentation: ptr("Each entry on its own, refusals answered per entry")},
	}
}
