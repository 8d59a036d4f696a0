package restapi

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
	"time"
)

// minGzip is the smallest body worth compressing: below about a packet,
// gzip saves no round trip.
const minGzip = 1400

// newCachedResponse builds a cache entry, gzipping a large body once so
// every later hit can send it compressed (RFC 9110 §8.4). A page of 200
// patients shrinks about tenfold.
func newCachedResponse(version uint64, built time.Time, link string, body []byte) *cachedResponse {
	e := &cachedResponse{version: version, built: built, link: link, body: bytes.Clone(body)}
	if len(body) >= minGzip {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		zw.Write(body)
		zw.Close()
		e.gz = b.Bytes()
	}
	return e
}

// write sends the entry, compressed when the client accepts gzip.
func (e *cachedResponse) write(w http.ResponseWriter, r *http.Request) {
	if e.link != "" {
		w.Header().Set("Link", e.link)
	}
	if e.gz == nil {
		writeBody(w, http.StatusOK, e.body)
		return
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		writeBody(w, http.StatusOK, e.body)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	writeBody(w, http.StatusOK, e.gz)
}

// acceptsGzip reads an Accept-Encoding header (RFC 9110 §12.5.3): gzip, or
// *, listed without q=0.
func acceptsGzip(header string) bool {
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
