package fhir

import (
	"net/http"
	"strings"

	"goemr/internal/fhir/r4"
)

// bundleRun is a batch or transaction Bundle being run.
type bundleRun struct {
	c       *call
	batch   bool
	opts    BundleOptions
	entries []*bundleEntry // in Bundle order
	order   []*bundleEntry // in the order they run
	// base are the references known before anything runs (BundleOptions.
	// Known, and the entries PUT names); resolved adds what the run wrote.
	base, resolved map[string]string
	// owner is the entry each reference key stands for, ambiguous when
	// several entries carry it.
	owner map[string]*bundleEntry
}

// lookup is what a reference key stands for: written by this run, or
// before it (BundleOptions.Known).
func (run *bundleRun) lookup(key string) (string, bool) {
	if to, ok := run.resolved[key]; ok {
		return to, true
	}
	to, ok := run.opts.Known[key]
	return to, ok
}

// ambiguous marks a reference key that more than one entry carries.
var ambiguous = &bundleEntry{}

// runnable reports whether the entry is a write still to run.
func (e *bundleEntry) runnable() bool {
	return e.planErr == nil && !e.skipped && !e.known &&
		(e.method == http.MethodPost || e.method == http.MethodPut)
}

// planBundle reads the entries of b and orders them as R4 prescribes
// (http.html#trules): DELETE, then POST, PUT and GET; the POSTs so that
// each comes after the entries it refers to. A malformed entry fails a
// transaction here, before anything is written; in a batch it is that
// entry's answer.
func (s *Server) planBundle(c *call, b *r4.Bundle, o BundleOptions) (*bundleRun, error) {
	run := &bundleRun{c: c, batch: strOf(b.Type) == "batch", opts: o,
		base: map[string]string{}, owner: map[string]*bundleEntry{}}
	fullURLs := map[string]*bundleEntry{}
	for i := range b.Entry {
		e, err := parseEntry(i, &b.Entry[i], c.base)
		if err == nil {
			err = s.writable(e, o)
		}
		if prev := fullURLs[e.fullURL]; err == nil && prev != nil {
			err = fail(http.StatusBadRequest, "invalid", "%s has the fullUrl of Bundle.entry[%d]: fullUrls are unique in a Bundle", e.label(), prev.index)
		}
		if err != nil && !run.batch && !o.Diagnose {
			return nil, &entryFailure{e, err}
		}
		e.planErr = err
		if e.fullURL != "" && err == nil {
			fullURLs[e.fullURL] = e
		}
		run.entries = append(run.entries, e)
	}
	for _, e := range run.entries {
		run.own(e)
	}
	var deletes, posts, puts, gets []*bundleEntry
	for _, e := range run.entries {
		switch e.method {
		case http.MethodDelete:
			deletes = append(deletes, e)
		case http.MethodPost:
			posts = append(posts, e)
		case http.MethodPut:
			puts = append(puts, e)
		default:
			gets = append(gets, e)
		}
	}
	posts, err := run.sortPosts(posts)
	if err != nil {
		return nil, err
	}
	run.order = append(append(append(deletes, posts...), puts...), gets...)
	return run, nil
}

// writable checks that goemr writes the type of a create or update, or
// marks the entry skipped when the caller asked to leave such types out.
func (s *Server) writable(e *bundleEntry, o BundleOptions) error {
	if e.method != http.MethodPost && e.method != http.MethodPut {
		return nil
	}
	if m := s.mappings[e.typ]; m != nil && m.FromFHIR != nil {
		return nil
	}
	if o.SkipUnwritten {
		e.skipped = true
		return nil
	}
	return fail(http.StatusBadRequest, "not-supported", "goemr does not store %s resources", e.typ)
}

// own records what the entry will be known by. An entry the caller wrote
// before (BundleOptions.Known) and the target of a PUT are known already.
func (run *bundleRun) own(e *bundleEntry) {
	if e.planErr != nil || e.skipped || (e.method != http.MethodPost && e.method != http.MethodPut) {
		return
	}
	if e.method == http.MethodPut {
		e.newID = e.id
		run.register(run.base, e)
		return
	}
	for _, k := range e.keys {
		if to, ok := run.opts.Known[k]; ok && strings.HasPrefix(to, e.typ+"/") {
			e.known, e.newID, e.status = true, strings.TrimPrefix(to, e.typ+"/"), http.StatusOK
			run.register(run.base, e)
			return
		}
	}
	for _, k := range append(append([]string(nil), e.keys...), e.idKeys...) {
		if prev := run.owner[k]; prev != nil && prev != e {
			run.owner[k] = ambiguous
		} else {
			run.owner[k] = e
		}
	}
}
