package restapi

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"time"

	"goemr/internal/resource"
)

// DataVersions tells whether stored data may have changed: the version
// moves on every write, by any process on the database. ok is false when
// the storage cannot tell, and then no response is reused.
type DataVersions interface {
	DataVersion(ctx context.Context) (v uint64, ok bool)
}

// Bounds of the response cache. Responses larger than maxCachedBody are
// not kept; past maxCacheBytes random entries make room. A page of 200
// patients is about 0.45 MB (plus 0.05 MB gzipped).
const (
	maxCachedBody     = 2 << 20
	maxCacheBytes     = 256 << 20
	cachedResponseTTL = 60 * time.Second
)

// responseCache keeps the bodies of generic reads and lists, keyed by site
// and request URI, with the data version read before the response was
// built. A response is reused only while the version is unchanged, so it
// is byte for byte what the handler would build again: any write to the
// data, in any process, moves the version first.
//
// cachedResponseTTL is a backstop for the one case the version cannot
// catch: a process that died between its commit and its bump (or a write
// made behind goemr's back).
type responseCache struct {
	mu    sync.Mutex
	m     map[string]*cachedResponse
	bytes int
}

type cachedResponse struct {
	version uint64
	built   time.Time
	link    string // the Link header of a raw list page
	body    []byte
	gz      []byte // body gzipped, for clients that accept it; nil when small
}

// size is what the entry holds in memory.
func (e *cachedResponse) size() int { return len(e.body) + len(e.gz) }

// cacheable are the routes whose answer depends on nothing but the stored
// data and the request URI: the generic reads and lists of /api/ (never
// /portal/, whose patient comes from the token), after every gate passed.
func (s *Server) cacheable(r *resource.Route) bool {
	if r.Def == nil || r.Public || r.Portal() || (r.Op != resource.OpRead && r.Op != resource.OpList) {
		return false
	}
	_, custom := s.o.Handlers[r.Op]
	_, hand := builtin[r.Op]
	return !custom && !hand
}

func (rc *responseCache) get(key string, version uint64, now time.Time) *cachedResponse {
	rc.mu.Lock()
	e := rc.m[key]
	rc.mu.Unlock()
	if e == nil || e.version != version || now.Sub(e.built) >= cachedResponseTTL {
		return nil
	}
	return e
}

func (rc *responseCache) put(key string, e *cachedResponse) {
	if e.size() > maxCachedBody {
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.m == nil {
		rc.m = make(map[string]*cachedResponse)
	}
	if old := rc.m[key]; old != nil {
		rc.bytes -= old.size()
		delete(rc.m, key)
	}
	// Map iteration starts at a random entry: random eviction.
	for k, old := range rc.m {
		if rc.bytes+e.size() <= maxCacheBytes {
			break
		}
		rc.bytes -= old.size()
		delete(rc.m, k)
	}
	rc.m[key] = e
	rc.bytes += e.size()
}

// serveCached answers c from the cache, or runs h and keeps its answer
// when it is a 200.
func (s *Server) serveCached(c *Call, h Handler) error {
	version, ok := s.o.Versions.DataVersion(c.R.Context())
	if !ok {
		return h(c)
	}
	now := time.Now()
	key := c.Site + " " + c.R.URL.RequestURI()
	if e := s.cache.get(key, version, now); e != nil {
		e.write(c.W, c.R)
		return nil
	}
	w := c.W
	rec := &bodyRecorder{ResponseWriter: w}
	c.W = rec
	err := h(c)
	c.W = w
	if err != nil {
		return err
	}
	if rec.status != http.StatusOK {
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
		return nil
	}
	e := newCachedResponse(version, now, w.Header().Get("Link"), rec.body.Bytes())
	s.cache.put(key, e)
	e.write(w, c.R)
	return nil
}

// bodyRecorder keeps a handler's response instead of sending it.
type bodyRecorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (b *bodyRecorder) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bodyRecorder) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
