package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"
)

type ctxKey int

const requestIDKey ctxKey = iota

// RequestID returns the id the middleware gave this request.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// Middleware wraps a handler.
type Middleware func(http.Handler) http.Handler

// Chain applies mws so that the first one is the outermost.
func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// WithRequestID gives every request an id, echoed in X-Request-Id.
func WithRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b [8]byte
		rand.Read(b[:])
		id := hex.EncodeToString(b[:])
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// StatusRecorder remembers the status a handler wrote, for access logs
// (this package's and the API log).
type StatusRecorder struct {
	http.ResponseWriter
	status int
}

// Status is the status written, 0 when nothing was.
func (s *StatusRecorder) Status() int { return s.status }

func (s *StatusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *StatusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *StatusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// WithLog writes one debug line per request and recovers from panics with a
// 500, logging the stack: one bad request must not take the server down.
func WithLog(log *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &StatusRecorder{ResponseWriter: w}
			defer func() {
				if p := recover(); p != nil {
					if p == http.ErrAbortHandler {
						panic(p)
					}
					log.Error("panic", "request_id", RequestID(r.Context()), "panic", p, "stack", string(debug.Stack()))
					if rec.status == 0 {
						http.Error(rec, `{"error":"server_error"}`, http.StatusInternalServerError)
					}
				}
				log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
					"dur", time.Since(start), "request_id", RequestID(r.Context()))
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

// WithBodyLimit caps every request body at n bytes; reading past it fails and
// handlers turn that into a 413/400 in their own shape.
func WithBodyLimit(n int64) Middleware { return WithBodyLimits(n, nil) }

// BodyLimit decides a request's own body limit and whether a body declared
// too large is refused here (413) or left for the handler to refuse in its
// protocol's shape.
type BodyLimit func(r *http.Request) (limit int64, handlerAnswers bool)

// WithBodyLimits caps request bodies at n bytes, or at what per says for
// the request (a document upload takes more than a JSON body).
func WithBodyLimits(n int64, per BodyLimit) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			limit, handlerAnswers := n, false
			if per != nil {
				if l, h := per(r); l > 0 {
					limit, handlerAnswers = l, h
				}
			}
			n := limit
			if r.ContentLength > n && !handlerAnswers {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusRequestEntityTooLarge)
				w.Write([]byte(`{"error":"invalid_request","error_description":"request body too large"}`))
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// WithSecurityHeaders sets the headers every response carries. Pages set a
// stricter Content-Security-Policy of their own.
func WithSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		if strings.HasPrefix(r.URL.Path, "/apis/") {
			// API answers carry health data and depend on the bearer token: a
			// browser must not keep them, nor answer a later call from its
			// cache (heuristic freshness from Last-Modified, RFC 9111
			// §4.2.2) after the token was revoked. A handler may say
			// otherwise; conditional requests (If-None-Match) still work.
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// ClientIP returns the address of the peer (the TCP peer; goemr does not
// trust forwarding headers it cannot verify).
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
