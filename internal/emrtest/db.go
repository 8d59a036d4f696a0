package emrtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"goemr/internal/sqldb"
)

// Environment variables that select the databases tests run on.
const (
	EnvPG        = "GOEMR_TEST_PG"    // PostgreSQL server DSN; unset: SQLite only
	EnvRequirePG = "GOEMR_REQUIRE_PG" // "1": a missing GOEMR_TEST_PG fails the test
)

// NamedDB is one test database and the engine it runs on.
type NamedDB struct {
	Name string // "sqlite" or "postgres", fit for a subtest name
	DB   *sqldb.DB
	DSN  string // opens the same database again (sqldb.Options.DSN)
}

// PGRequired reports whether tests must run on PostgreSQL too.
func PGRequired() bool { return os.Getenv(EnvRequirePG) == "1" }

// DBs returns a fresh, migrated database per engine: SQLite always,
// PostgreSQL when GOEMR_TEST_PG is set. They are closed (and the PostgreSQL
// one dropped) when the test ends.
func DBs(t testing.TB) []NamedDB {
	t.Helper()
	dbs := EmptyDBs(t)
	for _, d := range dbs {
		if err := d.DB.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate %s: %v", d.Name, err)
		}
	}
	return dbs
}

// EmptyDBs is DBs without the migrations, for tests of migrating itself.
func EmptyDBs(t testing.TB) []NamedDB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "goemr.db")
	dbs := []NamedDB{{Name: "sqlite", DSN: "sqlite:" + path}}
	server := os.Getenv(EnvPG)
	switch {
	case server != "":
		dbs = append(dbs, NamedDB{Name: "postgres", DSN: createPG(t, server)})
	case PGRequired():
		t.Fatalf("%s=1 but %s is not set: start a server with .ci/pg-start", EnvRequirePG, EnvPG)
	}
	for i := range dbs {
		dbs[i].DB = open(t, dbs[i].DSN)
	}
	return dbs
}

// SQLite returns a fresh, migrated SQLite database alone, for tests that
// exercise something other than the store and need no second engine.
func SQLite(t testing.TB) *sqldb.DB {
	t.Helper()
	db := open(t, "sqlite:"+filepath.Join(t.TempDir(), "goemr.db"))
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

func open(t testing.TB, dsn string) *sqldb.DB {
	t.Helper()
	// NORMAL sync: a test database need not survive a power cut.
	db, err := sqldb.Open(context.Background(), sqldb.Options{DSN: dsn, SQLiteSync: "NORMAL", ReadConns: 4})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// createPG creates an empty database on the server for this test and
// returns its DSN; the database is dropped when the test ends, after the
// test's own connections close (cleanups run last-in, first-out).
func createPG(t testing.TB, server string) string {
	t.Helper()
	admin := adminDB(t, server)
	var b [6]byte
	rand.Read(b[:])
	name := "goemr_t_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_, err := admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		if err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", EnvPG, err)
	}
	u.Path = "/" + name
	return u.String()
}

// The connection to the server's maintenance database, shared by every
// test of the process: it only creates and drops databases.
var (
	adminMu  sync.Mutex
	adminDBs = map[string]*sqldb.DB{}
)

func adminDB(t testing.TB, server string) *sqldb.DB {
	t.Helper()
	adminMu.Lock()
	defer adminMu.Unlock()
	if db := adminDBs[server]; db != nil {
		return db
	}
	db, err := sqldb.Open(context.Background(), sqldb.Options{DSN: server, ReadConns: 1})
	if err != nil {
		t.Fatalf("%s: %v", EnvPG, err)
	}
	adminDBs[server] = db
	return db
}
