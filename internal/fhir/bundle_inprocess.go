package fhir

import (
	"context"
	"net/http"

	"goemr/internal/auth"
	"goemr/internal/fhir/r4"
)

// BundleOptions adjust how RunBundle runs a Bundle for a caller inside the
// process (goemr import).
type BundleOptions struct {
	// SkipUnwritten leaves out the entries of types goemr does not write
	// (Claim, ExplanationOfBenefit…) instead of refusing them.
	SkipUnwritten bool
	// Diagnose has a failing transaction try its other entries too, so
	// that every refused entry is reported; it still writes nothing.
	Diagnose bool
	// Known maps what resources written before are referred to by (a
	// fullUrl, Type/id, Type?identifier=system|value) to the Type/id they
	// were written as. An entry it knows is not written again, references
	// to it resolve, and a run adds what it wrote once that is committed.
	Known map[string]string
}

// EntryResult is what came of one entry of a Bundle.
type EntryResult struct {
	Type, FullURL string
	SourceID      string // the id the resource was sent with
	ID            string // the id it was written as, or found under
	// Status is the HTTP status of the entry's answer: 0 for an entry a
	// failed transaction undid, or that was skipped.
	Status int
	Reason string // why it was refused
	// Written: created or updated. Existing: it was there already (known,
	// or found by ifNoneExist). Skipped: a type goemr does not write.
	Written, Existing, Skipped bool
}

// RunBundle runs b, a batch or transaction Bundle, for principal p of
// site as POST [base] does, inside the process: goemr import loads files
// through it, the API's own path. It returns each entry's result in
// Bundle order and, when a transaction failed and wrote nothing, the
// error that failed it.
func (s *Server) RunBundle(ctx context.Context, site string, p *auth.Principal, b *r4.Bundle, o BundleOptions) ([]EntryResult, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "/apis/"+site+"/fhir", nil)
	if err != nil {
		return nil, err
	}
	c := &call{w: newRecorder(), r: req, site: site, base: s.o.Auth.FHIRBase(site), p: p}
	run, err := s.runBundle(c, b, o)
	if run == nil {
		return nil, err
	}
	out := make([]EntryResult, len(run.entries))
	for i, e := range run.entries {
		r := EntryResult{Type: e.typ, FullURL: e.fullURL, SourceID: e.sourceID, Status: e.status, Skipped: e.skipped}
		switch {
		case e.failure() != nil:
			r.Status, r.Reason = reasonOf(req, e.failure())
		case e.known || e.existing:
			r.ID, r.Existing = e.newID, true
		case e.newID != "":
			r.ID, r.Written = e.newID, true
		}
		if err == nil && o.Known != nil && (r.Written || r.Existing) {
			run.register(o.Known, e)
		}
		out[i] = r
	}
	return out, err
}
