package store

import (
	"fmt"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// exact is field = value. The value is bound as given, as OpenEMR
// compares it; only a Unix time is converted, since its column holds
// seconds and not the text reads show.
func (w *condSQL) exact(f *resource.Field, expr string, v any) []string {
	v, ok := exactValue(f, v)
	if !ok {
		// A whole-number column never equals "abc"; PostgreSQL would
		// reject the comparison instead of finding nothing.
		return []string{matchNone}
	}
	return []string{fmt.Sprintf("%s = %s", expr, w.bind(v))}
}

func (w *condSQL) in(f *resource.Field, expr string, value any) []string {
	var marks []string
	for _, v := range inValues(value) {
		if v, ok := exactValue(f, v); ok {
			marks = append(marks, w.bind(v))
		}
	}
	if len(marks) == 0 {
		return []string{matchNone}
	}
	return []string{fmt.Sprintf("%s IN (%s)", expr, strings.Join(marks, ", "))}
}

// notEq is the complement of exact: rows whose value differs, and rows
// without one. A value exact can never match (nil, or "abc" for a whole
// number) leaves every row, nulls included: each of them differs from it.
func (w *condSQL) notEq(f *resource.Field, expr string, v any) []string {
	v, ok := exactValue(f, v)
	if !ok || v == nil {
		return []string{matchAll}
	}
	return []string{fmt.Sprintf("(%s IS NULL OR %s <> %s)", expr, expr, w.bind(v))}
}

var compareOps = map[emr.Match]string{emr.Less: "<", emr.LessEq: "<=", emr.Greater: ">", emr.GreaterEq: ">="}

// compare is field < value and the like: numbers as numbers, times as
// seconds, text as text (resource.Field.Comparable). Like SQL, no null
// compares: a nil value, or one the field cannot be compared with (a
// whole-number field against "abc"), matches nothing.
func (w *condSQL) compare(f *resource.Field, expr string, m emr.Match, v any) []string {
	ok := v != nil
	if ok && f != nil {
		v, ok = f.Comparable(v)
	}
	if !ok {
		return []string{matchNone}
	}
	return []string{fmt.Sprintf("%s %s %s", expr, compareOps[m], w.bind(v))}
}

// missing is FHIR's :missing. OpenEMR leaves text empty as often as null,
// so both count as missing. A whole-number column can hold no empty text
// (and PostgreSQL refuses to compare it with some), so only null is
// missing there; a Unix time stores 0 for none, which reads show as "".
// Columns of no declared kind, and decimals (text columns here, but
// numbers by kind), are compared as text.
func (w *condSQL) missing(f *resource.Field, expr string, v any) ([]string, error) {
	want, ok := v.(bool)
	if s, isStr := v.(string); isStr {
		want, ok = s == "true", s == "true" || s == "false"
	}
	if !ok {
		return nil, emr.Errorf(emr.EINVALID, "missing on %s takes true or false, not %v", w.d.Name, v)
	}
	empty := "''"
	text := expr
	switch {
	case f != nil && f.Kind == resource.Int:
		empty = ""
	case f != nil && f.Kind == resource.Unix:
		empty = "0"
	case f == nil || f.Kind == resource.Decimal:
		text = "CAST(" + expr + " AS TEXT)"
	}
	switch {
	case want && empty == "":
		return []string{expr + " IS NULL"}, nil
	case want:
		return []string{fmt.Sprintf("(%s IS NULL OR %s = %s)", expr, text, empty)}, nil
	case empty == "":
		return []string{expr + " IS NOT NULL"}, nil
	}
	return []string{fmt.Sprintf("(%s IS NOT NULL AND %s <> %s)", expr, text, empty)}, nil
}

// exactValue is v as exact compares it with f, and whether f can equal it.
func exactValue(f *resource.Field, v any) (any, bool) {
	if f != nil && f.Kind == resource.Unix {
		return f.Comparable(v)
	}
	return v, fitsKind(f, v)
}

// fitsKind reports whether an exact-match value can equal field f: text
// compared with a whole-number field must be a whole number.
func fitsKind(f *resource.Field, v any) bool {
	s, isStr := v.(string)
	if f == nil || f.Kind != resource.Int || !isStr {
		return true
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// inValues are the values of an In condition: a slice of any, strings or
// whole numbers.
func inValues(v any) []any {
	switch vs := v.(type) {
	case []any:
		return vs
	case []string:
		out := make([]any, len(vs))
		for i, s := range vs {
			out[i] = s
		}
		return out
	case []int64:
		out := make([]any, len(vs))
		for i, n := range vs {
			out[i] = n
		}
		return out
	}
	return nil
}
