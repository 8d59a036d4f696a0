package store

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// TestAuditFiltersUseIndexes: the Audit page's listings are index scans,
// not scans of the whole log (migration 0032). PostgreSQL is told to
// avoid plain scans, since on an empty table one is cheaper; what is
// checked is that the index applies.
func TestAuditFiltersUseIndexes(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		f    emr.AuditFilter
		want string
	}{
		{"security events", emr.AuditFilter{Security: true, Limit: 51}, "api_log_security"},
		{"security events, next page", emr.AuditFilter{Security: true, Before: 1000, Limit: 51}, "api_log_security"},
		{"api log by client", emr.AuditFilter{Event: emr.EventAPI, ClientID: "app", Limit: 51}, "api_log_client"},
		{"by user", emr.AuditFilter{Event: emr.EventAPI, Subject: "u", Limit: 51}, "api_log_subject"},
		{"api log", emr.AuditFilter{Event: emr.EventAPI, Status: 500, Limit: 51}, "api_log_event"},
	}
	for _, ndb := range emrtest.DBs(t) {
		s := New(ndb.DB)
		for _, c := range cases {
			t.Run(ndb.Name+"/"+c.name, func(t *testing.T) {
				q, args, _ := s.auditQuery(c.f)
				text := explain(ctx, t, ndb.DB, q, args)
				if !strings.Contains(text, c.want) {
					t.Errorf("plan does not use %s:\n%s\n%s", c.want, q, text)
				}
			})
		}
	}
}

func explain(ctx context.Context, t *testing.T, db *sqldb.DB, query string, args []any) string {
	t.Helper()
	prefix := "EXPLAIN "
	if db.Dialect() == sqldb.SQLite {
		prefix = "EXPLAIN QUERY PLAN "
	}
	var plan []string
	err := db.Transact(ctx, func(tx *sqldb.Tx) error {
		if db.Dialect() == sqldb.Postgres {
			if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, prefix+query, args...)
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
			plan = append(plan, toText(*vals[len(vals)-1].(*any)))
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "\n")
}
