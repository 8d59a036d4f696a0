package store

import (
	"context"
	"strconv"

	"goemr/internal/resource"
	"goemr/internal/sqldb"
)

// bulkCacheKiB is SQLite's page cache during a bulk load (256 MiB at
// most, used only as the load needs it): inserts into large uuid indexes
// touch pages all over them, and with the default 2 MiB cache the same
// pages are spilled to the WAL and read back again and again.
const bulkCacheKiB = 256 << 10

// Bulk runs fn in one transaction of its own, outside group commit, and
// commits once when fn returns nil. It is for loading many rows at once
// (goemr demo writes a few hundred patients' histories per call): one
// commit for thousands of rows is the point, and unlike Write, fn runs
// exactly once, so it may keep state between rows (numbering, counters).
// Other writers wait for the transaction, so callers keep it to seconds.
func (s *Store) Bulk(ctx context.Context, fn func(w resource.Writer) error) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if tx.Dialect() == sqldb.SQLite {
			var old int64
			if err := tx.QueryRow(ctx, "PRAGMA cache_size").Scan(&old); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "PRAGMA cache_size = -"+strconv.Itoa(bulkCacheKiB)); err != nil {
				return err
			}
			// The writer connection outlives the load: give it its cache back.
			defer tx.Exec(ctx, "PRAGMA cache_size = "+strconv.FormatInt(old, 10))
		}
		return fn(&records{q: tx, dialect: tx.Dialect(), tx: tx})
	})
}
