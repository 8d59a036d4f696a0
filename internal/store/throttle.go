package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"goemr/internal/sqldb"
)

// maxThrottleRows bounds login_throttle: an attacker cycling through
// usernames or addresses must not be able to grow it without end.
const maxThrottleRows = 100_000

// RecordFailure counts a failed sign-in for key and returns the failures
// counted since windowStart. A count whose window began before windowStart
// starts again at 1. Rows whose window is over are deleted on the way, and
// the oldest ones too while the table is above its bound.
func (s *Store) RecordFailure(ctx context.Context, key string, now, windowStart time.Time) (int, error) {
	var n int
	// One upsert: concurrent failures for a key, from any process, each
	// count once.
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO login_throttle (key, window_start, failures) VALUES ($1, $2, 1)
			ON CONFLICT (key) DO UPDATE SET
				failures = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.failures + 1 END,
				window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END
			RETURNING failures`, key, now.Unix(), windowStart.Unix()).Scan(&n)
	})
	if err != nil {
		return 0, dbErr(err, "login failures")
	}
	// Housekeeping runs apart from the upsert so that it never holds the
	// row lock of key while it scans the table.
	if _, err := s.db.Exec(ctx, `DELETE FROM login_throttle WHERE window_start < $1`, windowStart.Unix()); err != nil {
		return n, dbErr(err, "login failures")
	}
	var rows int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM login_throttle`).Scan(&rows); err != nil {
		return n, dbErr(err, "login failures")
	}
	if rows > maxThrottleRows {
		_, err := s.db.Exec(ctx, `DELETE FROM login_throttle WHERE key IN (SELECT key FROM login_throttle
			WHERE key <> $1 ORDER BY window_start, key LIMIT $2)`, key, rows-maxThrottleRows)
		if err != nil {
			return n, dbErr(err, "login failures")
		}
	}
	return n, nil
}

// Failures returns the failures counted for key since windowStart.
func (s *Store) Failures(ctx context.Context, key string, windowStart time.Time) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT failures FROM login_throttle WHERE key = $1 AND window_start >= $2`,
		key, windowStart.Unix()).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return n, dbErr(err, "login failures")
}

// ResetFailures forgets the failures of key (after a successful sign-in).
func (s *Store) ResetFailures(ctx context.Context, key string) error {
	_, err := s.db.Exec(ctx, `DELETE FROM login_throttle WHERE key = $1`, key)
	return dbErr(err, "login failures")
}
