package resource

import (
	"slices"
	"strings"

	"goemr/internal/emr"
)

// Queryable reports whether name is a column d's reads may filter or sort
// on: a declared field, a bound column, the id, the key or the soft-delete
// marker. The store builds SQL from these names only.
func (d *Def) Queryable(name string) bool {
	if name == "" {
		return false
	}
	if d.Field(name) != nil || name == d.Key || name == d.ID {
		return true
	}
	if d.SoftDelete != nil && name == d.SoftDelete.Column {
		return true
	}
	return slices.ContainsFunc(d.Binds, func(b Bind) bool { return b.Column == name })
}

// OrderKeys is the complete order of d's lists sorted by sort: the sort
// keys, then d.Order, then the ID ascending when neither names it. Names
// that are not Queryable are dropped, as lists ignore unknown sort names;
// a repeated name is dropped too, since rows that tie on a key can never
// differ on it again; and nothing follows the ID, which is unique. The
// store orders lists by exactly these keys, so they are also what a
// keyset cursor (emr.Query.After) holds values of.
func (d *Def) OrderKeys(sort []emr.SortKey) []emr.SortKey {
	keys := make([]emr.SortKey, 0, len(sort)+len(d.Order)+1)
	add := func(k emr.SortKey) bool {
		if !d.Queryable(k.Field) || slices.ContainsFunc(keys, func(o emr.SortKey) bool { return o.Field == k.Field }) {
			return true
		}
		keys = append(keys, k)
		return k.Field != d.ID
	}
	for _, k := range sort {
		if !add(k) {
			return keys
		}
	}
	for _, o := range d.Order {
		name, desc := strings.CutSuffix(o, " DESC")
		if !add(emr.SortKey{Field: name, Desc: desc}) {
			return keys
		}
	}
	if d.ID != "" {
		add(emr.SortKey{Field: d.ID})
	}
	return keys
}

// KeysetOf returns the emr.Query.After values that continue a list of d
// sorted by sort after rec, its last record: rec's value of each of
// d.OrderKeys(sort), in that order. That is the sort fields, then the
// default order's fields, then the ID, each once. Values are given as the
// store compares them (Field.Comparable): whole numbers as int64 and Unix
// times as seconds; null stays nil.
func (d *Def) KeysetOf(sort []emr.SortKey, rec emr.Record) []any {
	keys := d.OrderKeys(sort)
	out := make([]any, len(keys))
	for i, k := range keys {
		v := rec[k.Field]
		if f := d.Field(k.Field); f != nil && v != nil {
			if c, ok := f.Comparable(v); ok {
				v = c
			}
		}
		out[i] = v
	}
	return out
}
