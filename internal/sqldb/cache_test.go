package sqldb

import (
	"context"
	"strconv"
	"testing"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func cached(c *stmtCache, q string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.stmts[q]
	return ok
}

// A hot query is prepared once per pool and then reused; one first run
// inside a transaction, where the writer is busy, is prepared after it.
func TestStatementCache(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	read := "SELECT name FROM sites WHERE id = $1"
	for range 3 {
		var name string
		if err := db.QueryRow(ctx, read, "default").Scan(&name); err != nil || name != "Default Site" {
			t.Fatalf("QueryRow = %q, %v", name, err)
		}
	}
	if !cached(db.rstmts, read) || cached(db.wstmts, read) {
		t.Errorf("read query should be cached on the read pool only")
	}

	write := "INSERT INTO sites (id, name) VALUES ($1, $2)"
	err := db.Transact(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, write, "a", "A")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !cached(db.wstmts, write) {
		t.Errorf("statement first run in a transaction should be cached after it")
	}
	err = db.Transact(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, write, "b", "B")
		return err
	})
	if err != nil {
		t.Fatalf("cached statement in a transaction: %v", err)
	}
	if _, err := db.Exec(ctx, write, "c", "C"); err != nil {
		t.Fatalf("cached statement outside a transaction: %v", err)
	}
}

func TestStatementCacheBound(t *testing.T) {
	db := openTemp(t)
	c := db.rstmts
	c.mu.Lock()
	for i := range maxCachedStmts {
		c.stmts[strconv.Itoa(i)] = nil
	}
	c.mu.Unlock()
	var one int
	if err := db.QueryRow(context.Background(), "SELECT $1", 1).Scan(&one); err != nil || one != 1 {
		t.Fatalf("query past the cache bound = %d, %v", one, err)
	}
	if cached(c, "SELECT $1") {
		t.Errorf("full cache grew")
	}
	c.mu.Lock()
	clear(c.stmts) // the fake entries are not statements Close could close
	c.mu.Unlock()
}
