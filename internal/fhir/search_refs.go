package fhir

import (
	"context"
	"fmt"

	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// referenceSearch finds the targets a reference parameter names (by id,
// Type/id or URL), reads the keys the parameter's fields store for them
// (a Patient's pid) and matches those. A target that does not exist, or
// that the caller cannot see, matches nothing.
func (s *Server) referenceSearch(ctx context.Context, p *fhirmap.Param, modifier string, alts []string) ([]emr.Cond, error) {
	if modifier != "" && modifier != p.Target {
		return nil, fmt.Errorf("%s refers to %s only", p.Code, p.Target)
	}
	target := s.mappings[p.Target]
	if target == nil {
		return nil, fmt.Errorf("%s refers to %s, which this server does not serve", p.Code, p.Target)
	}
	var ids []string
	for _, a := range alts {
		id, ok := referenceID(unescape(a), p.Target)
		if !ok {
			return nil, fmt.Errorf("%q is not a reference to a %s", a, p.Target)
		}
		ids = append(ids, id)
	}
	where := append(append([]emr.Cond(nil), target.Where...), emr.Cond{Field: target.ID, Match: emr.In, Value: ids})
	recs, err := s.o.Records.List(ctx, target.Def, emr.Query{Where: where, Limit: len(ids)})
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, r := range recs {
		if k := r.Str(p.TargetKey); k != "" {
			keys = append(keys, k)
		}
	}
	var any []emr.Cond
	for _, f := range p.Fields {
		any = append(any, emr.Cond{Field: f, Match: emr.In, Value: keys})
	}
	return []emr.Cond{emr.Or(any...)}, nil
}
