package store

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// TestPrefixUsesTrigramIndex: a starts-with search on a patient name is
// answered by the trigram index, not a scan of patient_data: on SQLite
// through the FTS5 table, on PostgreSQL through the pg_trgm GIN index on
// lower(lname). PostgreSQL is told to avoid scans, since on a table this
// small a scan is cheaper; what is checked is that the index applies.
func TestPrefixUsesTrigramIndex(t *testing.T) {
	ctx := context.Background()
	for _, ndb := range emrtest.DBs(t) {
		t.Run(ndb.Name, func(t *testing.T) {
			r := &records{q: ndb.DB, dialect: ndb.DB.Dialect()}
			w := r.conds(resource.Patient, nil)
			parts, err := w.all([]emr.Cond{{Field: "lname", Match: emr.Prefix, Value: "smi"}})
			if err != nil {
				t.Fatal(err)
			}
			query := compileSelect(resource.Patient, false).sql + whereSQL(parts)
			want := "patient_data_lname_trgm"
			explain := "EXPLAIN " + query
			if r.dialect == sqldb.SQLite {
				want, explain = "VIRTUAL TABLE INDEX", "EXPLAIN QUERY PLAN "+query
			}
			var plan []string
			err = ndb.DB.Transact(ctx, func(tx *sqldb.Tx) error {
				if r.dialect == sqldb.Postgres {
					if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
						return err
					}
				}
				rows, err := tx.Query(ctx, explain, w.args...)
				if err != nil {
					return err
				}
				defer rows.Close()
				cols, _ := rows.Columns()
				vals := make([]any, len(cols))
				for i := range vals {
					vals[i] = new(any)
				}
				for rows.Next() {
					if err := rows.Scan(vals...); err != nil {
						return err
					}
					// The plan text is the last column on both engines.
					plan = append(plan, toText(*vals[len(vals)-1].(*any)))
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(plan, "\n")
			t.Logf("%s\n%s", query, text)
			if !strings.Contains(text, want) {
				t.Errorf("plan does not use the trigram index (%s):\n%s", want, text)
			}
		})
	}
}

func toText(v any) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	s, _ := v.(string)
	return s
}
