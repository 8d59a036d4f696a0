package sqldb

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStmts bounds the statement cache: queries built at run time (an
// IN list per number of ids) could otherwise grow it without end. Queries
// past the bound still run, only unprepared.
const maxCachedStmts = 1000

// stmtCache keeps one prepared statement per query text on one pool, so a
// hot query is parsed and planned once, not on every call. A nil cache
// prepares nothing.
type stmtCache struct {
	pool  *sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, stmts: map[string]*sql.Stmt{}}
}

// lookup returns the cached statement for query, and whether query is
// missing from a cache that has room for it.
func (c *stmtCache) lookup(query string) (s *sql.Stmt, missing bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	s, ok := c.stmts[query]
	return s, !ok && len(c.stmts) < maxCachedStmts
}

// get returns the prepared statement for query, as written with $N
// placeholders, or nil when the cache is off or full. Only SQLite has a
// cache, so the statement is prepared from the rebound text.
//
// Preparing needs a connection; on the SQLite writer that may mean waiting
// for a running transaction, so no lock is held meanwhile (the transaction
// itself looks the cache up).
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	s, missing := c.lookup(query)
	if !missing {
		return s, nil
	}
	s, err := c.pool.PrepareContext(ctx, rebind(query))
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.stmts[query]; ok {
		s.Close() // another caller prepared it first
		return old, nil
	}
	c.stmts[query] = s
	return s, nil
}

func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, s := range c.stmts {
		s.Close()
		delete(c.stmts, q)
	}
}

// Exec runs a statement that writes, on the writer. Do not call it inside
// Transact's function: on SQLite it would wait for the writer the
// transaction holds. Use the Tx instead.
func (db *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := db.wstmts.get(ctx, query)
	if err != nil {
		return nil, err
	}
	var res sql.Result
	if s != nil {
		res, err = s.ExecContext(ctx, args...)
	} else {
		res, err = db.write.ExecContext(ctx, db.rebind(query), args...)
	}
	if err == nil && db.versions != nil {
		err = db.versions.bump(ctx, writes(query))
	}
	return res, err
}

// Query runs a read-only query on the read pool.
func (db *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if db.oneOff != nil && db.oneOff(ctx) {
		return db.read.QueryContext(ctx, db.rebind(query), args...)
	}
	s, err := db.rstmts.get(ctx, query)
	if err != nil {
		return nil, err
	}
	if s != nil {
		return s.QueryContext(ctx, args...)
	}
	return db.read.QueryContext(ctx, db.rebind(query), args...)
}

// QueryRow runs a read-only query that returns at most one row, on the read
// pool. Errors, sql.ErrNoRows included, are reported by Scan.
func (db *DB) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if db.oneOff != nil && db.oneOff(ctx) {
		return db.read.QueryRowContext(ctx, db.rebind(query), args...)
	}
	s, err := db.rstmts.get(ctx, query)
	if err != nil || s == nil {
		// A failed prepare fails again here, and Scan reports it.
		return db.read.QueryRowContext(ctx, db.rebind(query), args...)
	}
	return s.QueryRowContext(ctx, args...)
}

func (db *DB) rebind(query string) string {
	if db.dialect == SQLite {
		return rebind(query)
	}
	return query
}
