package restapi

import (
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/resource"
)

// ScopeEntries are the scopes the routes require, for the authorization
// server's catalogue: every route can then be granted, including those
// OpenEMR requires but never advertises (background services, §9.1).
func ScopeEntries(routes []*resource.Route) []scope.Entry {
	var out []scope.Entry
	for _, r := range routes {
		if r.Public {
			continue
		}
		ctx, res, perm := r.Scope()
		e := scope.Entry{Contexts: []string{ctx}, Resource: res}
		if strings.HasPrefix(perm, "$") {
			e.Operations = []string{perm}
		} else {
			p, err := scope.ParsePerms(perm)
			if err != nil {
				continue
			}
			e.Perms = p
		}
		out = append(out, e)
	}
	return out
}
