package auth

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/rs/cors"
)

// CORS returns middleware that lets browser apps call an endpoint from the
// origins of registered, enabled clients' redirect URIs, and from no other.
// Credentials (cookies) are never allowed cross-origin: browser apps send
// bearer tokens.
func (s *Server) CORS() func(http.Handler) http.Handler {
	o := &originSet{load: s.st.Clients.RegisteredOrigins}
	c := cors.New(cors.Options{
		AllowOriginRequestFunc: func(r *http.Request, origin string) bool { return o.allowed(r.Context(), origin) },
		AllowedMethods:         []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete},
		AllowedHeaders:         []string{"Authorization", "Content-Type", "Accept", "Prefer", "X-Requested-With"},
		ExposedHeaders:         []string{"Location", "Content-Location", "X-Progress", "Retry-After", "X-Request-Id", "WWW-Authenticate", "ETag", "Last-Modified"},
		AllowCredentials:       false,
		MaxAge:                 600,
	})
	return c.Handler
}

// originSet caches the registered origins, reloading on a miss at most once
// a second so a newly registered app works at once without a query per
// request from unknown origins.
type originSet struct {
	load   func(context.Context) ([]string, error)
	mu     sync.Mutex
	set    map[string]bool
	loaded time.Time
}

func (o *originSet) allowed(ctx context.Context, origin string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.set[origin] {
		return true
	}
	if time.Since(o.loaded) < time.Second {
		return false
	}
	list, err := o.load(ctx)
	if err != nil {
		return false
	}
	o.set = make(map[string]bool, len(list))
	for _, x := range list {
		o.set[x] = true
	}
	o.loaded = time.Now()
	return o.set[origin]
}
