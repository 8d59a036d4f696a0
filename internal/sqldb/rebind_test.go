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

func TestDialectBlocks(t *testing.T) {
	text := "CREATE TABLE a (x INT);\n--- sqlite\nS1;\nS2;\n--- postgres\nP1;\n--- both\nB;\n"
	if got := dialectBlocks(text, SQLite); got != "CREATE TABLE a (x INT);\nS1;\nS2;\nB;\n" {
		t.Errorf("sqlite: %q", got)
	}
	if got := dialectBlocks(text, Postgres); got != "CREATE TABLE a (x INT);\nP1;\nB;\n" {
		t.Errorf("postgres: %q", got)
	}
	if got := dialectBlocks("A;\n-- comment\n", SQLite); got != "A;\n-- comment\n" {
		t.Errorf("plain: %q", got)
	}
}
