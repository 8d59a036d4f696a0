package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// List implements resource.Reader.
func (r *records) List(ctx context.Context, d *resource.Def, q emr.Query) ([]emr.Record, error) {
	w := r.conds(d, nil)
	parts, err := w.all(q.Where)
	if err != nil {
		return nil, err
	}
	keys := orderKeys(d, q.Sort)
	if q.Backward {
		// The mirror order: every key, the id too, turned round, nulls
		// with them (first ascending becomes last descending), so that
		// "after" in it is "before" in the query's own order.
		for i := range keys {
			keys[i].Desc = !keys[i].Desc
		}
	}
	if q.After != nil {
		cursor, err := w.after(keys, q.After)
		if err != nil {
			return nil, err
		}
		parts = append(parts, cursor)
	}
	args := w.args
	sel := compileSelect(d, q.Detail)
	query := sel.sql + whereSQL(parts) + orderBy(keys)
	if q.Limit > 0 {
		args = append(args, q.Limit, q.Offset)
		query += fmt.Sprintf(" LIMIT $%d OFFSET $%d", len(args)-1, len(args))
	} else if q.Offset > 0 {
		args = append(args, q.Offset)
		query += fmt.Sprintf(" LIMIT -1 OFFSET $%d", len(args))
		if r.dialect == sqldb.Postgres {
			query = strings.Replace(query, "LIMIT -1 ", "", 1)
		}
	}
	rows, err := r.q.Query(ctx, query, args...)
	if err != nil {
		return nil, dbErr(err, d.Name)
	}
	defer rows.Close()
	var out []emr.Record
	fields := sel.fields
	buf := newScanBuffer(len(fields))
	for rows.Next() {
		rec, err := buf.scan(rows, fields)
		if err != nil {
			return nil, dbErr(err, d.Name)
		}
		out = append(out, rec)
	}
	return out, dbErr(rows.Err(), d.Name)
}

// Get implements resource.Reader.
func (r *records) Get(ctx context.Context, d *resource.Def, conds ...emr.Cond) (emr.Record, error) {
	recs, err := r.List(ctx, d, emr.Query{Where: conds, Limit: 1, Detail: true})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, notFound(d.Name)
	}
	return recs[0], nil
}

// scanBuffer holds the scan targets of a query's rows, reused row after
// row.
type scanBuffer struct {
	vals []sql.NullString
	ptrs []any
}

func newScanBuffer(n int) *scanBuffer {
	b := &scanBuffer{vals: make([]sql.NullString, n), ptrs: make([]any, n)}
	for i := range b.vals {
		b.ptrs[i] = &b.vals[i]
	}
	return b
}

func (b *scanBuffer) scan(rows *sql.Rows, fields []*resource.Field) (emr.Record, error) {
	vals := b.vals
	if err := rows.Scan(b.ptrs...); err != nil {
		return nil, err
	}
	rec := make(emr.Record, len(vals))
	for i, f := range fields {
		if !vals[i].Valid {
			rec[f.Name] = nil
			continue
		}
		v := vals[i].String
		if f.Kind == resource.Unix {
			v = unixText(v)
		}
		rec[f.Name] = v
	}
	return rec, nil
}

// unixText shows a stored Unix time as OpenEMR shows datetimes.
func unixText(s string) string {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || n == 0 {
		return ""
	}
	return time.Unix(n, 0).UTC().Format("2006-01-02 15:04:05")
}

// Resolve implements resource.Reader.
func (r *records) Resolve(ctx context.Context, b resource.Bind, value, within any) (any, bool, error) {
	if b.Table == "" {
		return value, true, nil
	}
	q := fmt.Sprintf("SELECT %s FROM %s WHERE %s = $1", ident(b.Take), b.Table, ident(b.By))
	args := []any{value}
	if b.Within != "" {
		q += fmt.Sprintf(" AND %s = $2", ident(b.Within))
		args = append(args, within)
	}
	var v sql.NullString
	err := r.q.QueryRow(ctx, q+" LIMIT 1", args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, dbErr(err, b.Table)
	}
	return v.String, true, nil
}

// Exists implements resource.Checker.
func (r *records) Exists(ctx context.Context, table, column, value string) (bool, error) {
	var one int
	err := r.q.QueryRow(ctx, fmt.Sprintf("SELECT 1 FROM %s WHERE %s = $1 LIMIT 1", table, ident(column)), value).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, dbErr(err, table)
}

// InList implements resource.Checker.
func (r *records) InList(ctx context.Context, list, value string) (bool, error) {
	var one int
	err := r.q.QueryRow(ctx, `SELECT 1 FROM list_options WHERE list_id = $1 AND option_id = $2 LIMIT 1`, list, value).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, dbErr(err, "list option")
}
