package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// jwksFetcher fetches clients' jwks_uri documents. A document is kept only as
// long as its Cache-Control max-age allows (ONC AUT-SYS: no caching beyond
// what the client's server says), and is fetched again when an assertion
// names a kid it lacks, so a client can rotate keys without re-registering.
type jwksFetcher struct {
	client *http.Client
	now    func() time.Time
	mu     sync.Mutex
	m      map[string]cachedJWKS
}

type cachedJWKS struct {
	set     jose.JSONWebKeySet
	expires time.Time
}

func newJWKSFetcher(c *http.Client, now func() time.Time) *jwksFetcher {
	return &jwksFetcher{client: c, now: now, m: map[string]cachedJWKS{}}
}

// get returns the key set at uri; fresh forces a fetch.
func (f *jwksFetcher) get(ctx context.Context, uri string, fresh bool) (jose.JSONWebKeySet, error) {
	f.mu.Lock()
	c, ok := f.m[uri]
	f.mu.Unlock()
	if ok && !fresh && f.now().Before(c.expires) {
		return c.set, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return jose.JSONWebKeySet{}, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := f.client.Do(req)
	if err != nil {
		return jose.JSONWebKeySet{}, fmt.Errorf("fetch jwks_uri: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return jose.JSONWebKeySet{}, fmt.Errorf("fetch jwks_uri: status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 256<<10))
	if err != nil {
		return jose.JSONWebKeySet{}, err
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(body, &set); err != nil {
		return jose.JSONWebKeySet{}, fmt.Errorf("jwks_uri: %w", err)
	}
	if age := maxAge(resp.Header.Get("Cache-Control")); age > 0 {
		f.mu.Lock()
		if len(f.m) > 1000 {
			f.m = map[string]cachedJWKS{}
		}
		f.m[uri] = cachedJWKS{set: set, expires: f.now().Add(age)}
		f.mu.Unlock()
	}
	return set, nil
}

// maxAge reads max-age from a Cache-Control header (RFC 9111 §5.2.2.1);
// no-store, no-cache or no max-age mean do not keep it. Capped at a day.
func maxAge(cc string) time.Duration {
	var age time.Duration
	for _, d := range strings.Split(cc, ",") {
		d = strings.TrimSpace(strings.ToLower(d))
		switch {
		case d == "no-store" || d == "no-cache":
			return 0
		case strings.HasPrefix(d, "max-age="):
			n, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(d, "max-age="), `"`))
			if err == nil && n > 0 {
				age = time.Duration(n) * time.Second
			}
		}
	}
	return min(age, 24*time.Hour)
}
