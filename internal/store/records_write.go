package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

// Insert implements resource.Writer.
func (r *records) Insert(ctx context.Context, d *resource.Def, values map[string]any) (emr.Record, error) {
	row := map[string]any{}
	now := time.Now().UTC()
	for _, f := range d.Fields {
		if !f.Stored() {
			continue
		}
		if v, ok := values[f.Name]; ok {
			row[f.Name] = stored(&f, v)
			continue
		}
		switch f.Auto {
		case resource.AutoUUID:
			id, err := newID()
			if err != nil {
				return nil, err
			}
			row[f.Name] = id
		case resource.AutoNow, resource.AutoTouch:
			row[f.Name] = timeValue(&f, now)
		default:
			if f.Default != "" {
				row[f.Name] = f.Default
			}
		}
	}
	for k, v := range values { // bound columns that are not fields
		if _, ok := row[k]; !ok && d.Field(k) == nil {
			row[k] = v
		}
	}
	for k, v := range d.Fixed {
		row[k] = v
	}
	if n := d.Numbered; n != "" && isEmpty(row[n]) {
		if r.tx != nil {
			// Processes sharing PostgreSQL would otherwise pick the same number.
			if err := r.tx.Serialize(ctx, d.Table+"."+n); err != nil {
				return nil, dbErr(err, d.Name)
			}
		}
		var next int64
		q := fmt.Sprintf("SELECT COALESCE(MAX(%s), 0) + 1 FROM %s", ident(n), d.Table)
		if err := r.q.QueryRow(ctx, q).Scan(&next); err != nil {
			return nil, dbErr(err, d.Name)
		}
		row[n] = next
		for _, f := range d.Fields {
			if f.Auto == resource.AutoNumber && isEmpty(row[f.Name]) {
				row[f.Name] = itoa(next)
			}
		}
	}
	cols := make([]string, 0, len(row))
	for k := range row {
		cols = append(cols, k)
	}
	slices.Sort(cols)
	args := make([]any, len(cols))
	marks := make([]string, len(cols))
	for i, c := range cols {
		args[i] = row[c]
		marks[i] = fmt.Sprintf("$%d", i+1)
		cols[i] = ident(c)
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", d.Table, strings.Join(cols, ", "), strings.Join(marks, ", "))
	if d.ID != "" {
		q += " RETURNING " + ident(d.ID)
		var id int64
		if err := r.q.QueryRow(ctx, q, args...).Scan(&id); err != nil {
			return nil, dbErr(err, d.Name)
		}
		row[d.ID] = id
	} else if _, err := r.q.Exec(ctx, q, args...); err != nil {
		return nil, dbErr(err, d.Name)
	}
	return emr.Record(row), nil
}

// Update implements resource.Writer.
func (r *records) Update(ctx context.Context, d *resource.Def, values map[string]any, conds ...emr.Cond) (int64, error) {
	var sets []string
	var args []any
	now := time.Now().UTC()
	for _, f := range d.Fields {
		if !f.Stored() {
			continue
		}
		v, ok := values[f.Name]
		switch {
		case ok:
			v = stored(&f, v)
		case f.Auto == resource.AutoTouch:
			v = timeValue(&f, now)
		default:
			continue
		}
		args = append(args, v)
		sets = append(sets, fmt.Sprintf("%s = $%d", ident(f.Name), len(args)))
	}
	if len(sets) == 0 {
		return r.count(ctx, d, conds)
	}
	w, args, err := r.where(d, conds, args)
	if err != nil {
		return 0, err
	}
	q := fmt.Sprintf("UPDATE %s AS t SET %s%s", d.Table, strings.Join(sets, ", "), w)
	res, err := r.q.Exec(ctx, q, args...)
	if err != nil {
		return 0, dbErr(err, d.Name)
	}
	return res.RowsAffected()
}

// Delete implements resource.Writer.
func (r *records) Delete(ctx context.Context, d *resource.Def, conds ...emr.Cond) (int64, error) {
	if sd := d.SoftDelete; sd != nil {
		return r.Update(ctx, d, map[string]any{sd.Column: sd.Value}, conds...)
	}
	w, args, err := r.where(d, conds, nil)
	if err != nil {
		return 0, err
	}
	res, err := r.q.Exec(ctx, fmt.Sprintf("DELETE FROM %s AS t%s", d.Table, w), args...)
	if err != nil {
		return 0, dbErr(err, d.Name)
	}
	return res.RowsAffected()
}

// Count implements resource.Reader.
func (r *records) Count(ctx context.Context, d *resource.Def, conds ...emr.Cond) (int, error) {
	n, err := r.count(ctx, d, conds)
	return int(n), err
}

// count is Count as Update reports it: an update that sets nothing
// "changes" the rows it matches.
func (r *records) count(ctx context.Context, d *resource.Def, conds []emr.Cond) (int64, error) {
	w, args, err := r.where(d, conds, nil)
	if err != nil {
		return 0, err
	}
	var n int64
	err = r.q.QueryRow(ctx, "SELECT COUNT(*) FROM "+d.Table+" t"+w, args...).Scan(&n)
	return n, dbErr(err, d.Name)
}

// stored converts an input value for f's column: empty dates are NULL, as
// OpenEMR stores them.
func stored(f *resource.Field, v any) any {
	s, isStr := v.(string)
	switch {
	case v == nil:
		return nil
	case isStr && s == "" && (f.Kind == resource.Date || f.Kind == resource.DateTime || f.Kind == resource.Int || f.Kind == resource.Decimal):
		return nil
	case isStr && f.Kind == resource.Unix:
		t, err := time.Parse("2006-01-02 15:04:05", s)
		if err != nil {
			return nil
		}
		return t.Unix()
	}
	return v
}

func timeValue(f *resource.Field, t time.Time) any {
	switch f.Kind {
	case resource.Unix:
		return t.Unix()
	case resource.Date:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}

func isEmpty(v any) bool { return v == nil || v == "" }

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
