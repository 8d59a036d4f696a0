package ccda

import (
	"goemr/internal/fhir/r4"
)

// ranged reports whether entries are restricted to a date range.
func (b *builder) ranged() bool { return !b.start.IsZero() || !b.end.IsZero() }

// inRange reports whether an entry dated by the first of dates that
// parses belongs in the document: always without a range; with one, only
// a dated entry whose date falls in it.
func (b *builder) inRange(dates ...string) bool {
	if !b.ranged() {
		return true
	}
	for _, d := range dates {
		if t, ok := parseDate(d); ok {
			return (b.start.IsZero() || !t.Before(b.start)) && (b.end.IsZero() || !t.After(b.end))
		}
	}
	return false
}

// overlaps reports whether a period (nil: always) overlaps the
// document's range, for what is in force over time rather than dated
// (a coverage).
func (b *builder) overlaps(p *r4.Period) bool {
	if !b.ranged() || p == nil {
		return true
	}
	if t, ok := parseDate(deref(p.Start)); ok && !b.end.IsZero() && t.After(b.end) {
		return false
	}
	if t, ok := parseDate(deref(p.End)); ok && !b.start.IsZero() && t.Before(b.start) {
		return false
	}
	return true
}
