package resource

import "strings"

// Style is the body shape of a route's responses (openemr-standard-api.md §4.1).
type Style int

const (
	Envelope Style = iota // {validationErrors, internalErrors, data, links}
	Raw                   // the payload itself: array, object or true
	Bespoke               // the route's own JSON (background services)
)

// Generic operations served by the resource table; any other Op names a
// hand-written handler.
const (
	OpList   = "list"
	OpRead   = "read"
	OpCreate = "create"
	OpUpdate = "update"
	OpDelete = "delete"
)

// ACL is the OpenEMR access-control check of a route: the user needs
// Section/Value, with write permission when Write is set.
type ACL struct {
	Section, Value string
	Write          bool
}

// Route is one Standard or Portal API route as OpenEMR declares it.
type Route struct {
	Method string
	Path   string // OpenEMR form, params as :name: "/api/patient/:puuid"
	Def    *Def   // the resource served; nil for hand-written routes
	Op     string
	Style  Style
	ACL    ACL
	Public bool // no token needed (version, product)
	// AsList answers a single-item read with a one-element list, as
	// OpenEMR does for some routes.
	AsList bool
	// Binary routes answer with stored bytes, not JSON (downloads).
	Binary  bool
	Summary string
}

// Portal reports whether the route belongs to the Patient Portal API.
func (r *Route) Portal() bool { return strings.HasPrefix(r.Path, "/portal/") }

// Segments splits the path into its segments.
func (r *Route) Segments() []string { return strings.Split(strings.TrimPrefix(r.Path, "/"), "/") }

// Params returns the names of the path parameters, in order.
func (r *Route) Params() []string {
	var ps []string
	for _, s := range r.Segments() {
		if strings.HasPrefix(s, ":") {
			ps = append(ps, s[1:])
		}
	}
	return ps
}

// Scope derives the scope the route requires exactly as OpenEMR does
// (HttpRestRouteHandler::checkSecurity, openemr-standard-api.md §1.2): the
// context is "user" for /api/ and "patient" for /portal/; the resource is
// the last literal segment that is not an operation; the permission is the
// operation when the path ends in one, else derived from the method (GET
// on an item r, GET on a collection s, POST c, PUT u, DELETE d).
func (r *Route) Scope() (context, resource, perm string) {
	context = "user"
	if r.Portal() {
		context = "patient"
	}
	segs := r.Segments()
	last := segs[len(segs)-1]
	for i := len(segs) - 1; i >= 1; i-- { // segs[0] is "api" or "portal"
		s := segs[i]
		if strings.HasPrefix(s, ":") || strings.HasPrefix(s, "$") {
			continue
		}
		resource = s
		break
	}
	switch {
	case strings.HasPrefix(last, "$"):
		perm = last
	case r.Method == "GET" && strings.HasPrefix(last, ":"):
		perm = "r"
	case r.Method == "GET":
		perm = "s"
	case r.Method == "POST":
		perm = "c"
	case r.Method == "PUT" || r.Method == "PATCH":
		perm = "u"
	case r.Method == "DELETE":
		perm = "d"
	}
	return context, resource, perm
}
