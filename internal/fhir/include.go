package fhir

import (
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// parseInclude reads one _include value, Type:param[:Target] (R4
// §3.1.1.5.4): param must be a reference parameter of the searched type.
func parseInclude(m *fhirmap.Mapping, v string) (*fhirmap.Param, bool) {
	parts := strings.Split(v, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] != m.Type {
		return nil, false
	}
	p := paramOf(m, parts[1])
	if p == nil || p.Type != fhirmap.Reference || len(parts) == 3 && parts[2] != p.Target {
		return nil, false
	}
	return p, true
}

// includes appends what _include and _revinclude=Provenance:target ask
// for to b, in search mode include: the resources the page's records
// reference (one query per parameter, confined to the caller's patient
// like every read) and each match's Provenance. A type the token may not
// read is left out and reported in the outcome entry.
func (s *Server) includes(c *call, q *search, recs []emr.Record, b *r4.Bundle) error {
	seen := map[string]bool{}
	for _, e := range b.Entry {
		if e.FullUrl != nil {
			seen[*e.FullUrl] = true
		}
	}
	for _, p := range q.include {
		tm := s.mappings[p.Target]
		if tm == nil || !c.allows(tm.Type, scope.R) {
			q.ignored = append(q.ignored, "_include="+c.m.Type+":"+p.Code+" (the token may not read "+p.Target+")")
			continue
		}
		var keys []string
		for _, r := range recs {
			for _, f := range p.Fields {
				if k := r.Str(f); k != "" {
					keys = append(keys, k)
				}
			}
		}
		if len(keys) == 0 {
			continue
		}
		limits, err := s.limits(c, tm, scope.R)
		if err != nil {
			q.ignored = append(q.ignored, "_include="+c.m.Type+":"+p.Code+" ("+emr.ErrorMessage(err)+")")
			continue
		}
		where := append(limits, emr.Cond{Field: p.TargetKey, Match: emr.In, Value: keys})
		targets, err := s.o.Records.List(c.r.Context(), tm.Def, emr.Query{Where: where})
		if err != nil {
			return err
		}
		mc, err := s.mapContext(c, tm, targets)
		if err != nil {
			return err
		}
		for _, t := range targets {
			e := entry(c.base, t.Str(tm.ID), tm.ToFHIR(t, mc), "include", nil)
			if !seen[*e.FullUrl] {
				seen[*e.FullUrl] = true
				b.Entry = append(b.Entry, e)
			}
		}
	}
	if !q.revProvenance || len(recs) == 0 {
		return nil
	}
	if !c.allows("Provenance", scope.R) {
		q.ignored = append(q.ignored, "_revinclude=Provenance:target (the token may not read Provenance)")
		return nil
	}
	org, err := s.custodian(c.r.Context())
	if err != nil || org == "" {
		return err
	}
	for _, r := range recs {
		prov := fhirmap.ProvenanceFor(c.m.Type, r.Str(c.m.ID), recordedAt(c.m, r), org)
		b.Entry = append(b.Entry, entry(c.base, *prov.ID, prov, "include", nil))
	}
	return nil
}

// entry is a Bundle entry for res (whose id is id) with its absolute
// fullUrl, cut to elements when _elements asked for a subset.
func entry(base, id string, res r4.Resource, mode string, elements []string) r4.BundleEntry {
	body, _ := encode(res)
	if mode == "match" {
		body = subset(body, elements)
	}
	return r4.BundleEntry{
		FullUrl:  ptr(base + "/" + res.ResourceType() + "/" + id),
		Resource: body,
		Search:   &r4.BundleEntrySearch{Mode: ptr(mode)},
	}
}
