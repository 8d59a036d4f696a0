package store

import (
	"context"
	"strings"
	"sync"
	"time"

	"goemr/internal/sqldb"
)

// notRevokedTTL bounds how long a "not revoked" answer is trusted without
// a query even when the security version has not moved. It only matters
// when a process died between committing a revocation and bumping the
// version, or someone wrote the table behind goemr's back.
const notRevokedTTL = 5 * time.Second

// maxNotRevoked bounds the cache; past it the cache starts over.
const maxNotRevoked = 100_000

// notRevoked remembers id sets found not revoked, with the security
// version they were checked at. Every authenticated request asks whether
// its token, grant and client are revoked; once nothing has been revoked
// since the last check (on any process sharing the SQLite file) the answer
// still holds, and comparing one counter replaces the query.
//
// Only "not revoked" is cached: a revoked token fails anyway, and a
// revocation that lapses must be seen to lapse.
type notRevoked struct {
	mu sync.Mutex
	m  map[string]notRevokedEntry
}

type notRevokedEntry struct {
	version uint64
	checked time.Time
}

func revocationKey(ids []string) string { return strings.Join(ids, "\x00") }

// holds reports whether ids were found not revoked at version, recently.
func (c *notRevoked) holds(key string, version uint64, now time.Time) bool {
	c.mu.Lock()
	e, ok := c.m[key]
	c.mu.Unlock()
	return ok && e.version == version && now.Sub(e.checked) < notRevokedTTL
}

// remember records that ids were not revoked when checked at version;
// version must have been read before the query ran.
func (c *notRevoked) remember(key string, version uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxNotRevoked {
		c.m = make(map[string]notRevokedEntry)
	}
	c.m[key] = notRevokedEntry{version: version, checked: now}
}

// securityVersion is the database's security version, if it has one.
func (s *Store) securityVersion(ctx context.Context) (uint64, bool) {
	return s.db.Version(ctx, sqldb.SecurityVersion)
}

// DataVersion changes whenever data an API response is built from
// changes, on any process sharing the database; ok is false when the
// database cannot tell, and then nothing may be cached. It counts every
// write acknowledged before the request in ctx began (sqldb.AsOf).
func (s *Store) DataVersion(ctx context.Context) (v uint64, ok bool) {
	return s.db.Version(ctx, sqldb.DataVersion)
}
