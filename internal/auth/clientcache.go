package auth

import (
	"context"
	"sync"
	"time"

	"goemr/internal/emr"
)

// clientCache keeps client rows for the token, introspection and revocation
// endpoints. A client row changes after registration only in its enabled
// flag and, by an administrator, its scopes; whether a client may act is
// read on every call from the revocations (emr.ClientDisabledID), so a
// cached row is never trusted for that, and an edited row is noticed in
// the same lookup (emr.ClientChangedID). Entries expire after a few minutes to bound memory, not staleness.
type clientCache struct {
	load func(context.Context, string) (*emr.Client, error)
	now  func() time.Time
	mu   sync.RWMutex
	m    map[string]cachedClient
}

type cachedClient struct {
	c       *emr.Client
	expires time.Time
}

const (
	clientCacheLife = 5 * time.Minute
	clientCacheMax  = 10_000
)

func newClientCache(load func(context.Context, string) (*emr.Client, error), now func() time.Time) *clientCache {
	return &clientCache{load: load, now: now, m: map[string]cachedClient{}}
}

func (cc *clientCache) get(ctx context.Context, id string) (*emr.Client, error) {
	cc.mu.RLock()
	e, ok := cc.m[id]
	cc.mu.RUnlock()
	if ok && cc.now().Before(e.expires) {
		return e.c, nil
	}
	c, err := cc.load(ctx, id)
	if err != nil {
		return nil, err
	}
	cc.mu.Lock()
	if len(cc.m) >= clientCacheMax {
		cc.m = map[string]cachedClient{}
	}
	cc.m[id] = cachedClient{c: c, expires: cc.now().Add(clientCacheLife)}
	cc.mu.Unlock()
	return c, nil
}
