package store

import (
	"fmt"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// condSQL renders the conditions of one statement over d. Parameters are
// numbered in the order they are bound, after those already in args.
type condSQL struct {
	d       *resource.Def
	dialect sqldb.Dialect
	args    []any
}

func (r *records) conds(d *resource.Def, args []any) *condSQL {
	return &condSQL{d: d, dialect: r.dialect, args: args}
}

// bind adds v to the arguments and returns its placeholder.
func (w *condSQL) bind(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

// where builds a WHERE clause from d's fixed values and conds, appending
// the arguments to args.
func (r *records) where(d *resource.Def, conds []emr.Cond, args []any) (string, []any, error) {
	w := r.conds(d, args)
	parts, err := w.all(conds)
	return whereSQL(parts), w.args, err
}

func whereSQL(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(parts, " AND ")
}

// all renders what every read of d requires (its fixed values, constant
// condition and soft-delete marker) and then conds, as parts that must
// all hold.
func (w *condSQL) all(conds []emr.Cond) ([]string, error) {
	d := w.d
	var parts []string
	for _, k := range sortedKeys(d.Fixed) {
		parts = append(parts, fmt.Sprintf("t.%s = %s", ident(k), w.bind(d.Fixed[k])))
	}
	if d.Where != "" {
		parts = append(parts, "("+d.Where+")")
	}
	if sd := d.SoftDelete; sd != nil && sd.Hide {
		parts = append(parts, fmt.Sprintf("t.%s = %s", ident(sd.Column), w.bind(sd.Live)))
	}
	for _, c := range conds {
		ps, err := w.cond(c)
		if err != nil {
			return nil, err
		}
		parts = append(parts, ps...)
	}
	return parts, nil
}

// cond renders one condition as parts that must all hold (a trigram
// search is two); each part is a single term or parenthesized, so parts
// join safely with AND or OR.
func (w *condSQL) cond(c emr.Cond) ([]string, error) {
	if c.Any != nil || c.All != nil {
		return w.group(c)
	}
	expr, err := fieldSQL(w.d, c.Field)
	if err != nil {
		return nil, err
	}
	f := fieldOf(w.d, c.Field)
	switch c.Match {
	case emr.Exact:
		return w.exact(f, expr, c.Value), nil
	case emr.In:
		return w.in(f, expr, c.Value), nil
	case emr.Contains, emr.Prefix:
		return w.like(f, expr, c)
	case emr.Less, emr.LessEq, emr.Greater, emr.GreaterEq:
		return w.compare(f, expr, c.Match, c.Value), nil
	case emr.NotEq:
		return w.notEq(f, expr, c.Value), nil
	case emr.Missing:
		return w.missing(f, expr, c.Value)
	}
	return nil, fmt.Errorf("store: unknown match %d on %s.%s", c.Match, w.d.Name, c.Field)
}

// group renders c's OR of Any and AND of All (both, if both are set);
// either may nest. No alternative matches nothing, as an In without
// values does; no requirement excludes nothing.
func (w *condSQL) group(c emr.Cond) ([]string, error) {
	var parts []string
	for _, sub := range c.All {
		ps, err := w.cond(sub)
		if err != nil {
			return nil, err
		}
		parts = append(parts, ps...)
	}
	if c.All != nil && len(parts) == 0 {
		parts = append(parts, matchAll)
	}
	if c.Any == nil {
		return parts, nil
	}
	if len(c.Any) == 0 {
		return append(parts, matchNone), nil
	}
	alts := make([]string, len(c.Any))
	for i, sub := range c.Any {
		ps, err := w.cond(sub)
		if err != nil {
			return nil, err
		}
		alts[i] = strings.Join(ps, " AND ")
		if len(ps) > 1 {
			alts[i] = "(" + alts[i] + ")"
		}
	}
	return append(parts, "("+strings.Join(alts, " OR ")+")"), nil
}

// Conditions that decide without a row: a value no field can hold, or
// one that excludes no row.
const (
	matchNone = "1 = 0"
	matchAll  = "1 = 1"
)

// fieldSQL is the SQL of a declared field or a plain column of d's table
// used by a bind; anything else is refused.
func fieldSQL(d *resource.Def, name string) (string, error) {
	if f := d.Field(name); f != nil {
		return column(f), nil
	}
	if d.Queryable(name) {
		return "t." + ident(name), nil
	}
	return "", fmt.Errorf("store: %s has no field %q", d.Name, name)
}

// fieldOf is the declared field name, or for an undeclared ID a
// whole-number field (it is always the auto-increment column); nil for
// other columns, whose kind the definition does not say.
func fieldOf(d *resource.Def, name string) *resource.Field {
	if f := d.Field(name); f != nil {
		return f
	}
	if name == d.ID {
		return &resource.Field{Name: name, Kind: resource.Int}
	}
	return nil
}
