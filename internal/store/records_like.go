package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// like is a case-insensitive contains or starts-with search, OpenEMR's
// LIKE '%v%'. Where d has a trigram index it finds the candidate rows:
// on SQLite the FTS5 table named by d.TextIndex, joined by rowid; on
// PostgreSQL the pg_trgm GIN indexes on lower(column), which the planner
// uses for this very LIKE. The LIKE below still decides, so the results
// are the same with or without the index.
func (w *condSQL) like(f *resource.Field, expr string, c emr.Cond) ([]string, error) {
	v := fmt.Sprint(c.Value)
	wrap := func(s string) string {
		if c.Match == emr.Prefix {
			return s + "%"
		}
		return "%" + s + "%"
	}
	if f != nil && f.Kind == resource.Unix {
		return nil, fmt.Errorf("store: %s.%s is a time: no text search on it", w.d.Name, f.Name)
	}
	if f != nil && f.Kind == resource.Int {
		// Digits have no case, and PostgreSQL has no lower(bigint).
		if !fitsKind(f, v) {
			return []string{matchNone}, nil
		}
		return []string{fmt.Sprintf("CAST(%s AS TEXT) LIKE %s ESCAPE '\\'", expr, w.bind(wrap(v)))}, nil
	}
	var parts []string
	if w.trigramIndexed(f) && trigramUsable(v) {
		parts = append(parts, fmt.Sprintf("t.%s IN (SELECT rowid FROM %s WHERE %s LIKE %s)",
			ident(w.d.ID), w.d.TextIndex, ident(f.Name), w.bind(wrap(v))))
	}
	parts = append(parts, fmt.Sprintf("lower(%s) LIKE lower(%s) ESCAPE '\\'", expr, w.bind(wrap(likeEscape(v)))))
	return parts, nil
}

// trigramIndexed reports whether d's SQLite FTS5 table has f as a column:
// it indexes the contains-match fields of the table and d.TextIndexed.
func (w *condSQL) trigramIndexed(f *resource.Field) bool {
	return w.dialect == sqldb.SQLite && w.d.TextIndex != "" && f != nil && f.Stored() &&
		(f.Match == emr.Contains || slices.Contains(w.d.TextIndexed, f.Name))
}

// trigramUsable reports whether a search for v can use a trigram index:
// three characters at least, and no LIKE wildcard, which FTS5 cannot
// escape.
func trigramUsable(v string) bool {
	return utf8.RuneCountInString(v) >= 3 && !strings.ContainsAny(v, "%_")
}

// likeEscape makes \, % and _ in s match themselves in a LIKE with
// ESCAPE '\': a search for "100%" is not a search for "100".
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
