package store

import (
	"context"
	"errors"
	"sync"

	"goemr/internal/sqldb"
)

// groupCommit runs small independent writes of concurrent callers in one
// transaction, so they share one commit (one fsync on SQLite, one round of
// WAL flush on PostgreSQL). Each caller returns only after the transaction
// holding its write has committed: nothing is acknowledged before it is
// durable. There is no background goroutine: the first caller to find no
// commit in progress leads, committing batches until the queue is empty or
// it has led maxLeadBatches times, then hands leadership to a waiter.
//
// A write must not fail a statement for an expected condition (use ON
// CONFLICT DO NOTHING and look at the rows affected): on PostgreSQL a failed
// statement aborts the whole transaction. If a batch fails anyway, each of
// its writes is retried alone, so one bad write never fails the others.
type groupCommit struct {
	db      *sqldb.DB
	mu      sync.Mutex
	pending []*groupWrite
	leading bool
}

type groupWrite struct {
	fn     func(tx *sqldb.Tx) error
	atomic bool       // fn's writes are undone if it fails (a savepoint)
	done   chan error // receives the write's outcome, or errLead
}

// errLead tells a waiting caller that it now leads the next batches.
var errLead = errors.New("lead")

const (
	maxBatch       = 256
	maxLeadBatches = 4
)

// do runs fn in a shared transaction and returns fn's own error, or the
// commit's.
func (g *groupCommit) do(ctx context.Context, fn func(tx *sqldb.Tx) error) error {
	return g.run(ctx, &groupWrite{fn: fn, done: make(chan error, 1)})
}

// doAtomic is do for a write of several statements that fn may abandon
// half-way by returning an error: a savepoint undoes its part of the batch,
// and the batch's other writes still commit.
func (g *groupCommit) doAtomic(ctx context.Context, fn func(tx *sqldb.Tx) error) error {
	return g.run(ctx, &groupWrite{fn: fn, atomic: true, done: make(chan error, 1)})
}

func (g *groupCommit) run(ctx context.Context, w *groupWrite) error {
	g.mu.Lock()
	g.pending = append(g.pending, w)
	if g.leading {
		g.mu.Unlock()
		if err := <-w.done; err != errLead {
			return err
		}
		g.mu.Lock() // leadership was handed over with the lock released
	}
	g.leading = true
	// The batch outlives any one caller's request; a cancelled caller
	// still gets its write committed with the others.
	ctx = context.WithoutCancel(ctx)
	for led := 0; ; led++ {
		if len(g.pending) == 0 {
			g.leading = false
			g.mu.Unlock()
			break
		}
		if led == maxLeadBatches {
			next := g.pending[0]
			g.mu.Unlock()
			next.done <- errLead
			break
		}
		n := min(len(g.pending), maxBatch)
		batch := g.pending[:n:n]
		g.pending = g.pending[n:]
		g.mu.Unlock()
		g.commit(ctx, batch)
		g.mu.Lock()
	}
	return <-w.done
}

// commit runs a batch in one transaction, falling back to one transaction
// per write when the batch as a whole fails.
func (g *groupCommit) commit(ctx context.Context, batch []*groupWrite) {
	results := make([]error, len(batch))
	err := g.db.Transact(ctx, func(tx *sqldb.Tx) error {
		for i, w := range batch {
			if !w.atomic {
				results[i] = w.fn(tx)
				continue
			}
			if _, err := tx.Exec(ctx, "SAVEPOINT group_write"); err != nil {
				return err
			}
			if results[i] = w.fn(tx); results[i] != nil {
				if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT group_write"); err != nil {
					return err
				}
			}
			if _, err := tx.Exec(ctx, "RELEASE SAVEPOINT group_write"); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		for i, w := range batch {
			w.done <- results[i]
		}
		return
	}
	for _, w := range batch {
		w.done <- g.db.Transact(ctx, w.fn)
	}
}
