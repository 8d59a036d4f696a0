package sqldb

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Version names a counter that changes whenever some class of tables is
// written, by this process or by any other process on the same database.
// Readers compare a remembered value with the current one to know whether
// what they derived from those tables may have changed, without a query.
type Version int

const (
	// DataVersion changes on every write to a table that API responses
	// are built from: every table but the security and bookkeeping ones
	// below (a write to an unknown table counts as data, so a new table
	// can only cost a cache miss, never a stale answer).
	DataVersion Version = iota
	// SecurityVersion changes on every write to oauth_revocations (token,
	// grant and client revocations) and to globals (the settings that
	// switch APIs and grants on and off, which every request reads).
	SecurityVersion
	numVersions
)

// bookkeeping are tables written on every request or by the authorization
// server that no API response is built from: writing them leaves
// DataVersion alone.
var bookkeeping = map[string]bool{
	"api_log": true, "jwt_grant_history": true, "login_throttle": true,
	"oauth_grants": true, "oauth_codes": true, "oauth_sessions": true,
	"oauth_clients": true, "oauth_keys": true, "api_refresh_token": true,
	"background_services": true, "sites": true,
	"api_log_patient": true, "api_log_patient_indexed": true,
}

// A versionSource keeps the versions of one database: SQLite's mapped
// file (versions) or PostgreSQL's sequences (pgVersions).
type versionSource interface {
	// load returns v's value as of some moment after since, or false
	// when it cannot be known.
	load(v Version, since time.Time) (uint64, bool)
	// bump adds one to each version in set; it runs after the commit of
	// the write it reports.
	bump(ctx context.Context, set uint8) error
}

// Version reports the value of v and true, or false when this database
// cannot tell other processes' writes (a SQLite file whose version file
// could not be mapped, or a PostgreSQL server that did not answer). Without
// a version nothing may be cached across requests.
//
// The value counts every write acknowledged before the moment AsOf put in
// ctx (the start of the request), or before the call when ctx has none:
// a client that saw its write acknowledged and then asks again is never
// answered from before that write.
func (db *DB) Version(ctx context.Context, v Version) (uint64, bool) {
	if db.versions == nil {
		return 0, false
	}
	since, ok := ctx.Value(asOfKey{}).(time.Time)
	if !ok {
		since = time.Now()
	}
	return db.versions.load(v, since)
}

type asOfKey struct{}

// AsOf records in ctx when the work it carries began (a request's
// arrival): versions read for it need count only writes acknowledged
// before then, which lets one read of PostgreSQL's versions serve every
// check of a request, and of the requests that arrived with it.
func AsOf(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, asOfKey{}, t)
}

// writeClasses caches, per statement text, which versions running it
// changes.
var writeClasses sync.Map // query → uint8 bit set of Versions

// writes returns the bit set of versions query changes when it runs.
func writes(query string) uint8 {
	if m, ok := writeClasses.Load(query); ok {
		return m.(uint8)
	}
	m := classify(query)
	writeClasses.Store(query, m)
	return m
}

const allVersions = uint8(1<<numVersions - 1)

// classify reads the statement's verb and target table. Anything it does
// not recognise as a read or as a write to a known table changes every
// version.
func classify(query string) uint8 {
	f := strings.Fields(strings.ToLower(query))
	if len(f) == 0 {
		return 0
	}
	var table string
	switch f[0] {
	case "select", "pragma", "explain", "create", "drop", "alter", "vacuum", "analyze":
		// Schema changes come with migrations, before anything is cached.
		return 0
	case "insert", "replace":
		// INSERT [OR …] INTO t
		for i, w := range f {
			if w == "into" && i+1 < len(f) {
				table = f[i+1]
				break
			}
		}
	case "update":
		if len(f) > 1 {
			table = f[1]
		}
	case "delete":
		if len(f) > 2 && f[1] == "from" {
			table = f[2]
		}
	}
	table, _, _ = strings.Cut(table, "(")
	switch {
	case table == "":
		return allVersions
	case table == "oauth_revocations":
		return 1 << SecurityVersion
	case table == "globals":
		return 1<<SecurityVersion | 1<<DataVersion
	case bookkeeping[table]:
		return 0
	}
	return 1 << DataVersion
}

// versions are counters in a small file shared through memory mapping by
// every process that opens the same SQLite database, as SQLite shares its
// WAL index in the -shm file. A writer bumps a counter after its commit and
// before it reports success, so a reader that starts after a write was
// acknowledged sees the new value.
//
// The mapping is never unmapped: a goroutine still holding the DB after
// Close (a late log flush) would otherwise fault on it; it costs one page.
type versions struct {
	counters []atomic.Uint64
}

func (vs *versions) load(v Version, _ time.Time) (uint64, bool) { return vs.counters[v].Load(), true }

// bump adds one to each version in set; shared memory cannot fail.
func (vs *versions) bump(_ context.Context, set uint8) error {
	for v := Version(0); v < numVersions; v++ {
		if set&(1<<v) != 0 {
			vs.counters[v].Add(1)
		}
	}
	return nil
}
