package fhir

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/fhir/r4"
)

// searchType answers a search of the call's type with a searchset Bundle
// (R4 §3.1.1): self and next links, entries in search mode match, and an
// outcome entry for parameters it did not use.
func (s *Server) searchType(c *call, params url.Values) error {
	if err := s.authorize(c, scope.S); err != nil {
		return err
	}
	return s.answer(c, func() error { return s.searchAnswer(c, params) })
}

// searchAnswer builds the searchset of a search.
func (s *Server) searchAnswer(c *call, params url.Values) error {
	strict := preferStrict(c.r)
	q, err := s.parseSearch(c.r.Context(), c.m, params, strict)
	if err != nil {
		return err
	}
	limits, err := s.limits(c, c.m, scope.S)
	if err != nil {
		return err
	}
	where := append(limits, q.conds...)
	b := &r4.Bundle{Type: ptr("searchset")}
	b.Link = append(b.Link, link("self", s.searchURL(c, q.params)))
	if q.summary {
		n, err := s.o.Records.Count(c.r.Context(), c.m.Def, where...)
		if err != nil {
			return err
		}
		b.Total = ptr(int64(n))
		writeBundle(c.w, b)
		return nil
	}
	pg, err := s.page(c, q, where)
	if err != nil {
		return err
	}
	recs := pg.recs
	mc, err := s.mapContext(c, c.m, recs)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		b.Entry = append(b.Entry, entry(c.base, rec.Str(c.m.ID), c.m.ToFHIR(rec, mc), "match", q.elements))
	}
	if err := s.includes(c, q, recs, b); err != nil {
		return err
	}
	if len(q.ignored) > 0 {
		body, _ := json.Marshal(outcome("warning", "not-supported", "ignored search parameters: "+strings.Join(q.ignored, ", ")))
		b.Entry = append(b.Entry, r4.BundleEntry{Resource: body, Search: &r4.BundleEntrySearch{Mode: ptr("outcome")}})
	}
	for _, l := range []struct {
		relation string
		at       *cursor
	}{{"previous", pg.previous}, {"next", pg.next}} {
		if l.at != nil {
			params := cloneValues(q.params)
			params.Set(paramCursor, encodeCursor(l.at))
			b.Link = append(b.Link, link(l.relation, s.searchURL(c, params)))
		}
	}
	writeBundle(c.w, b)
	return nil
}

// searchURL is the absolute GET URL of a search of the call's type.
func (s *Server) searchURL(c *call, params url.Values) string {
	u := c.base + "/" + c.m.Type
	if len(params) > 0 {
		u += "?" + params.Encode()
	}
	return u
}

func link(relation, u string) r4.BundleLink {
	return r4.BundleLink{Relation: ptr(relation), Url: ptr(u)}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// preferStrict reports Prefer: handling=strict (RFC 7240; R4 §3.1.1.3).
func preferStrict(r *http.Request) bool {
	for _, h := range r.Header.Values("Prefer") {
		for _, part := range strings.Split(h, ",") {
			if strings.EqualFold(strings.ReplaceAll(strings.TrimSpace(part), " ", ""), "handling=strict") {
				return true
			}
		}
	}
	return false
}

func ptr[T any](v T) *T { return &v }
