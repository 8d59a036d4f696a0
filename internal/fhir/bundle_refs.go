package fhir

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// References between the entries of a Bundle (R4 bundle.html#references,
// http.html#trules): a reference to another entry's fullUrl (urn:uuid:…,
// or [base]/Type/id) becomes the Type/id that entry was written as, and
// a conditional reference (Type?identifier=system|value) the one
// resource its search finds. Every "reference" string is looked at,
// wherever it stands in the resource (contained resources, extensions).

// refKey is the form a reference is looked up by: the reference itself,
// or, for a conditional reference on one identifier, that identifier
// unescaped (Type?identifier=system|value).
func refKey(ref string) string {
	typ, query, ok := strings.Cut(ref, "?")
	if !ok || strings.ContainsAny(typ, "/:") {
		return ref
	}
	q, err := url.ParseQuery(query)
	if err != nil || len(q) != 1 || len(q["identifier"]) != 1 {
		return ref
	}
	return typ + "?identifier=" + q["identifier"][0]
}

// resolveRefs returns the entry's resource with its references resolved.
func (s *Server) resolveRefs(run *bundleRun, sub *call, w resource.Reader, e *bundleEntry) (json.RawMessage, error) {
	if len(e.refs) == 0 {
		return e.raw, nil
	}
	var first error
	out, err := scanRefs(e.raw, func(ref string) string {
		to, err := s.resolveRef(run, sub, w, ref)
		if owner := run.owner[refKey(ref)]; to == ref && owner != nil && owner != ambiguous && owner.failure() != nil {
			e.unwritten = append(e.unwritten, owner)
		}
		if err != nil && first == nil {
			first = err
		}
		return to
	})
	if first != nil {
		return nil, first
	}
	return out, err
}

// resolveRef is what ref stands for once the entries before have run; a
// reference to nothing in the Bundle is left for the mapping to judge.
func (s *Server) resolveRef(run *bundleRun, sub *call, w resource.Reader, ref string) (string, error) {
	key := refKey(ref)
	owner := run.owner[key]
	if owner == ambiguous {
		return ref, fail(http.StatusPreconditionFailed, "multiple-matches", "%s matches more than one entry of the Bundle", ref)
	}
	if to, ok := run.lookup(key); ok {
		if to == "" {
			return ref, fail(http.StatusPreconditionFailed, "multiple-matches", "%s matches more than one resource", ref)
		}
		return to, nil
	}
	if owner != nil && owner.runnable() {
		// Its entry was refused: the reference stays as sent, for the
		// mapping to judge (runEntry names the entry if it fails).
		return ref, nil
	}
	typ, query, ok := strings.Cut(ref, "?")
	if !ok || strings.ContainsAny(typ, "/:") {
		return ref, nil
	}
	ids, err := s.searchIn(sub, w, typ, query)
	switch {
	case errors.Is(err, errNotSearchable):
		// goemr cannot search for it (a type or parameter it does not
		// serve): the reference stays as sent, for the mapping to judge,
		// and refuses it where the element matters.
		return ref, nil
	case err != nil:
		return ref, err
	case len(ids) == 0:
		return ref, fail(http.StatusNotFound, "not-found", "the conditional reference %s matches no resource", ref)
	case len(ids) > 1:
		return ref, fail(http.StatusPreconditionFailed, "multiple-matches", "the conditional reference %s matches more than one resource", ref)
	}
	run.resolved[key] = typ + "/" + ids[0]
	return typ + "/" + ids[0], nil
}

// errNotSearchable is a search goemr cannot run: a type it does not
// serve, or a parameter the type lacks.
var errNotSearchable = errors.New("not searchable")

// searchIn runs the search a conditional reference or an ifNoneExist
// names (R4 http.html#ccreate) inside the transaction w, within what the
// token may search: at most two ids, enough to tell one match from many.
func (s *Server) searchIn(sub *call, w resource.Reader, typ, query string) ([]string, error) {
	m := s.mappings[typ]
	params, err := url.ParseQuery(query)
	if m == nil || err != nil || len(params) == 0 {
		return nil, fmt.Errorf("%w: %s?%s is not a search goemr can run", errNotSearchable, typ, query)
	}
	sc := *sub
	sc.m, sc.pid, sc.puuid, sc.scopeCtx = m, "", "", ""
	if err := s.authorize(&sc, scope.S); err != nil {
		return nil, err
	}
	ctx := sub.r.Context()
	q, err := s.parseSearch(ctx, m, params, true)
	if err != nil {
		return nil, fmt.Errorf("%w: %s?%s: %s", errNotSearchable, typ, query, emr.ErrorMessage(err))
	}
	limits, err := s.limits(&sc, m, scope.S)
	if err != nil {
		return nil, err
	}
	recs, err := w.List(ctx, m.Def, emr.Query{Where: append(limits, q.conds...), Limit: 2})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(recs))
	for _, r := range recs {
		ids = append(ids, r.Str(m.ID))
	}
	return ids, nil
}
