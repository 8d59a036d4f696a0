package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Dialect names the SQL engine behind a DB.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Options says which database to open and how.
type Options struct {
	// DSN selects the database: "" is the SQLite file goemr.db in DataDir;
	// "sqlite:/path/x.db" or a path ending in .db is that SQLite file;
	// "postgres://…" or "postgresql://…" is PostgreSQL.
	DSN string
	// DataDir holds the default SQLite file; created (0700) when missing.
	DataDir string
	// SQLiteSync is SQLite's synchronous pragma: "FULL" (default) survives
	// power loss; "NORMAL" is faster and may lose the last commits then.
	SQLiteSync string
	// ReadConns sizes the SQLite read pool, and the PostgreSQL pool (plus
	// one connection for writes). Default: the number of CPUs, at least 4.
	ReadConns int
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	dialect Dialect
	write   *sql.DB // the single SQLite writer; the whole pool on PostgreSQL
	read    *sql.DB // the read-only SQLite pool; == write on PostgreSQL
	// Prepared statements per query, SQLite only: pgx already caches
	// prepared statements per connection itself.
	wstmts, rstmts *stmtCache
	// Counters shared with every process on the same database: a mapped
	// file beside a SQLite database, sequences on PostgreSQL; nil when
	// the file could not be mapped.
	versions versionSource
	// oneOff reports whether a read is run once over many rows and should
	// bypass the statement cache (nil: every read may be cached).
	oneOff func(context.Context) bool
}

// SetOneOff tells the database which reads not to keep prepared: a
// cached SQLite statement holds its compiled program on every read
// connection, a few hundred KiB for the FHIR mappings' joins, so the query
// shapes of a bulk export (an IN list per chunk size, keyset or not, per
// type) would otherwise fill the cache with hundreds of MiB of programs
// that each run once per page.
func (db *DB) SetOneOff(f func(context.Context) bool) { db.oneOff = f }

// DefaultFile is the SQLite file name used inside DataDir.
const DefaultFile = "goemr.db"

// Open opens (creating if needed) the database opts selects and checks that
// it answers. It does not migrate: call Migrate.
func Open(ctx context.Context, opts Options) (*DB, error) {
	if opts.ReadConns <= 0 {
		opts.ReadConns = max(4, runtime.NumCPU())
	}
	dsn := opts.DSN
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn, opts)
	case dsn == "":
		if opts.DataDir == "" {
			return nil, errors.New("sqldb: neither a DSN nor a data directory was given")
		}
		return openSQLite(ctx, filepath.Join(opts.DataDir, DefaultFile), opts)
	case strings.HasPrefix(dsn, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"), opts)
	case strings.HasSuffix(dsn, ".db") && !strings.Contains(dsn, "://"):
		return openSQLite(ctx, dsn, opts)
	}
	return nil, fmt.Errorf("sqldb: unsupported database %q: want postgres://…, sqlite:PATH or a PATH ending in .db", redact(dsn))
}

// redact drops everything after the scheme so a password in a DSN never
// reaches an error message or a log.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		return dsn[:i+3] + "…"
	}
	return dsn
}

// Dialect reports which engine the DB runs on.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes the cached statements and every connection.
func (db *DB) Close() error {
	db.wstmts.close()
	db.rstmts.close()
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// ensureDir creates dir, private to the server's user, if it is missing.
func ensureDir(dir string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("sqldb: create data directory: %w", err)
	}
	return nil
}
