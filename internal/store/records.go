package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"time"

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

// Count implements resource.Reader.
func (s *Store) Count(ctx context.Context, d *resource.Def, where ...emr.Cond) (int, error) {
	return s.recs().Count(ctx, d, where...)
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

// now is the server time in OpenEMR's format.
func nowText() string { return time.Now().UTC().Format("2006-01-02 15:04:05") }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
