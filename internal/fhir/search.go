package fhir

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// search is a parsed search request.
type search struct {
	conds   []emr.Cond
	sort    []emr.SortKey
	count   int
	cursor  *cursor
	summary bool     // _summary=count: the total, no entries
	ignored []string // parameters not understood, for the outcome entry
	params  url.Values
	// include are the reference parameters _include follows;
	// revProvenance asks for each match's Provenance.
	include       []*fhirmap.Param
	revProvenance bool
	elements      []string // _elements: the top-level elements to return
}

// controls are the result parameters (R4 §3.1.1.5) and goemr's cursor.
var controls = map[string]bool{
	"_count": true, "_sort": true, "_summary": true, "_format": true, "_pretty": true,
	"_total": true, paramCursor: true, "_include": true, "_revinclude": true, "_elements": true,
}

// parseSearch translates the search parameters of type m into a search.
// Each parameter name may repeat (AND); each value may hold alternatives
// (comma, OR). Unknown parameters are collected in ignored; strict turns
// them into a 400, as Prefer: handling=strict asks (R4 §3.1.1.3).
func (s *Server) parseSearch(ctx context.Context, m *fhirmap.Mapping, params url.Values, strict bool) (*search, error) {
	q := &search{count: s.o.DefaultCount, params: params}
	for _, key := range slices.Sorted(maps.Keys(params)) {
		values := params[key]
		name, modifier, _ := strings.Cut(key, ":")
		if controls[name] {
			if err := q.control(s, m, name, values); err != nil {
				return nil, err
			}
			continue
		}
		p := paramOf(m, name)
		if p == nil {
			if strict {
				return nil, emr.Errorf(emr.EINVALID, "unknown search parameter %q for %s", key, m.Type)
			}
			q.ignored = append(q.ignored, key)
			continue
		}
		for _, v := range values {
			conds, err := s.paramConds(ctx, m, p, modifier, v)
			if err != nil {
				return nil, emr.Errorf(emr.EINVALID, "search parameter %s=%s: %v", key, v, err)
			}
			q.conds = append(q.conds, conds...)
		}
	}
	return q, nil
}

// paramOf finds the parameter name of m, including the _id and
// _lastUpdated every type has.
func paramOf(m *fhirmap.Mapping, name string) *fhirmap.Param {
	switch name {
	case "_id":
		p := &fhirmap.Param{Code: "_id", Type: fhirmap.Token, Fields: []string{m.ID}}
		if m.IDConds != nil {
			p.Tokens = func(system, code string, hasSystem bool) []emr.Cond {
				if hasSystem && system != "" {
					return nil
				}
				return []emr.Cond{emr.And(m.IDConds(code)...)}
			}
		}
		return p
	case "_lastUpdated":
		if m.Updated == "" {
			return nil
		}
		return &fhirmap.Param{Code: "_lastUpdated", Type: fhirmap.Date, Fields: []string{m.Updated}}
	}
	for i := range m.Params {
		if m.Params[i].Code == name {
			return &m.Params[i]
		}
	}
	return nil
}

// paramConds translates one value of parameter p (which may hold several
// alternatives) into conditions that must all hold.
func (s *Server) paramConds(ctx context.Context, m *fhirmap.Mapping, p *fhirmap.Param, modifier, value string) ([]emr.Cond, error) {
	if modifier == "missing" {
		switch value {
		case "true", "false":
			return missingConds(p, value == "true"), nil
		}
		return nil, fmt.Errorf(":missing takes true or false")
	}
	alts := splitValues(value)
	switch p.Type {
	case fhirmap.String:
		if modifier != "" && modifier != "exact" && modifier != "contains" {
			return nil, fmt.Errorf("string parameters take :exact, :contains or :missing, not :%s", modifier)
		}
		var any []emr.Cond
		for _, a := range alts {
			any = append(any, stringConds(p, modifier, unescape(a)))
		}
		return []emr.Cond{emr.Or(any...)}, nil
	case fhirmap.Token:
		return tokenSearch(p, modifier, alts)
	case fhirmap.Date:
		if modifier != "" {
			return nil, fmt.Errorf("date parameters take no :%s", modifier)
		}
		return dateSearch(m, p, alts)
	case fhirmap.Reference:
		return s.referenceSearch(ctx, p, modifier, alts)
	}
	return nil, fmt.Errorf("parameter type %s is not searchable", p.Type)
}

func tokenSearch(p *fhirmap.Param, modifier string, alts []string) ([]emr.Cond, error) {
	var any []emr.Cond
	for _, a := range alts {
		any = append(any, tokenConds(p, a)...)
	}
	switch modifier {
	case "":
		return []emr.Cond{emr.Or(any...)}, nil
	case "not":
		if none, ok := notConds(any); ok {
			return none, nil
		}
		return nil, fmt.Errorf(":not is not supported for this value")
	}
	return nil, fmt.Errorf("token parameters take :not or :missing, not :%s", modifier)
}

func dateSearch(m *fhirmap.Mapping, p *fhirmap.Param, alts []string) ([]emr.Cond, error) {
	var any []emr.Cond
	for _, a := range alts {
		var all []emr.Cond
		for _, name := range p.Fields {
			f := m.Def.Field(name)
			if f == nil { // a bound column, such as pid
				f = &resource.Field{Name: name}
			}
			conds, err := dateConds(f, unescape(a), time.Now())
			if err != nil {
				return nil, err
			}
			all = append(all, conds...)
		}
		any = append(any, emr.And(all...))
	}
	return []emr.Cond{emr.Or(any...)}, nil
}

func atoiRange(v string, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= lo && n <= hi
}
