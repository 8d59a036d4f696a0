package restapi

import (
	"context"
	"net/http"

	"goemr/internal/resource"
)

// DataVersions tells whether stored data may have changed: the version
// moves on every write, by any process on the database. ok is false when
// the storage cannot tell, and then no response is reused.
type DataVersions interface {
	DataVersion(ctx context.Context) (v uint64, ok bool)
}

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

// serveCached answers c from the cache, or runs h and keeps its answer
// when it is a 200.
func (s *Server) serveCached(c *Call, h Handler) error {
	version, ok := s.o.Versions.DataVersion(c.R.Context())
	if !ok {
		return h(c)
	}
	key := c.Site + " " + c.R.URL.RequestURI()
	return s.cache.Serve(key, version, c.W, c.R, func(w http.ResponseWriter) error {
		kept := c.W
		c.W = w
		defer func() { c.W = kept }()
		return h(c)
	})
}
