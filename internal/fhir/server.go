package fhir

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"goemr/internal/auth"
	"goemr/internal/bulk"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
	"goemr/internal/web"
)

// AuditLog receives one row per request (internal/audit.Logger).
type AuditLog interface {
	Record(e *emr.AuditEvent)
}

// Options configure a Server.
type Options struct {
	Auth    *auth.Server
	Records resource.Records
	// Mappings are the types served; fhirmap.All by default.
	Mappings []*fhirmap.Mapping
	Audit    AuditLog
	// DefaultCount and MaxCount size search pages (_count).
	DefaultCount, MaxCount int
	// Software is the version the CapabilityStatement reports.
	Software string
	// Versions lets reads and searches reuse a response while the data has
	// not changed; nil builds every response afresh.
	Versions DataVersions
	// Documents serves Binary; without it Binary reads answer 503.
	Documents DocumentBytes
	// Exports runs bulk $export jobs; without it $export answers 501.
	Exports *bulk.Service
}

// Server is the FHIR front door.
type Server struct {
	o        Options
	mappings map[string]*fhirmap.Mapping
	pids     sync.Map // patient uuid → pid: fixed for a patient's life
	caps     sync.Map // site → encoded CapabilityStatement
	cache    web.ResponseCache
}

// New returns a Server for o.
func New(o Options) *Server {
	if o.Mappings == nil {
		o.Mappings = fhirmap.All
	}
	if o.DefaultCount == 0 {
		o.DefaultCount = 50
	}
	if o.MaxCount == 0 {
		o.MaxCount = 1000
	}
	s := &Server{o: o, mappings: map[string]*fhirmap.Mapping{}}
	for _, m := range o.Mappings {
		s.mappings[m.Type] = m
	}
	return s
}

// Routes mounts the FHIR base of every site on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.Handle("/apis/{site}/fhir/", s)
	mux.Handle("/apis/{site}/fhir", s)
}

// call is one request on its way through the server.
type call struct {
	w     http.ResponseWriter
	r     *http.Request
	site  string
	base  string // the absolute FHIR base URL of the site
	p     *auth.Principal
	m     *fhirmap.Mapping
	pid   string // the compartment's patient, when the token is bound to one
	puuid string
	// scopeCtx is the scope context that let the token in: "user",
	// "system" or "patient" (then confined to puuid's compartment).
	scopeCtx string
	status   int
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &web.StatusRecorder{ResponseWriter: w}
	c := &call{w: sw, r: r, site: r.PathValue("site")}
	c.base = s.o.Auth.FHIRBase(c.site)
	if err := s.serve(c); err != nil {
		writeError(sw, r, err)
	}
	s.logRequest(c, sw.Status(), start)
}

// serve routes the request (R4 http.html: [base]/metadata,
// [base]/[type], [base]/[type]/_search, [base]/[type]/[id]).
func (s *Server) serve(c *call) error {
	if err := s.o.Auth.Site(c.r.Context(), c.site); err != nil {
		return emr.Errorf(emr.EINVALID, "unknown site %q", c.site)
	}
	rest := strings.Trim(strings.TrimPrefix(c.r.URL.Path, "/apis/"+c.site+"/fhir"), "/")
	parts := strings.Split(rest, "/")
	if len(parts) == 2 && parts[0] == binaryType.Type {
		return s.readBinary(c, parts[1])
	}
	if handled, err := s.serveBulk(c, parts); handled {
		return err
	}
	if err := negotiate(c.w, c.r); err != nil {
		return err
	}
	if rest == "metadata" {
		if c.r.Method != http.MethodGet && c.r.Method != http.MethodHead {
			return methodNotAllowed(c, "GET")
		}
		return s.capabilities(c)
	}
	if rest == "" && c.r.Method == http.MethodPost {
		return s.postBundle(c) // batch and transaction (R4 http.html#transaction)
	}
	if rest == "" || len(parts) > 2 {
		return emr.Errorf(emr.ENOTFOUND, "no FHIR route for %s", c.r.URL.Path)
	}
	if parts[0] == provenanceType.Type {
		return s.serveProvenance(c, parts)
	}
	if parts[0] == operationDefinitionType.Type {
		return s.serveOperationDefinition(c, parts)
	}
	if len(parts) == 2 && parts[0] == "DocumentReference" && parts[1] == "$docref" {
		return s.docref(c)
	}
	m := s.mappings[parts[0]]
	if m == nil {
		return fail(http.StatusNotFound, "not-supported", "resource type %q is not served here", parts[0])
	}
	c.m = m
	switch {
	case len(parts) == 1 && c.r.Method == http.MethodGet:
		return s.searchType(c, c.r.URL.Query())
	case len(parts) == 1 && c.r.Method == http.MethodPost:
		return s.create(c)
	case len(parts) == 2 && parts[1] != "_search" && c.r.Method == http.MethodPut:
		return s.update(c, parts[1])
	case len(parts) == 2 && parts[1] == "_search":
		if c.r.Method != http.MethodPost {
			return methodNotAllowed(c, "POST")
		}
		params, err := postedSearch(c.r)
		if err != nil {
			return err
		}
		return s.searchType(c, params)
	case len(parts) == 2 && c.r.Method == http.MethodGet:
		return s.read(c, parts[1])
	case len(parts) == 1:
		return methodNotAllowed(c, "GET")
	}
	return methodNotAllowed(c, "GET")
}

// serveProvenance routes Provenance, which is computed from its targets.
func (s *Server) serveProvenance(c *call, parts []string) error {
	c.m = provenanceType
	switch {
	case len(parts) == 1 && c.r.Method == http.MethodGet:
		return s.searchProvenance(c, c.r.URL.Query())
	case len(parts) == 2 && parts[1] == "_search" && c.r.Method == http.MethodPost:
		params, err := postedSearch(c.r)
		if err != nil {
			return err
		}
		return s.searchProvenance(c, params)
	case len(parts) == 2 && parts[1] != "_search" && c.r.Method == http.MethodGet:
		return s.readProvenance(c, parts[1])
	}
	return methodNotAllowed(c, "GET")
}

func methodNotAllowed(c *call, allow string) error {
	c.w.Header().Set("Allow", allow)
	return fail(http.StatusMethodNotAllowed, "not-supported", "%s is not supported on %s", c.r.Method, c.r.URL.Path)
}
