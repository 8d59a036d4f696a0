package fhir

import (
	"context"
	"net/http"
	"strings"
)

// DataVersions tells whether stored data may have changed (the store's
// shared data version, moved by every write of any process); ok false
// means it cannot tell, and nothing is reused.
type DataVersions interface {
	DataVersion(ctx context.Context) (v uint64, ok bool)
}

// answer runs build, which writes a read's or search's 200 response, or
// replays the response it built before for the same request and the same
// reach, while the data version has not moved. Everything a FHIR answer
// depends on is in the key: the site, the request URI (parameters,
// cursor, _format), strict handling, and what the token may see (its
// scope context, its patient, and its scopes, which decide granular
// filters and includes). Authentication and scope checks have run before,
// so a revoked token never gets a cached answer.
func (s *Server) answer(c *call, build func() error) error {
	if s.o.Versions == nil || c.r.Method != http.MethodGet {
		return build()
	}
	version, ok := s.o.Versions.DataVersion(c.r.Context())
	if !ok {
		return build()
	}
	var key strings.Builder
	key.WriteString(c.site)
	key.WriteByte(0)
	key.WriteString(c.r.URL.RequestURI())
	key.WriteByte(0)
	key.WriteString(c.scopeCtx)
	key.WriteByte(0)
	key.WriteString(c.pid)
	key.WriteByte(0)
	key.WriteString(c.p.Scopes.String())
	if preferStrict(c.r) {
		key.WriteString("\x00strict")
	}
	return s.cache.Serve(key.String(), version, c.w, c.r, func(w http.ResponseWriter) error {
		kept := c.w
		c.w = w
		defer func() { c.w = kept }()
		return build()
	})
}
