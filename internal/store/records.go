package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// querier is a *sqldb.DB or *sqldb.Tx.
type querier interface {
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
}

// records is the generic CRUD over resource definitions, on a database or
// inside a transaction. Its SQL is built from the definition, never from
// input: filters and sort keys are looked up among the declared fields and
// values are always bound parameters.
type records struct {
	q       querier
	dialect sqldb.Dialect
	tx      *sqldb.Tx // nil outside a transaction
}

var (
	_ resource.Records = (*Store)(nil)
	_ resource.Writer  = (*records)(nil)
)

func (s *Store) recs() *records { return &records{q: s.db, dialect: s.db.Dialect()} }

// List implements resource.Reader.
func (s *Store) List(ctx context.Context, d *resource.Def, q emr.Query) ([]emr.Record, error) {
	return s.recs().List(ctx, d, q)
}

// Get implements resource.Reader.
func (s *Store) Get(ctx context.Context, d *resource.Def, where ...emr.Cond) (emr.Record, error) {
	return s.recs().Get(ctx, d, where...)
}

// Resolve implements resource.Reader.
func (s *Store) Resolve(ctx context.Context, b resource.Bind, value, within any) (any, bool, error) {
	return s.recs().Resolve(ctx, b, value, within)
}

// Exists implements resource.Checker.
func (s *Store) Exists(ctx context.Context, table, column, value string) (bool, error) {
	return s.recs().Exists(ctx, table, column, value)
}

// InList implements resource.Checker.
func (s *Store) InList(ctx context.Context, list, value string) (bool, error) {
	return s.recs().InList(ctx, list, value)
}

// Write implements resource.Records. Writes share commits with concurrent
// ones (group commit); a savepoint keeps a failed write from leaving half
// its rows behind.
func (s *Store) Write(ctx context.Context, fn func(w resource.Writer) error) error {
	return s.group.doAtomic(ctx, func(tx *sqldb.Tx) error {
		return fn(&records{q: tx, dialect: tx.Dialect(), tx: tx})
	})
}

// selects caches each definition's compiled reads, with and without the
// detail fields: built once per definition, not per request.
var selects sync.Map // selectKey → *compiledSelect

type selectKey struct {
	d      *resource.Def
	detail bool
}

// compiledSelect is the SELECT list of a read and the fields it returns,
// in order.
type compiledSelect struct {
	sql    string
	fields []*resource.Field
}

func compileSelect(d *resource.Def, detail bool) *compiledSelect {
	key := selectKey{d, detail}
	if c, ok := selects.Load(key); ok {
		return c.(*compiledSelect)
	}
	c := &compiledSelect{}
	for i := range d.Fields {
		if f := &d.Fields[i]; detail || !f.Detail {
			c.fields = append(c.fields, f)
		}
	}
	var b strings.Builder
	b.WriteString("SELECT ")
	for i, f := range c.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(column(f))
	}
	b.WriteString(" FROM " + d.Table + " t")
	c.sql = b.String()
	selects.Store(key, c)
	return c
}

// column is the SQL for reading f.
func column(f *resource.Field) string {
	if f.Expr != "" {
		return "(" + f.Expr + ")"
	}
	return "t." + ident(f.Name)
}

// reserved are column names OpenEMR uses that SQL reserves.
var reserved = map[string]bool{"user": true, "group": true, "order": true, "limit": true, "offset": true,
	"from": true, "to": true, "end": true, "default": true, "check": true, "table": true, "desc": true,
	"asc": true, "primary": true, "references": true, "select": true, "where": true, "when": true, "all": true,
	"interval": true, "range": true}

func ident(name string) string {
	if reserved[name] {
		return `"` + name + `"`
	}
	return name
}

// where builds a WHERE clause from d's fixed values and conds, appending
// the arguments to args.
func (r *records) where(d *resource.Def, conds []emr.Cond, args []any) (string, []any, error) {
	var parts []string
	for _, k := range sortedKeys(d.Fixed) {
		args = append(args, d.Fixed[k])
		parts = append(parts, fmt.Sprintf("t.%s = $%d", ident(k), len(args)))
	}
	if d.Where != "" {
		parts = append(parts, "("+d.Where+")")
	}
	if sd := d.SoftDelete; sd != nil && sd.Hide {
		args = append(args, sd.Live)
		parts = append(parts, fmt.Sprintf("t.%s = $%d", ident(sd.Column), len(args)))
	}
	for _, c := range conds {
		expr, err := fieldSQL(d, c.Field)
		if err != nil {
			return "", nil, err
		}
		switch {
		case c.Match == emr.Contains:
			v := fmt.Sprint(c.Value)
			if r.dialect == sqldb.SQLite && d.TextIndex != "" && trigramUsable(v) {
				// The FTS5 trigram index finds the candidate rows; the
				// LIKE below still decides, so results are the same.
				args = append(args, "%"+v+"%")
				parts = append(parts, fmt.Sprintf("t.%s IN (SELECT rowid FROM %s WHERE %s LIKE $%d)", ident(d.ID), d.TextIndex, ident(c.Field), len(args)))
			}
			args = append(args, "%"+likeEscape(v)+"%")
			parts = append(parts, fmt.Sprintf("lower(%s) LIKE lower($%d) ESCAPE '\\'", expr, len(args)))
		case c.Match == emr.In:
			var marks []string
			for _, v := range inValues(c.Value) {
				if !fitsKind(d.Field(c.Field), v) {
					continue
				}
				args = append(args, v)
				marks = append(marks, fmt.Sprintf("$%d", len(args)))
			}
			if len(marks) == 0 {
				parts = append(parts, "1 = 0")
				continue
			}
			parts = append(parts, fmt.Sprintf("%s IN (%s)", expr, strings.Join(marks, ", ")))
		case !fitsKind(d.Field(c.Field), c.Value):
			// A whole-number column never equals "abc"; PostgreSQL would
			// reject the comparison instead of finding nothing.
			parts = append(parts, "1 = 0")
		default:
			args = append(args, c.Value)
			parts = append(parts, fmt.Sprintf("%s = $%d", expr, len(args)))
		}
	}
	if len(parts) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(parts, " AND "), args, nil
}

// fieldSQL is the SQL of a declared field or a plain column of d's table
// used by a bind; anything else is refused.
func fieldSQL(d *resource.Def, name string) (string, error) {
	if f := d.Field(name); f != nil {
		return column(f), nil
	}
	for _, b := range d.Binds {
		if b.Column == name {
			return "t." + ident(name), nil
		}
	}
	if name == d.Key || name == d.ID || d.SoftDelete != nil && name == d.SoftDelete.Column {
		return "t." + ident(name), nil
	}
	return "", fmt.Errorf("store: %s has no field %q", d.Name, name)
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

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// now is the server time in OpenEMR's format.
func nowText() string { return time.Now().UTC().Format("2006-01-02 15:04:05") }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// trigramUsable reports whether a contains-search for v can use a trigram
// index: three characters at least, and no LIKE wildcard, which FTS5
// cannot escape.
func trigramUsable(v string) bool {
	return utf8.RuneCountInString(v) >= 3 && !strings.ContainsAny(v, "%_")
}
