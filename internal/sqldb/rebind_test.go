package sqldb

import "testing"

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT a FROM t WHERE b = $1 AND c = $2", "SELECT a FROM t WHERE b = ? AND c = ?"},
		{"SELECT a FROM t WHERE b = $2 AND c = $1", "SELECT a FROM t WHERE b = ?2 AND c = ?1"},
		{"SELECT $1, $1", "SELECT ?1, ?1"},
		{"SELECT $1, $3", "SELECT ?1, ?3"},
		{"INSERT INTO t VALUES ($1, $2), ($3, $4)", "INSERT INTO t VALUES (?, ?), (?, ?)"},
		{"SELECT '?1', $1", "SELECT '?1', ?"},
		{"UPDATE t SET a = $2 WHERE b = $1 OR c = $1", "UPDATE t SET a = ?2 WHERE b = ?1 OR c = ?1"},
		{"SELECT $10, $11", "SELECT ?10, ?11"},
		{"SELECT '$1', $1", "SELECT '$1', ?"},
		{"SELECT 'it''s $1', $2", "SELECT 'it''s $1', ?2"},
		{"SELECT 'it''s $1', $1, $2", "SELECT 'it''s $1', ?, ?"},
		{`SELECT "col$1", $1`, `SELECT "col$1", ?`},
		{"SELECT '$1", "SELECT '$1"},
		{"SELECT $ FROM t", "SELECT $ FROM t"},
		{"SELECT $a", "SELECT $a"},
	}
	for _, tt := range tests {
		if got := rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
