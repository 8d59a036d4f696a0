package store

import (
	"context"
	"maps"
	"sync"
	"time"
)

// The API switches (rest_api, …), grants and token lifetimes are read on
// every request. The settings are kept in memory and read again only when
// the security version moved (a write to globals, or a revocation, on any
// process sharing the database: sqldb.SecurityVersion), so a change made
// on another node applies to its next request without a query per
// request. Where the database cannot tell (no version), a copy is used
// for settingsTTL at most; and settingsMaxAge bounds how long a copy is
// trusted at all, should a process die between committing a write and
// bumping the version.
const (
	settingsTTL    = time.Second
	settingsMaxAge = 5 * time.Second
)

// settingsCache holds every stored setting, defaults applied.
type settingsCache struct {
	mu      sync.Mutex
	m       map[string]string
	loaded  time.Time
	version uint64
	known   bool   // version was read before loading
	gen     uint64 // bumped by every write through this Store
}

// cachedSettings returns the settings in force. The map must not be
// modified.
func (s *Store) cachedSettings(ctx context.Context) (map[string]string, error) {
	c := &s.settings
	version, known := s.securityVersion(ctx)
	c.mu.Lock()
	m, age, gen := c.m, time.Since(c.loaded), c.gen
	fresh := m != nil && age < settingsTTL
	if known {
		fresh = m != nil && c.known && c.version == version && age < settingsMaxAge
	}
	c.mu.Unlock()
	if fresh {
		return m, nil
	}
	start := time.Now()
	m, err := s.loadSettings(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	// A write through this Store while loading may be missing from m:
	// then m is not kept, and the next read loads again.
	if c.gen == gen {
		c.m, c.loaded, c.version, c.known = m, start, version, known
	}
	c.mu.Unlock()
	return m, nil
}

// forgetSettings drops the cached copy after a write.
func (s *Store) forgetSettings() {
	c := &s.settings
	c.mu.Lock()
	c.m, c.gen = nil, c.gen+1
	c.mu.Unlock()
}

// Settings returns every setting in force: the defaults, overridden by the
// stored values.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	m, err := s.cachedSettings(ctx)
	return maps.Clone(m), err
}
