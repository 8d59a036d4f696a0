package sqldb_test

import (
	"path/filepath"
	"testing"

	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// TestVersionsAcrossHandles opens one SQLite file twice, as two processes
// would, and checks that each sees the other's writes in its versions.
func TestVersionsAcrossHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	open := func() *sqldb.DB {
		db, err := sqldb.Open(ctx, sqldb.Options{DSN: path, ReadConns: 1})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	version := func(db *sqldb.DB, v sqldb.Version) uint64 {
		t.Helper()
		n, ok := db.Version(v)
		if !ok {
			t.Fatal("SQLite has no versions")
		}
		return n
	}
	data, sec := version(b, sqldb.DataVersion), version(b, sqldb.SecurityVersion)

	// Bookkeeping writes change nothing.
	if _, err := a.Exec(ctx, "INSERT INTO login_throttle (key, failures, window_start) VALUES ('x', 1, 1)"); err != nil {
		t.Fatal(err)
	}
	if version(b, sqldb.DataVersion) != data || version(b, sqldb.SecurityVersion) != sec {
		t.Error("a bookkeeping write changed a version")
	}
	// A revocation changes the security version only.
	if _, err := a.Exec(ctx, "INSERT INTO oauth_revocations (id, expires) VALUES ('j', 1)"); err != nil {
		t.Fatal(err)
	}
	if version(b, sqldb.SecurityVersion) == sec || version(b, sqldb.DataVersion) != data {
		t.Error("a revocation did not change the security version alone")
	}
	// A data write in a transaction changes the data version at commit.
	err := a.Transact(ctx, func(tx *sqldb.Tx) error {
		_, err := tx.Exec(ctx, "INSERT INTO list_options (list_id, option_id, title) VALUES ('x', 'y', 'z')")
		if err == nil && version(b, sqldb.DataVersion) != data {
			t.Error("the data version changed before commit")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if version(b, sqldb.DataVersion) == data {
		t.Error("a committed data write left the data version alone")
	}

	for _, d := range emrtest.EmptyDBs(t) {
		if d.Name == "postgres" {
			if _, ok := d.DB.Version(sqldb.DataVersion); ok {
				t.Error("PostgreSQL claims shared versions")
			}
		}
	}
}
