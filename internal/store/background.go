package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// A background service run holds a lease on its row (OpenEMR's
// BackgroundServiceRunner): twice the service's interval, at least an hour
// and at most a day, so that a process that dies mid-run blocks the
// service no longer than that before the next run takes the lease over.
const (
	minServiceLease = time.Hour
	maxServiceLease = 24 * time.Hour
)

// AcquireService leases background service name for a run at now. It
// succeeds when no unexpired lease is held and, unless force, the service
// is due (next_run has passed); it then moves next_run one interval on.
// When it fails, held tells whether a live lease is the reason (else the
// service was not due). One UPDATE decides, so two processes never both
// acquire (openemr-standard-api.md §3.20).
func (s *Store) AcquireService(ctx context.Context, name string, interval time.Duration, force bool, now time.Time) (acquired, held bool, err error) {
	lease := min(max(minServiceLease, 2*interval), maxServiceLease)
	at := serviceTime(now)
	q := `UPDATE background_services SET running = 1, lock_expires_at = $1, next_run = $2
		WHERE name = $3 AND (lock_expires_at IS NULL OR lock_expires_at < $4)`
	if !force {
		q += ` AND next_run < $4`
	}
	res, err := s.db.Exec(ctx, q, serviceTime(now.Add(lease)), serviceTime(now.Add(interval)), name, at)
	if err != nil {
		return false, false, dbErr(err, "background service")
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, false, dbErr(err, "background service")
	}
	if n > 0 {
		return true, false, nil
	}
	var one int
	err = s.db.QueryRow(ctx, `SELECT 1 FROM background_services WHERE name = $1 AND lock_expires_at > $2`, name, at).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil
	}
	if err != nil {
		return false, false, dbErr(err, "background service")
	}
	return false, true, nil
}

// ReleaseService ends the lease a run of name holds.
func (s *Store) ReleaseService(ctx context.Context, name string) error {
	_, err := s.db.Exec(ctx, `UPDATE background_services SET running = 0, lock_expires_at = NULL WHERE name = $1`, name)
	return dbErr(err, "background service")
}

// serviceTime is how background_services keeps times: UTC Y-m-d H:i:s, so
// that text order is time order on both engines.
func serviceTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05") }
