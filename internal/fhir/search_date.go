package fhir

import (
	"fmt"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// dateLayouts are the FHIR date, dateTime and instant forms a date search
// value may take (R4 §3.1.1.4.5: partial dates search their whole range).
var dateLayouts = []struct {
	layout string
	step   func(time.Time) time.Time // the end of the value's range
}{
	{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
	{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	{"2006-01-02T15:04Z07:00", func(t time.Time) time.Time { return t.Add(time.Minute) }},
	{"2006-01-02T15:04:05Z07:00", func(t time.Time) time.Time { return t.Add(time.Second) }},
	{"2006-01-02T15:04:05.999999999Z07:00", func(t time.Time) time.Time { return t.Add(time.Millisecond) }},
	{"2006-01-02T15:04", func(t time.Time) time.Time { return t.Add(time.Minute) }},
	{"2006-01-02T15:04:05", func(t time.Time) time.Time { return t.Add(time.Second) }},
}

// dateRange parses a date search value into the half-open range
// [lo, hi) it stands for, in UTC. Times without a zone are taken as UTC,
// the zone goemr stores times in.
func dateRange(v string) (lo, hi time.Time, err error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t.UTC(), l.step(t).UTC(), nil
		}
	}
	return lo, hi, fmt.Errorf("%q is not a FHIR date, dateTime or instant", v)
}

// datePrefixes are the comparators a date value may start with (R4
// §3.1.1.4.1.1).
var datePrefixes = []string{"eq", "ne", "lt", "gt", "le", "ge", "sa", "eb", "ap"}

// dateConds translates one date search value on field f into conditions
// that must all hold. A stored value is a point (a day for a date field):
// eq finds points in the value's range, lt/le/gt/ge/sa/eb compare with its
// ends, ap widens the range by a tenth of its distance from now (at least
// a day).
func dateConds(f *resource.Field, value string, now time.Time) ([]emr.Cond, error) {
	prefix := "eq"
	for _, p := range datePrefixes {
		if strings.HasPrefix(value, p) {
			prefix, value = p, value[len(p):]
			break
		}
	}
	lo, hi, err := dateRange(value)
	if err != nil {
		return nil, err
	}
	at := func(m emr.Match, t time.Time, up bool) emr.Cond {
		return emr.Cond{Field: f.Name, Match: m, Value: storedTime(f.Kind, t, up)}
	}
	switch prefix {
	case "eq":
		return []emr.Cond{at(emr.GreaterEq, lo, false), at(emr.Less, hi, true)}, nil
	case "ne":
		return []emr.Cond{emr.Or(at(emr.Less, lo, false), at(emr.GreaterEq, hi, true))}, nil
	case "lt", "eb":
		return []emr.Cond{at(emr.Less, lo, false)}, nil
	case "le":
		return []emr.Cond{at(emr.Less, hi, true)}, nil
	case "gt", "sa":
		return []emr.Cond{at(emr.GreaterEq, hi, true)}, nil
	case "ge":
		return []emr.Cond{at(emr.GreaterEq, lo, false)}, nil
	}
	// ap (R4 leaves the width to the server; 10 % is its example).
	gap := now.Sub(lo) / 10
	if gap < 0 {
		gap = -gap
	}
	gap = max(gap, 24*time.Hour)
	return []emr.Cond{at(emr.GreaterEq, lo.Add(-gap), false), at(emr.Less, hi.Add(gap), true)}, nil
}

// storedTime writes t as the field stores times, so that text compares
// as time: Unix seconds, a Y-m-d date, or a Y-m-d H:i:s datetime. A date
// field holds days, so a bound inside a day is rounded to the day's start,
// or for an upper bound (up) to the next day's start.
func storedTime(k resource.Kind, t time.Time, up bool) any {
	switch k {
	case resource.Unix:
		return t.Unix()
	case resource.Date:
		day := t.Truncate(24 * time.Hour)
		if up && day.Before(t) {
			day = day.AddDate(0, 0, 1)
		}
		return day.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}
