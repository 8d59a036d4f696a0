package restapi

import (
	"strings"

	"goemr/internal/resource"
)

// router matches a path against the route table the way OpenEMR does
// (HttpRestParsedRoute): same method, same number of segments, literal
// segments equal, parameters of [A-Za-z0-9-_$:]+, first match in table
// order. No trailing slash, no HEAD for GET.
type router struct {
	byMethod map[string][]*compiled
}

type compiled struct {
	route *resource.Route
	segs  []string // literal segments; "" where a parameter goes
	names []string // parameter names, in path order
}

func newRouter(routes []*resource.Route) *router {
	rt := &router{byMethod: map[string][]*compiled{}}
	for _, r := range routes {
		c := &compiled{route: r}
		for _, s := range r.Segments() {
			if strings.HasPrefix(s, ":") {
				c.names = append(c.names, s[1:])
				s = ""
			}
			c.segs = append(c.segs, s)
		}
		rt.byMethod[r.Method] = append(rt.byMethod[r.Method], c)
	}
	return rt
}

// match returns the route for method and path ("/api/patient/…") and its
// parameters, or nil.
func (rt *router) match(method, path string) (*resource.Route, map[string]string) {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for _, c := range rt.byMethod[method] {
		if len(c.segs) != len(segs) {
			continue
		}
		params, ok := c.try(segs)
		if ok {
			return c.route, params
		}
	}
	return nil, nil
}

func (c *compiled) try(segs []string) (map[string]string, bool) {
	var params map[string]string
	n := 0
	for i, lit := range c.segs {
		if lit != "" {
			if segs[i] != lit {
				return nil, false
			}
			continue
		}
		if !paramValue(segs[i]) {
			return nil, false
		}
		if params == nil {
			params = make(map[string]string, len(c.names))
		}
		params[c.names[n]] = segs[i]
		n++
	}
	return params, true
}

func paramValue(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '-' || b == '_' || b == '$' || b == ':') {
			return false
		}
	}
	return true
}
