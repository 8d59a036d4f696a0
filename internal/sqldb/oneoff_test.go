package sqldb

import (
	"context"
	"testing"
)

type oneOffKey struct{}

// Reads the database is told are one-off (a bulk export's pages) run
// unprepared and leave the statement cache as it was; other reads on the
// same database are still cached.
func TestOneOffReadsBypassTheCache(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db.SetOneOff(func(ctx context.Context) bool { return ctx.Value(oneOffKey{}) != nil })
	bulk := context.WithValue(ctx, oneOffKey{}, true)

	row := "SELECT name FROM sites WHERE id = $1"
	var name string
	if err := db.QueryRow(bulk, row, "default").Scan(&name); err != nil || name != "Default Site" {
		t.Fatalf("one-off QueryRow = %q, %v", name, err)
	}
	rows := "SELECT id FROM sites WHERE name = $1"
	rs, err := db.Query(bulk, rows, "Default Site")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rs.Next() {
		n++
	}
	if err := rs.Close(); err != nil || n != 1 {
		t.Fatalf("one-off Query: %d rows, %v", n, err)
	}
	if cached(db.rstmts, row) || cached(db.rstmts, rows) {
		t.Errorf("one-off reads were cached")
	}
	if err := db.QueryRow(ctx, row, "default").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if !cached(db.rstmts, row) {
		t.Errorf("an ordinary read of the same query was not cached")
	}
}
