package sqldb

import (
	"strings"
	"sync"
	"sync/atomic"
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
	// SecurityVersion changes on every write to oauth_revocations: token,
	// grant and client revocations.
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

// Version reports the current value of v and true, or false when this
// database cannot tell other processes' writes (PostgreSQL, where processes
// share no memory, or a SQLite file whose version file could not be
// mapped). Without a version nothing may be cached across requests.
func (db *DB) Version(v Version) (uint64, bool) {
	if db.versions == nil {
		return 0, false
	}
	return db.versions.load(v), true
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
	case "select", "pragma", "explain":
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

func (vs *versions) load(v Version) uint64 { return vs.counters[v].Load() }

// bump adds one to each version in set.
func (vs *versions) bump(set uint8) {
	if vs == nil {
		return
	}
	for v := Version(0); v < numVersions; v++ {
		if set&(1<<v) != 0 {
			vs.counters[v].Add(1)
		}
	}
}
