package auth

import (
	"sync"
	"time"
)

// tokenCache remembers verified access tokens until they expire, so the RSA
// signature of a token is checked once, not on every request. Revocation is
// still looked up each time. The size is bounded: when full, expired entries
// are dropped, and if that is not enough the cache starts over.
type tokenCache struct {
	mu  sync.RWMutex
	m   map[string]*Principal
	max int
}

func newTokenCache(max int) *tokenCache {
	return &tokenCache{m: make(map[string]*Principal), max: max}
}

func (c *tokenCache) get(token string) *Principal {
	c.mu.RLock()
	p := c.m[token]
	c.mu.RUnlock()
	return p
}

func (c *tokenCache) put(token string, p *Principal, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		for k, v := range c.m {
			if !now.Before(v.Expires) {
				delete(c.m, k)
			}
		}
		if len(c.m) >= c.max {
			c.m = make(map[string]*Principal)
		}
	}
	c.m[token] = p
}

// secretCache remembers client secrets that verified, keyed by client id and
// the secret's SHA-256, so a confidential client calling introspection or
// the token endpoint pays for bcrypt once, not per call. Only successes are
// kept; a deleted or disabled client is still refused because the client row
// is read on every call.
type secretCache struct {
	mu  sync.RWMutex
	m   map[string]string // client id → hash of the verified secret digest
	max int
}

func newSecretCache(max int) *secretCache {
	return &secretCache{m: make(map[string]string), max: max}
}

func (c *secretCache) ok(clientID, storedHash, secret string) bool {
	key := clientID + "\x00" + storedHash
	d := tokenHash(secret)
	c.mu.RLock()
	v, hit := c.m[key]
	c.mu.RUnlock()
	if hit {
		return equalStrings(v, d)
	}
	if !checkClientSecret(storedHash, secret) {
		return false
	}
	c.mu.Lock()
	if len(c.m) >= c.max {
		c.m = make(map[string]string)
	}
	c.m[key] = d
	c.mu.Unlock()
	return true
}
