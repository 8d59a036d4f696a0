package resource

import (
	"math"
	"strconv"
	"time"
)

// Comparable returns v as the store compares it with f's column, or false
// when no value of f can be compared with it, so that such a filter
// matches nothing instead of failing on PostgreSQL's strict types:
//   - a whole-number field (Int) takes whole numbers, as numbers or text,
//     and compares them as int64, so that 9 < 10 as on any number column;
//   - a Unix time field takes the Y-m-d H:i:s text its reads show ("" for
//     the stored 0) or seconds, and compares seconds;
//   - other kinds, text and dates alike, compare as given.
func (f *Field) Comparable(v any) (any, bool) {
	switch f.Kind {
	case Int:
		n, ok := asInt64(v)
		return n, ok
	case Unix:
		if s, ok := v.(string); ok {
			if s == "" {
				return int64(0), true
			}
			t, err := time.Parse("2006-01-02 15:04:05", s)
			return t.Unix(), err == nil
		}
		n, ok := asInt64(v)
		return n, ok
	}
	return v, true
}

// asInt64 converts the forms a whole number arrives in: text (query
// strings, records), Go integers, and float64 (JSON numbers).
func asInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case string:
		i, err := strconv.ParseInt(n, 10, 64)
		return i, err == nil
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		if n != math.Trunc(n) || math.Abs(n) >= 1<<63 {
			return 0, false
		}
		return int64(n), true
	}
	return 0, false
}
