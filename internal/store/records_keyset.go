package store

import (
	"fmt"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// orderKey is one key of a list's ORDER BY.
type orderKey struct {
	emr.SortKey
	expr  string
	field *resource.Field // nil for a column of no declared kind
	id    bool            // d's ID: never null
}

// orderKeys are the keys lists of d sorted by sort are ordered by:
// resource.Def.OrderKeys, which callers also read cursors with.
func orderKeys(d *resource.Def, sort []emr.SortKey) []orderKey {
	keys := d.OrderKeys(sort)
	out := make([]orderKey, 0, len(keys))
	for _, k := range keys {
		expr, err := fieldSQL(d, k.Field)
		if err != nil {
			continue // OrderKeys keeps only what fieldSQL takes
		}
		out = append(out, orderKey{SortKey: k, expr: expr, field: fieldOf(d, k.Field), id: k.Field == d.ID})
	}
	return out
}

// orderBy sorts by keys, nulls first in ascending order and last in
// descending order on both engines (PostgreSQL's default is the reverse,
// SQLite's and OpenEMR's MySQL's is this), so that a keyset cursor means
// the same on both. The ID is never null and is left without NULLS, which
// lets PostgreSQL walk its primary key index for the order.
func orderBy(keys []orderKey) string {
	if len(keys) == 0 {
		return ""
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.expr
		switch {
		case k.Desc && k.id:
			parts[i] += " DESC"
		case k.Desc:
			parts[i] += " DESC NULLS LAST"
		case !k.id:
			parts[i] += " NULLS FIRST"
		}
	}
	return " ORDER BY " + strings.Join(parts, ", ")
}

// after is the condition that a row comes strictly after the row whose
// key values are values, in the order of keys: the lexicographic
//
//	k1 after v1 OR (k1 = v1 AND (k2 after v2 OR (k2 = v2 AND …)))
//
// where "after" honours each key's direction and the place of nulls
// (first when ascending, last when descending). Each value is bound once.
func (w *condSQL) after(keys []orderKey, values []any) (string, error) {
	if len(values) != len(keys) {
		return "", emr.Errorf(emr.EINVALID, "%s: a cursor of %d values for %d sort keys", w.d.Name, len(values), len(keys))
	}
	afters := make([]string, len(keys))
	equals := make([]string, len(keys))
	for i, k := range keys {
		v := values[i]
		if v != nil && k.field != nil {
			var ok bool
			if v, ok = k.field.Comparable(v); !ok {
				return "", emr.Errorf(emr.EINVALID, "%s: cursor value %v does not fit %s", w.d.Name, values[i], k.Field)
			}
		}
		switch {
		case v == nil && k.id:
			return "", emr.Errorf(emr.EINVALID, "%s: cursor without %s", w.d.Name, k.Field)
		case v == nil && k.Desc:
			equals[i] = k.expr + " IS NULL" // and nothing is after the nulls
		case v == nil:
			afters[i], equals[i] = k.expr+" IS NOT NULL", k.expr+" IS NULL"
		case k.Desc:
			p := w.bind(v)
			afters[i], equals[i] = fmt.Sprintf("%s < %s", k.expr, p), fmt.Sprintf("%s = %s", k.expr, p)
			if !k.id {
				afters[i] = fmt.Sprintf("(%s OR %s IS NULL)", afters[i], k.expr)
			}
		default:
			p := w.bind(v)
			afters[i], equals[i] = fmt.Sprintf("%s > %s", k.expr, p), fmt.Sprintf("%s = %s", k.expr, p)
		}
	}
	rest := "" // no row: what follows the last key
	for i := len(keys) - 1; i >= 0; i-- {
		var alts []string
		if afters[i] != "" {
			alts = append(alts, afters[i])
		}
		if rest != "" {
			alts = append(alts, "("+equals[i]+" AND "+rest+")")
		}
		rest = strings.Join(alts, " OR ")
		if len(alts) > 1 {
			rest = "(" + rest + ")"
		}
	}
	if rest == "" {
		return matchNone, nil
	}
	return rest, nil
}
