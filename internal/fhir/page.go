package fhir

import (
	"slices"

	"goemr/internal/emr"
)

// page is one page of a search with the cursors of its neighbours (nil
// where there is none).
type page struct {
	recs           []emr.Record
	previous, next *cursor
}

// page reads the page q's cursor points at (the first page without one):
// count+1 rows in the cursor's direction tell whether more lie beyond.
// Forward pages have a previous page when they were reached by a cursor;
// backward pages always have a next one, the page they were reached from.
func (s *Server) page(c *call, q *search, where []emr.Cond) (*page, error) {
	spec := sortSpec(q.sort)
	query := emr.Query{Where: where, Sort: q.sort, Limit: q.count + 1}
	if at := q.cursor; at != nil {
		if at.Sort != spec {
			return nil, emr.Errorf(emr.EINVALID, "%s belongs to another _sort: follow the links of the bundle it came from", paramCursor)
		}
		query.After, query.Backward = at.After, at.Back
	}
	recs, err := s.o.Records.List(c.r.Context(), c.m.Def, query)
	if err != nil {
		return nil, err
	}
	more := len(recs) > q.count
	if more {
		recs = recs[:q.count]
	}
	keyset := func(rec emr.Record) []any { return c.m.Def.KeysetOf(q.sort, rec) }
	pg := &page{recs: recs}
	backward := q.cursor != nil && q.cursor.Back
	if backward {
		slices.Reverse(recs)
	}
	hasPrevious, hasNext := q.cursor != nil && !backward, more
	if backward {
		hasPrevious, hasNext = more, true
	}
	switch {
	case hasPrevious && len(recs) > 0:
		pg.previous = &cursor{Sort: spec, After: keyset(recs[0]), Back: true}
	case hasPrevious:
		pg.previous = &cursor{Sort: spec, After: q.cursor.After, Back: true}
	}
	if hasNext && len(recs) > 0 {
		pg.next = &cursor{Sort: spec, After: keyset(recs[len(recs)-1])}
	}
	return pg, nil
}
