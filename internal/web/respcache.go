package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bounds of a ResponseCache. Responses larger than MaxCachedBody are not
// kept; past maxCacheBytes random entries make room. A page of 200
// patients is about 0.45 MB (plus 0.05 MB gzipped).
const (
	MaxCachedBody     = 2 << 20
	maxCacheBytes     = 256 << 20
	CachedResponseTTL = 60 * time.Second
)

// ResponseCache keeps response bodies by key (a front door builds the key
// from the site, the request URI and whatever else the answer depends
// on), each with the data version read before it was built. An entry is
// reused only while the version is unchanged, so it is byte for byte what
// the handler would build again: any write to the data, in any process,
// moves the version first (sqldb's shared versions).
//
// CachedResponseTTL is a backstop for the one case the version cannot
// catch: a process that died between its commit and its bump (or a write
// made behind goemr's back).
type ResponseCache struct {
	mu    sync.Mutex
	m     map[string]*CachedResponse
	bytes int
}

// CachedResponse is one kept 200 response.
type CachedResponse struct {
	version     uint64
	built       time.Time
	contentType string
	link        string // the Link header of a paged list
	body        []byte
	gz          []byte // body gzipped, for clients that accept it; nil when small
}

// size is what the entry holds in memory.
func (e *CachedResponse) size() int { return len(e.body) + len(e.gz) }

// Get returns the entry for key if it was built at version, recently.
func (rc *ResponseCache) Get(key string, version uint64, now time.Time) *CachedResponse {
	rc.mu.Lock()
	e := rc.m[key]
	rc.mu.Unlock()
	if e == nil || e.version != version || now.Sub(e.built) >= CachedResponseTTL {
		return nil
	}
	return e
}

// Put keeps e under key, evicting random entries past the size bound.
func (rc *ResponseCache) Put(key string, e *CachedResponse) {
	if e.size() > MaxCachedBody {
		return
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.m == nil {
		rc.m = make(map[string]*CachedResponse)
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

// minGzip is the smallest body worth compressing: below about a packet,
// gzip saves no round trip.
const minGzip = 1400

// NewCachedResponse builds an entry from what a Recorder kept, gzipping a
// large body once so every later hit can send it compressed (RFC 9110
// §8.4). A page of 200 patients shrinks about tenfold.
func NewCachedResponse(version uint64, built time.Time, rec *Recorder) *CachedResponse {
	h := rec.Header()
	body := rec.Body.Bytes()
	e := &CachedResponse{version: version, built: built, contentType: h.Get("Content-Type"), link: h.Get("Link"), body: bytes.Clone(body)}
	if len(body) >= minGzip {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		zw.Write(body)
		zw.Close()
		e.gz = b.Bytes()
	}
	return e
}

// Write sends the entry, compressed when the client accepts gzip. A
// Content-Type already set (a negotiated media type) is kept.
func (e *CachedResponse) Write(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if h.Get("Content-Type") == "" && e.contentType != "" {
		h.Set("Content-Type", e.contentType)
	}
	if e.link != "" {
		h.Set("Link", e.link)
	}
	body := e.body
	if e.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if AcceptsGzip(r.Header.Get("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			body = e.gz
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// AcceptsGzip reads an Accept-Encoding header (RFC 9110 §12.5.3): gzip, or
// *, listed without q=0.
func AcceptsGzip(header string) bool {
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q == "q=0" || strings.HasPrefix(q, "q=0.0") && strings.Trim(q[2:], "0.") == "" {
			return false
		}
		return true
	}
	return false
}

// Recorder keeps a handler's response instead of sending it, so that it
// can be cached first. Headers go to the real writer as usual.
type Recorder struct {
	http.ResponseWriter
	Status int
	Body   bytes.Buffer
}

func (b *Recorder) WriteHeader(code int) {
	if b.Status == 0 {
		b.Status = code
	}
}

func (b *Recorder) Write(p []byte) (int, error) {
	if b.Status == 0 {
		b.Status = http.StatusOK
	}
	return b.Body.Write(p)
}

// Flush sends what the recorder kept, as the handler meant it.
func (b *Recorder) Flush() {
	b.ResponseWriter.WriteHeader(b.Status)
	b.ResponseWriter.Write(b.Body.Bytes())
}

// Serve answers r from the entry kept under key at version, or runs build
// on a writer that records its answer and keeps it when it is a 200.
// build's errors are returned unanswered, for the caller's error writer.
func (rc *ResponseCache) Serve(key string, version uint64, w http.ResponseWriter, r *http.Request, build func(http.ResponseWriter) error) error {
	now := time.Now()
	if e := rc.Get(key, version, now); e != nil {
		e.Write(w, r)
		return nil
	}
	rec := &Recorder{ResponseWriter: w}
	if err := build(rec); err != nil {
		return err
	}
	if rec.Status != http.StatusOK {
		rec.Flush()
		return nil
	}
	e := NewCachedResponse(version, now, rec)
	rc.Put(key, e)
	e.Write(w, r)
	return nil
}
