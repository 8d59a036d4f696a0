package fhir

import (
	"errors"
	"maps"
	"net/http"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// entryFailure is the entry that failed a transaction, and why.
type entryFailure struct {
	e   *bundleEntry
	err error
}

func (f *entryFailure) Error() string { return f.e.label() + ": " + f.err.Error() }
func (f *entryFailure) Unwrap() error { return f.err }

// runBundle runs a batch or transaction Bundle (R4 http.html#transaction):
// a transaction's writes in one database transaction, all or nothing; a
// batch's each on its own. Reads (GET entries) run last, on what the
// writes left.
func (s *Server) runBundle(c *call, b *r4.Bundle, o BundleOptions) (*bundleRun, error) {
	run, err := s.planBundle(c, b, o)
	if err != nil {
		return nil, err
	}
	if run.batch {
		s.runBatch(run)
	} else if err := s.runTransaction(run); err != nil {
		return run, err
	}
	s.runReads(run)
	return run, nil
}

// runTransaction writes every entry in one transaction; the first entry
// refused undoes them all. With Diagnose the entries after it are still
// tried (and undone), so that every refusal is reported; a server fault
// stops at once, as the transaction may no longer be usable.
func (s *Server) runTransaction(run *bundleRun) error {
	var refused, failed *entryFailure
	for _, e := range run.entries {
		if e.planErr != nil && refused == nil {
			refused = &entryFailure{e, e.planErr} // diagnosed: fails the transaction
		}
	}
	err := s.o.Records.Write(run.c.r.Context(), func(w resource.Writer) error {
		// A Write may run again on a fresh transaction: start afresh.
		run.resolved, failed = maps.Clone(run.base), refused
		for _, e := range run.order {
			if !e.runnable() {
				continue
			}
			e.reset()
			if err := s.runEntry(run, w, e); err != nil {
				e.err = dependent(run.c.r, e, err)
				if failed == nil {
					failed = &entryFailure{e, e.err}
				}
				if status, _ := statusOf(err); !run.opts.Diagnose || status >= 500 {
					return failed
				}
				continue
			}
			run.register(run.resolved, e)
		}
		if failed != nil {
			return failed
		}
		return nil
	})
	if err == nil {
		return nil
	}
	for _, e := range run.entries {
		if e.runnable() && e.err == nil {
			e.reset() // undone with the rest
		}
	}
	if f := (*entryFailure)(nil); errors.As(err, &f) {
		return f
	}
	return err
}

// runBatch writes each entry in a transaction of its own: a refused entry
// is its own answer and the others go on.
func (s *Server) runBatch(run *bundleRun) {
	run.resolved = maps.Clone(run.base)
	for _, e := range run.order {
		if !e.runnable() {
			continue
		}
		err := s.o.Records.Write(run.c.r.Context(), func(w resource.Writer) error {
			e.reset()
			return s.runEntry(run, w, e)
		})
		if err != nil {
			e.err = dependent(run.c.r, e, err)
			e.status, e.newID = 0, ""
			continue
		}
		run.register(run.resolved, e)
	}
}

// dependent adds to why an entry failed that an entry it refers to was
// refused before it, which is often the cause.
func dependent(r *http.Request, e *bundleEntry, err error) error {
	if len(e.unwritten) == 0 {
		return err
	}
	status, msg := reasonOf(r, err)
	_, code := statusOf(err)
	if status >= 500 {
		return err
	}
	o := e.unwritten[0]
	return fail(status, code, "%s (the %s it refers to, %s, was refused)", msg, o.typ, o.label())
}

// runEntry carries out one create or update inside w, as POST [type] and
// PUT [type]/[id] do, with the token's permission on the entry's type.
func (s *Server) runEntry(run *bundleRun, w resource.Writer, e *bundleEntry) error {
	sub := *run.c
	sub.m, sub.pid, sub.puuid, sub.scopeCtx = s.mappings[e.typ], "", "", ""
	perm, status := scope.C, http.StatusCreated
	if e.method == http.MethodPut {
		perm, status = scope.U, http.StatusOK
	}
	if err := s.authorize(&sub, perm); err != nil {
		return err
	}
	raw, err := s.resolveRefs(run, &sub, w, e)
	if err != nil {
		return err
	}
	if e.ifNoneExist != "" {
		// Conditional create (R4 http.html#ccreate): one match is the
		// answer, several are an error, none creates.
		ids, err := s.searchIn(&sub, w, e.typ, e.ifNoneExist)
		switch {
		case errors.Is(err, errNotSearchable):
			return fail(http.StatusBadRequest, "invalid", "ifNoneExist %s", strings.TrimPrefix(err.Error(), errNotSearchable.Error()+": "))
		case err != nil:
			return err
		case len(ids) == 1:
			e.newID, e.existing, e.status = ids[0], true, http.StatusOK
			return nil
		case len(ids) > 1:
			return fail(http.StatusPreconditionFailed, "multiple-matches", "ifNoneExist %s matches more than one %s", e.ifNoneExist, e.typ)
		}
	}
	res, err := r4.Decode(raw, true)
	if err != nil {
		return fail(http.StatusBadRequest, "structure", "the resource is not a FHIR R4 %s: %s", e.typ, strings.TrimPrefix(err.Error(), "r4: "))
	}
	id, err := s.apply(&sub, w, res, e.id, e.ifMatch)
	if err != nil {
		return err
	}
	e.newID, e.status = id, status
	return nil
}
