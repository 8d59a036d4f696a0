package resource

import (
	"context"

	"goemr/internal/emr"
)

// Reader reads records of any declared resource.
type Reader interface {
	Checker
	// List returns the records of d matching q.
	List(ctx context.Context, d *Def, q emr.Query) ([]emr.Record, error)
	// Count returns how many records of d match where.
	Count(ctx context.Context, d *Def, where ...emr.Cond) (int, error)
	// Get returns the first record of d matching where, or ENOTFOUND.
	Get(ctx context.Context, d *Def, where ...emr.Cond) (emr.Record, error)
	// Resolve looks a bound path parameter up (a patient uuid to its pid);
	// ok is false when nothing matches. within is the value of the
	// previous bind when b.Within is set.
	Resolve(ctx context.Context, b Bind, value, within any) (v any, ok bool, err error)
}

// Writer changes records inside one transaction.
type Writer interface {
	Reader
	// Insert stores a new record of d with the given column values, adding
	// d's fixed values, server-set fields and defaults. It returns the
	// stored row's column values (including its id and uuid).
	Insert(ctx context.Context, d *Def, values map[string]any) (emr.Record, error)
	// Update sets values on the records matching where and returns how
	// many there were.
	Update(ctx context.Context, d *Def, values map[string]any, where ...emr.Cond) (int64, error)
	// Delete removes (or, with d.SoftDelete, marks) the matching records.
	Delete(ctx context.Context, d *Def, where ...emr.Cond) (int64, error)
}

// Records is storage for declared resources. Write runs fn in one
// transaction; concurrent small writes may share a commit, and fn may run
// again on a fresh transaction if its batch fails, so it must do nothing
// but database work.
type Records interface {
	Reader
	Write(ctx context.Context, fn func(w Writer) error) error
}
