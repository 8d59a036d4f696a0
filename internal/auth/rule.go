package auth

import (
	"net/http"
	"slices"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// Rule is what a protected route asks of a principal: the API gate scope
// OpenEMR requires (api:oemr for /api/, api:port for /portal/), the roles
// that may call it, and the scope that must allow the action. OpenEMR derives
// these from the route itself (openemr-standard-api.md §1.2); the front
// doors build one Rule per route from the resource table.
type Rule struct {
	Gate      string   // "api:oemr", "api:port"; "" for none (FHIR)
	Roles     []string // emr.RoleUsers, emr.RolePatient, emr.RoleSystem
	Context   string   // scope context: "user", "patient" or "system"
	Resource  string   // "patient", "Observation", "*"
	Perm      scope.Perm
	Operation string // "$export", "$swap-insurance"; replaces Perm
}

// Check returns nil when p may use the route, else an EFORBIDDEN error that
// names what is missing (RFC 6750 §3.1 insufficient_scope).
func (r Rule) Check(p *Principal) error {
	if len(r.Roles) > 0 && !slices.Contains(r.Roles, p.Role) {
		return emr.Errorf(emr.EFORBIDDEN, "a %s token cannot use this API", roleName(p.Role))
	}
	if r.Gate != "" && !p.Scopes.Has(r.Gate) {
		return emr.Errorf(emr.EFORBIDDEN, "the token lacks the %s scope", r.Gate)
	}
	if r.Operation != "" {
		if !p.Scopes.AllowsOperation(r.Context, r.Resource, r.Operation) {
			return emr.Errorf(emr.EFORBIDDEN, "the token lacks the %s/%s.%s scope", r.Context, r.Resource, "$"+strings.TrimPrefix(r.Operation, "$"))
		}
		return nil
	}
	if r.Resource != "" && !p.Scopes.Allows(r.Context, r.Resource, r.Perm) {
		return emr.Errorf(emr.EFORBIDDEN, "the token lacks a scope allowing %s/%s.%s", r.Context, r.Resource, r.Perm)
	}
	return nil
}

// Allow adapts the rule to Require's allow function.
func (r Rule) Allow(p *Principal, _ *http.Request) error { return r.Check(p) }

func roleName(role string) string {
	switch role {
	case emr.RoleUsers:
		return "staff user"
	case emr.RolePatient:
		return "patient"
	case emr.RoleSystem:
		return "system (backend services)"
	}
	return "unknown"
}
