package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"hash/fnv"
)

// Tx is a transaction on the writer, handed to Transact's function.
type Tx struct {
	tx *sql.Tx
	db *DB
	// Queries run unprepared because the writer was busy with this very
	// transaction; Transact prepares them once it is free.
	missed []string
	// The versions the statements run so far change, bumped at commit.
	changes uint8
}

// Transact runs fn in a transaction on the writer and commits if fn returns
// nil; otherwise, or if fn panics, it rolls back (and re-panics). On SQLite
// the transaction begins IMMEDIATE: it holds the write lock from the start.
// Inside fn use tx only, never db.Exec, which would wait for the writer.
func (db *DB) Transact(ctx context.Context, fn func(tx *Tx) error) error {
	sqltx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	tx := &Tx{tx: sqltx, db: db}
	defer func() {
		if p := recover(); p != nil {
			_ = sqltx.Rollback()
			panic(p)
		}
		for _, q := range tx.missed {
			_, _ = db.wstmts.get(ctx, q) // best effort: it only saves time later
		}
	}()
	if err := fn(tx); err != nil {
		_ = sqltx.Rollback()
		return err
	}
	err = sqltx.Commit()
	// Bumped even when Commit reports an error: the commit may still have
	// reached the database, and a needless bump only costs a cache miss.
	if db.versions != nil {
		err = errors.Join(err, db.versions.bump(ctx, tx.changes))
	}
	return err
}

// Dialect reports which engine the transaction runs on.
func (tx *Tx) Dialect() Dialect { return tx.db.dialect }

// stmt returns the cached statement for query bound to this transaction,
// or nil when the query must run unprepared.
func (tx *Tx) stmt(ctx context.Context, query string) *sql.Stmt {
	if tx.db.versions != nil {
		tx.changes |= writes(query)
	}
	s, missing := tx.db.wstmts.lookup(query)
	if missing {
		tx.missed = append(tx.missed, query)
	}
	if s == nil {
		return nil
	}
	return tx.tx.StmtContext(ctx, s)
}

// Exec runs a statement in the transaction.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s := tx.stmt(ctx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return tx.tx.ExecContext(ctx, tx.db.rebind(query), args...)
}

// Query runs a query in the transaction.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s := tx.stmt(ctx, query); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return tx.tx.QueryContext(ctx, tx.db.rebind(query), args...)
}

// QueryRow runs a query returning at most one row in the transaction; use
// it for INSERT … RETURNING too, which must run on the writer.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if s := tx.stmt(ctx, query); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return tx.tx.QueryRowContext(ctx, tx.db.rebind(query), args...)
}

// Serialize makes transactions that call it with the same name run one at a
// time, until this one ends: for read-then-write sequences such as "next
// number = max + 1". On PostgreSQL it takes a transaction-scoped advisory
// lock; SQLite transactions are serialized already.
func (tx *Tx) Serialize(ctx context.Context, name string) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(name))
	_, err := tx.tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(h.Sum64()))
	return err
}
