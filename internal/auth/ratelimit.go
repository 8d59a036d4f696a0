package auth

import (
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"goemr/internal/web"
)

// addressLimiter bounds how often one client address may call an open
// endpoint (dynamic registration needs no credentials, so it is the easy
// target of a flood). Limits are per process; the table of addresses is
// bounded and forgets idle ones.
type addressLimiter struct {
	every time.Duration
	burst int
	mu    sync.Mutex
	m     map[string]*rate.Limiter
	swept time.Time
}

func newAddressLimiter(perMinute, burst int) *addressLimiter {
	return &addressLimiter{every: time.Minute / time.Duration(perMinute), burst: burst, m: map[string]*rate.Limiter{}}
}

func (l *addressLimiter) allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if len(l.m) > 10_000 || now.Sub(l.swept) > 10*time.Minute {
		for k, lim := range l.m {
			if lim.TokensAt(now) >= float64(l.burst) { // idle: back to a full bucket
				delete(l.m, k)
			}
		}
		if len(l.m) > 10_000 {
			l.m = map[string]*rate.Limiter{}
		}
		l.swept = now
	}
	lim, ok := l.m[addr]
	if !ok {
		lim = rate.NewLimiter(rate.Every(l.every), l.burst)
		l.m[addr] = lim
	}
	return lim.AllowN(now, 1)
}

// limit wraps h so that an address over its budget gets 429 with
// Retry-After, in the OAuth error shape.
func (l *addressLimiter) limit(h web.HandlerFunc) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !l.allow(web.ClientIP(r)) {
			w.Header().Set("Retry-After", "60")
			return oerr(http.StatusTooManyRequests, "slow_down", "too many requests from this address; try again in a minute")
		}
		return h(w, r)
	}
}
