package restapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"goemr/internal/auth"
	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/resource"
	"goemr/internal/web"
)

// Handler serves one route once every gate has passed.
type Handler func(c *Call) error

// Users finds the acting staff user, for ACL checks and the ids OpenEMR
// records as creator.
type Users interface {
	UserByUUID(ctx context.Context, uuid string) (*emr.User, error)
}

// Options configure a Server.
type Options struct {
	Auth    *auth.Server
	Records resource.Records
	Users   Users
	// Routes is the route table, in match order; resource.Routes by default.
	Routes []*resource.Route
	// Handlers serve the routes whose Op is not a generic operation.
	Handlers map[string]Handler
	// Audit receives the API log; nil logs nothing.
	Audit AuditLog
	// MaxPage caps _limit on every list (OpenEMR caps patient lists at 200).
	MaxPage int
	// Documents keeps patient documents; without it the document routes
	// answer 503.
	Documents DocumentStore
	// MaxDocument is the largest document accepted, in bytes
	// (DefaultMaxDocument when 0).
	MaxDocument int64
	// Jobs are goemr's background services, by background_services.name:
	// what running a service through the API does. An active service
	// without a job fails its runs.
	Jobs map[string]func(context.Context) error
	// Versions lets generic reads and lists reuse a response while the
	// data has not changed; nil builds every response afresh.
	Versions DataVersions
}

// Server is the Standard and Portal API front door.
type Server struct {
	o        Options
	router   *router
	handlers map[*resource.Route]Handler
	rules    map[*resource.Route]auth.Rule
	users    *userCache
	cached   map[*resource.Route]bool
	cache    web.ResponseCache
}

// New checks that every route has a handler and returns the Server.
func New(o Options) (*Server, error) {
	if o.Routes == nil {
		o.Routes = resource.Routes
	}
	if o.MaxPage == 0 {
		o.MaxPage = 200
	}
	if o.MaxDocument == 0 {
		o.MaxDocument = DefaultMaxDocument
	}
	s := &Server{o: o, router: newRouter(o.Routes), handlers: map[*resource.Route]Handler{}, rules: map[*resource.Route]auth.Rule{}, users: newUserCache(o.Users), cached: map[*resource.Route]bool{}}
	for _, r := range o.Routes {
		h, err := s.handlerFor(r)
		if err != nil {
			return nil, err
		}
		s.handlers[r] = h
		rule, err := scopeRule(r)
		if err != nil {
			return nil, err
		}
		s.rules[r] = rule
		s.cached[r] = o.Versions != nil && s.cacheable(r)
	}
	return s, nil
}

func (s *Server) handlerFor(r *resource.Route) (Handler, error) {
	if h, ok := s.o.Handlers[r.Op]; ok {
		return h, nil
	}
	if h, ok := builtin[r.Op]; ok {
		return h, nil
	}
	if r.Def != nil {
		switch r.Op {
		case resource.OpList:
			return listHandler, nil
		case resource.OpRead:
			return readHandler, nil
		case resource.OpCreate:
			return createHandler, nil
		case resource.OpUpdate:
			return updateHandler, nil
		case resource.OpDelete:
			return deleteHandler, nil
		}
	}
	return nil, fmt.Errorf("restapi: no handler for %s %s (op %q)", r.Method, r.Path, r.Op)
}

// builtin are hand-written handlers registered by this package's files.
var builtin = map[string]Handler{}

// Routes mounts both APIs on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.Handle("/apis/{site}/api/", s)
	mux.Handle("/apis/{site}/portal/", s)
}

// ServeHTTP passes the request through OpenEMR's gates in OpenEMR's order.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &web.StatusRecorder{ResponseWriter: w}
	c := &Call{W: sw, R: r, Site: r.PathValue("site"), s: s}
	c.Path = strings.TrimPrefix(r.URL.Path, "/apis/"+c.Site)
	if err := s.serve(c); err != nil {
		writeError(sw, r, c.Route, err)
	}
	s.logRequest(c, sw.Status(), start)
}

func (s *Server) serve(c *Call) error {
	ctx := c.R.Context()
	if err := s.o.Auth.Site(ctx, c.Site); err != nil {
		return emr.Errorf(emr.EINVALID, "OpenEMR Error: api site error, so forced exit. Please ensure that the site is set up correctly in the OpenEMR configuration.")
	}
	route, params := s.router.match(c.R.Method, c.Path)
	for k, v := range params {
		if strings.Contains(strings.ToLower(k), "uuid") {
			params[k] = strings.ToLower(v) // stored UUIDs are lower case
		}
	}
	if route != nil && route.Public {
		c.Route, c.Params = route, params
		return s.handlers[route](c)
	}
	p, err := s.o.Auth.Authenticate(ctx, c.R, c.Site)
	if err != nil {
		return err
	}
	c.P = p
	gate := auth.Rule{Gate: "api:oemr", Roles: []string{emr.RoleUsers}}
	if strings.HasPrefix(c.Path, "/portal/") {
		gate = auth.Rule{Gate: "api:port", Roles: []string{emr.RolePatient}}
	}
	if err := gate.Check(p); err != nil {
		return err
	}
	if route == nil {
		return emr.Errorf(emr.ENOTFOUND, "Route not found")
	}
	c.Route, c.Params = route, params
	if err := s.rules[route].Check(p); err != nil {
		return err
	}
	if err := s.checkACL(c); err != nil {
		return err
	}
	if s.cached[route] {
		return s.serveCached(c, s.handlers[route])
	}
	return s.handlers[route](c)
}

// scopeRule is the scope check OpenEMR derives from the route (§1.2).
func scopeRule(r *resource.Route) (auth.Rule, error) {
	ctxName, res, perm := r.Scope()
	rule := auth.Rule{Context: ctxName, Resource: res}
	if strings.HasPrefix(perm, "$") {
		rule.Operation = perm
		return rule, nil
	}
	p, err := scope.ParsePerms(perm)
	if err != nil {
		return rule, fmt.Errorf("restapi: %s %s: %w", r.Method, r.Path, err)
	}
	rule.Perm = p
	return rule, nil
}

// checkACL applies the route's ACL to the acting staff user
// (openemr-standard-api.md §1.4). Portal routes have none: the patient is
// bound to the token.
func (s *Server) checkACL(c *Call) error {
	if c.P.Role != emr.RoleUsers {
		return nil
	}
	u, err := s.users.get(c.R.Context(), c.P.Subject)
	if err != nil {
		if emr.IsNotFound(err) {
			return emr.Errorf(emr.EUNAUTHORIZED, "the token's user no longer exists")
		}
		return err
	}
	if !u.Active {
		return emr.Errorf(emr.EUNAUTHORIZED, "the token's user is disabled")
	}
	c.User = u
	a := c.Route.ACL
	if a.Section != "" && !u.ACL.Allows(a.Section, a.Value, a.Write) {
		return emr.Errorf(emr.EFORBIDDEN, "Organization policy does not have permit access resource")
	}
	return nil
}
