package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // registers the "sqlite" database/sql driver
)

func openSQLite(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" || strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqldb: bad SQLite path %q", path)
	}
	// The read pool and the writer must see one file: an in-memory
	// database would give each connection its own.
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqldb: SQLite needs a plain file path, not %q", path)
	}
	sync := strings.ToUpper(opts.SQLiteSync)
	if sync == "" {
		sync = "FULL"
	}
	if sync != "FULL" && sync != "NORMAL" {
		return nil, fmt.Errorf("sqldb: SQLiteSync must be FULL or NORMAL, not %q", opts.SQLiteSync)
	}
	dir := opts.DataDir
	if opts.DSN != "" {
		dir = filepath.Dir(path)
	}
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	// Create the file ourselves so it is private (0600) from the start;
	// SQLite gives its -wal and -shm files the same mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqldb: create database file: %w", err)
	}
	f.Close()

	write, err := sql.Open("sqlite", sqliteDSN(path, sync, false))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	// The writer connects first: it switches the file to WAL, which the
	// read pool relies on to never wait for the writer.
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqldb: open %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", sqliteDSN(path, sync, true))
	if err != nil {
		write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(opts.ReadConns)
	read.SetMaxIdleConns(opts.ReadConns)
	read.SetConnMaxLifetime(0)
	if err := read.PingContext(ctx); err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("sqldb: open %s: %w", path, err)
	}
	db := &DB{
		dialect: SQLite, write: write, read: read,
		wstmts: newStmtCache(write), rstmts: newStmtCache(read),
	}
	// Without the version file goemr still works, only caches nothing.
	if vs, err := openVersions(path + "-versions"); err == nil {
		db.versions = vs
	}
	return db, nil
}

// sqliteDSN builds a modernc.org/sqlite DSN. Pragmas go in the DSN so that
// every connection the pool opens, now or after a reconnect, gets them.
func sqliteDSN(path, sync string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		// Reads of a large database go to the page cache and the memory
		// map rather than through read() calls: SQLite's default 2 MB cache
		// per connection holds little of the indexes a FHIR search walks.
		q.Add("_pragma", "cache_size(-32768)")
		q.Add("_pragma", "mmap_size(1073741824)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous("+sync+")")
		q.Set("_txlock", "immediate")
	}
	return path + "?" + q.Encode()
}

func openPostgres(ctx context.Context, dsn string, opts Options) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqldb: open %s: %w", redact(dsn), err)
	}
	n := opts.ReadConns + 1
	pool.SetMaxOpenConns(n)
	pool.SetMaxIdleConns(n)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("sqldb: connect to %s: %w", redact(dsn), err)
	}
	return &DB{dialect: Postgres, write: pool, read: pool, versions: &pgVersions{db: pool}}, nil
}
