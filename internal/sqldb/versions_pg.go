package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// pgVersions keeps the versions in two PostgreSQL sequences (migration
// 0012), the only state every goemr process on one database shares.
//
// A write bumps them with nextval after its commit, as on SQLite. A reader
// needs values read after its request began, which takes a round trip; to
// keep that to far fewer than one per request, reads are shared: a call
// takes the last fetch if that fetch started after the caller's request
// did, and otherwise joins the next fetch to start, never one already
// running (it may have read the sequences before a write the caller saw
// acknowledged). With many requests in flight one query answers them all,
// and the second check of a request (revocation, then response cache)
// costs nothing. The design
// rules out relying on LISTEN/NOTIFY for correctness, and a notification
// can arrive after a client already saw the write acknowledged.
type pgVersions struct {
	db *sql.DB

	mu      sync.Mutex
	last    *versionFetch // the last fetch that ended well
	running bool
	next    *versionFetch // the fetch that starts when the running one ends
}

// versionFetch is one read of both sequences, shared by every caller that
// joined it before it started.
type versionFetch struct {
	started time.Time
	done    chan struct{}
	values  [numVersions]uint64
	ok      bool
}

// versionQueryTimeout bounds a fetch; past it callers cache nothing.
const versionQueryTimeout = 2 * time.Second

const readVersions = `SELECT d.last_value + CASE WHEN d.is_called THEN 0 ELSE -1 END,
	s.last_value + CASE WHEN s.is_called THEN 0 ELSE -1 END
	FROM goemr_data_version d, goemr_security_version s`

func (p *pgVersions) load(v Version, since time.Time) (uint64, bool) {
	p.mu.Lock()
	var f *versionFetch
	if last := p.last; last != nil && last.started.After(since) {
		p.mu.Unlock()
		return last.values[v], true
	}
	if !p.running {
		p.running = true
		f = &versionFetch{done: make(chan struct{})}
		p.mu.Unlock()
		p.run(f)
	} else {
		if p.next == nil {
			p.next = &versionFetch{done: make(chan struct{})}
		}
		f = p.next
		p.mu.Unlock()
		<-f.done
	}
	return f.values[v], f.ok
}

// run reads the sequences for f, then starts the fetch that callers joined
// meanwhile, if any, on its own goroutine.
func (p *pgVersions) run(f *versionFetch) {
	f.started = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), versionQueryTimeout)
	var d, s int64
	err := p.db.QueryRowContext(ctx, readVersions).Scan(&d, &s)
	cancel()
	if err == nil {
		f.values[DataVersion], f.values[SecurityVersion] = uint64(d), uint64(s)
		f.ok = true
	}
	close(f.done)

	p.mu.Lock()
	if f.ok && (p.last == nil || f.started.After(p.last.started)) {
		p.last = f
	}
	next := p.next
	p.next = nil
	p.running = next != nil
	p.mu.Unlock()
	if next != nil {
		go p.run(next)
	}
}

// bumpRetries is how often a failed bump is tried again. A write whose bump
// is lost would leave other processes' caches stale until their entries
// expire, so the write's caller gets an error rather than a silent success.
const bumpRetries = 3

// undefinedTable is PostgreSQL's SQLSTATE 42P01.
const undefinedTable = "42P01"

func (p *pgVersions) bump(ctx context.Context, set uint8) error {
	var q string
	switch set & allVersions {
	case 0:
		return nil
	case 1 << DataVersion:
		q = `SELECT nextval('goemr_data_version')`
	case 1 << SecurityVersion:
		q = `SELECT nextval('goemr_security_version')`
	default:
		q = `SELECT nextval('goemr_data_version'), nextval('goemr_security_version')`
	}
	// The write is committed: the bump must happen even if the request
	// that made it is gone.
	ctx = context.WithoutCancel(ctx)
	var err error
	for range bumpRetries {
		_, err = p.db.ExecContext(ctx, q)
		var pgErr *pgconn.PgError
		if err == nil || errors.As(err, &pgErr) && pgErr.Code == undefinedTable {
			// No sequences (a database goemr does not manage, or one not
			// yet migrated): load fails there too, so nothing is cached.
			return nil
		}
	}
	return fmt.Errorf("sqldb: the write was committed but other processes may not see it until their caches expire: %w", err)
}
