package sqldb_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

var ctx = context.Background()

func TestMigrate(t *testing.T) {
	for _, d := range emrtest.EmptyDBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			if got := d.DB.Dialect(); string(got) != d.Name {
				t.Errorf("Dialect() = %q", got)
			}
			// Several processes starting at once each migrate.
			var wg sync.WaitGroup
			errs := make([]error, 4)
			for i := range errs {
				wg.Go(func() {
					db, err := sqldb.Open(ctx, sqldb.Options{DSN: d.DSN, ReadConns: 1})
					if err != nil {
						errs[i] = err
						return
					}
					defer db.Close()
					errs[i] = db.Migrate(ctx)
				})
			}
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatalf("concurrent Migrate: %v", err)
			}
			if err := d.DB.Migrate(ctx); err != nil {
				t.Fatalf("Migrate again: %v", err)
			}
			var n int
			if err := d.DB.QueryRow(ctx, "SELECT count(*) FROM schema_migrations WHERE version = 1").Scan(&n); err != nil || n != 1 {
				t.Errorf("schema_migrations rows for version 1 = %d, %v", n, err)
			}
			var name string
			if err := d.DB.QueryRow(ctx, "SELECT name FROM sites WHERE id = $1", "default").Scan(&name); err != nil || name != "Default Site" {
				t.Errorf("default site = %q, %v", name, err)
			}
		})
	}
}

var errBoom = errors.New("boom")

func TestTransact(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db := d.DB
			insert := func(id string) func(tx *sqldb.Tx) error {
				return func(tx *sqldb.Tx) error {
					_, err := tx.Exec(ctx, "INSERT INTO sites (id, name) VALUES ($1, $2)", id, "n-"+id)
					return err
				}
			}
			if err := db.Transact(ctx, insert("committed")); err != nil {
				t.Fatal(err)
			}
			err := db.Transact(ctx, func(tx *sqldb.Tx) error {
				if err := insert("failed")(tx); err != nil {
					return err
				}
				return errBoom
			})
			if !errors.Is(err, errBoom) {
				t.Errorf("Transact error = %v, want fn's", err)
			}
			func() {
				defer func() {
					if p := recover(); p != "panic" {
						t.Errorf("recovered %v, want the re-panic", p)
					}
				}()
				db.Transact(ctx, func(tx *sqldb.Tx) error {
					insert("panicked")(tx)
					panic("panic")
				})
			}()
			for id, want := range map[string]int{"committed": 1, "failed": 0, "panicked": 0} {
				var n int
				if err := db.QueryRow(ctx, "SELECT count(*) FROM sites WHERE id = $1", id).Scan(&n); err != nil || n != want {
					t.Errorf("rows for %s = %d, %v; want %d", id, n, err, want)
				}
			}
			// The writer is usable after a rollback and a panic.
			if _, err := db.Exec(ctx, "UPDATE sites SET name = $1 WHERE id = $2", "x", "committed"); err != nil {
				t.Errorf("Exec after rollback: %v", err)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			var got string
			q := "SELECT CAST($2 AS TEXT) || CAST($1 AS TEXT) || CAST($2 AS TEXT) || '$1'"
			if err := d.DB.QueryRow(ctx, q, "a", "b").Scan(&got); err != nil || got != "bab$1" {
				t.Errorf("reused, out-of-order placeholders = %q, %v", got, err)
			}
			err := d.DB.Transact(ctx, func(tx *sqldb.Tx) error {
				return tx.QueryRow(ctx, q, "c", "d").Scan(&got)
			})
			if err != nil || got != "dcd$1" {
				t.Errorf("in a transaction = %q, %v", got, err)
			}
		})
	}
}

func TestConstraintErrors(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			_, err := d.DB.Exec(ctx, "INSERT INTO sites (id, name) VALUES ($1, $2)", "default", "again")
			if !sqldb.IsUniqueViolation(err) || sqldb.IsForeignKeyViolation(err) {
				t.Errorf("duplicate key: %v, want a unique violation", err)
			}
			_, err = d.DB.Exec(ctx, `INSERT INTO oauth_codes (code_hash, grant_id, client_id, expires)
				VALUES ($1, $2, $3, $4)`, "h", "no-such-grant", "c", 1)
			if !sqldb.IsForeignKeyViolation(err) || sqldb.IsUniqueViolation(err) {
				t.Errorf("missing parent: %v, want a foreign key violation", err)
			}
			if sqldb.IsUniqueViolation(errBoom) || sqldb.IsUniqueViolation(nil) {
				t.Errorf("other errors are not violations")
			}
		})
	}
}

func TestSQLiteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	db, err := sqldb.Open(ctx, sqldb.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Dialect() != sqldb.SQLite {
		t.Errorf("Dialect() = %q", db.Dialect())
	}
	for path, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, filepath.Join(dir, sqldb.DefaultFile): 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode() != want {
			t.Errorf("%s: mode %v, %v; want %v", path, fi.Mode(), err, want)
		}
	}
	var mode string
	if err := db.QueryRow(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	// Reads go to read-only connections.
	if rows, err := db.Query(ctx, "CREATE TABLE t (x INTEGER)"); err == nil {
		err = rows.Close()
		t.Errorf("a write through Query succeeded")
	}
}

func TestOpenDSN(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{"sqlite:" + filepath.Join(dir, "a", "x.db"), filepath.Join(dir, "y.db")} {
		db, err := sqldb.Open(ctx, sqldb.Options{DSN: dsn, SQLiteSync: "normal"})
		if err != nil {
			t.Errorf("Open(%q): %v", dsn, err)
			continue
		}
		if err := db.Migrate(ctx); err != nil {
			t.Errorf("Migrate on %q: %v", dsn, err)
		}
		db.Close()
	}
	bad := []sqldb.Options{
		{},
		{DSN: "mysql://u:secret@h/db"},
		{DSN: "sqlite::memory:"},
		{DataDir: dir, SQLiteSync: "OFF"},
	}
	for _, o := range bad {
		db, err := sqldb.Open(ctx, o)
		if err == nil {
			db.Close()
			t.Errorf("Open(%+v) succeeded", o)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}
