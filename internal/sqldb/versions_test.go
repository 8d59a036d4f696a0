package sqldb_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
)

// TestVersionsAcrossHandles opens each database twice, as two processes
// would, and checks that each sees the other's writes in its versions.
func TestVersionsAcrossHandles(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			b, err := sqldb.Open(ctx, sqldb.Options{DSN: d.DSN, ReadConns: 1})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			checkVersions(t, d.DB, b)
		})
	}
}

// checkVersions writes through a and reads versions through b.
func checkVersions(t *testing.T, a, b *sqldb.DB) {
	version := func(db *sqldb.DB, v sqldb.Version) uint64 {
		t.Helper()
		n, ok := db.Version(ctx, v)
		if !ok {
			t.Fatal("no versions")
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
}

// TestVersionsConcurrentReaders has many goroutines read versions while
// another writes: every read started after a write was acknowledged must
// count it, however reads are coalesced.
func TestVersionsConcurrentReaders(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			var acked atomic.Uint64
			done := make(chan struct{})
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						select {
						case <-done:
							return
						default:
						}
						want := acked.Load()
						got, ok := d.DB.Version(ctx, sqldb.SecurityVersion)
						if !ok {
							t.Error("no versions")
							return
						}
						if got < want {
							t.Errorf("read version %d after write %d was acknowledged", got, want)
							return
						}
					}
				}()
			}
			for i := range 50 {
				if _, err := d.DB.Exec(ctx, "INSERT INTO oauth_revocations (id, expires) VALUES ($1, 1)", fmt.Sprint("r", i)); err != nil {
					t.Fatal(err)
				}
				v, _ := d.DB.Version(ctx, sqldb.SecurityVersion)
				acked.Store(v)
			}
			close(done)
			wg.Wait()
		})
	}
}
