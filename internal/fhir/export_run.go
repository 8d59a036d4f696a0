package fhir

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"goemr/internal/auth"
	"goemr/internal/auth/scope"
	"goemr/internal/bulk"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// exportRun is one run of an export job: what it writes and where.
type exportRun struct {
	s     *Server
	c     *call // the job's caller: its site, base URL and scopes
	j     *emr.ExportJob
	since time.Time // zero: everything
	types map[string]bool
	// filters are each type's _typeFilter searches: a resource is written
	// when it matches one of them (export.html#_typefilter).
	filters  map[string][][]emr.Cond
	elements map[string][]string // per type; "" for every type
	// provenance encodes the Provenance of a written resource; nil when
	// Provenance is not exported or no organization keeps the records.
	provenance func(targetType, targetID, recorded string) ([]byte, error)

	mu   sync.Mutex // guards w and refs
	w    *bulk.Writer
	refs map[string]map[string]bool // type → ids the compartments refer to
}

// Export implements bulk.Source: it writes the job's resources, reading
// the data as of the run's start with the scopes the job was accepted
// with.
func (s *Server) Export(ctx context.Context, j *emr.ExportJob, w *bulk.Writer) error {
	ctx = emr.BulkRead(ctx) // pages of thousands of rows: nothing worth keeping prepared
	run, err := s.newExportRun(ctx, j, w)
	if err != nil {
		return err
	}
	return run.run(ctx)
}

func (s *Server) newExportRun(ctx context.Context, j *emr.ExportJob, w *bulk.Writer) (*exportRun, error) {
	scopes, err := scope.ParseList(j.Params.Scopes)
	if err != nil {
		return nil, err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, j.Request, nil)
	if err != nil {
		return nil, err
	}
	c := &call{r: r, site: j.Params.Site, base: s.o.Auth.FHIRBase(j.Params.Site), scopeCtx: j.Params.Context,
		p: &auth.Principal{Site: j.Params.Site, ClientID: j.ClientID, Subject: j.Subject, Scopes: scope.Set(scopes)}}
	run := &exportRun{s: s, c: c, j: j, w: w, types: map[string]bool{}, filters: map[string][][]emr.Cond{},
		elements: map[string][]string{}, refs: map[string]map[string]bool{}}
	if j.Params.Since != "" {
		if run.since, err = time.Parse(time.RFC3339Nano, j.Params.Since); err != nil {
			return nil, err
		}
	}
	for _, t := range j.Params.Types {
		run.types[t] = true
	}
	for _, f := range j.Params.TypeFilters {
		typ, query, _ := strings.Cut(f, "?")
		values, _ := url.ParseQuery(query)
		conds, err := s.typeFilterConds(c, s.mappings[typ], values)
		if err != nil {
			return nil, err
		}
		run.filters[typ] = append(run.filters[typ], conds)
	}
	for _, e := range j.Params.Elements {
		typ, name, ok := strings.Cut(e, ".")
		if !ok {
			typ, name = "", e
		}
		run.elements[typ] = append(run.elements[typ], name)
	}
	if run.types["Provenance"] {
		org, err := s.custodian(ctx)
		if err != nil {
			return nil, err
		}
		if org != "" {
			run.provenance = fhirmap.ProvenanceJSON(org)
		}
	}
	return run, nil
}

// where are the conditions a read of m carries in this run: the type's
// own, the token's granular scopes, _since and _typeFilter.
func (run *exportRun) where(ctx context.Context, m *fhirmap.Mapping, since bool) ([]emr.Cond, error) {
	where, err := run.s.limits(run.c, m, scope.R)
	if err != nil {
		return nil, err
	}
	if since && !run.since.IsZero() && m.Updated != "" {
		conds, err := run.s.paramConds(ctx, m, paramOf(m, "_lastUpdated"), "", "ge"+run.since.UTC().Format(time.RFC3339))
		if err != nil {
			return nil, err
		}
		where = append(where, conds...)
	}
	if alts := run.filters[m.Type]; len(alts) > 0 {
		var any []emr.Cond
		for _, all := range alts {
			any = append(any, emr.And(all...))
		}
		where = append(where, emr.Or(any...))
	}
	return where, nil
}

// elementsOf are the elements _elements keeps for typ; nil keeps all.
func (run *exportRun) elementsOf(typ string) []string {
	if len(run.elements) == 0 {
		return nil
	}
	return append(slices.Clone(run.elements[""]), run.elements[typ]...)
}
