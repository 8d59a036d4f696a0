package scope

import (
	"net/url"
	"strings"
)

// Set is the scopes a token carries. Each question is answered by single
// scopes: a permission is allowed when one scope grants all of it, so
// patient/Observation.r plus patient/Observation.s allow R and S but not
// R|S at once. Routes ask for one permission, so this never bites.
type Set []Scope

// Allows reports whether some scope in the set grants p on resource in
// context ctx. A "*" scope covers FHIR types only. Constrained scopes
// count: use Constraints to learn which results may be returned. Asking
// for no permission (p == 0) is always refused.
func (set Set) Allows(ctx, resource string, p Perm) bool {
	if p == 0 {
		return false
	}
	for _, g := range set {
		if g.grants(ctx, resource, p) {
			return true
		}
	}
	return false
}

// AllowsOperation reports whether the set grants operation op ("$export";
// the "$" may be left out) on resource in context ctx. Operation scopes are
// never implied by permissions. A FHIR type is covered by its own
// operation scope or by ctx/*.op; resource "*" (a system-level operation
// such as /$export) only by ctx/*.op.
func (set Set) AllowsOperation(ctx, resource, op string) bool {
	if !strings.HasPrefix(op, "$") {
		op = "$" + op
	}
	for _, g := range set {
		if g.Context == ctx && g.Operation == op && covers(g.Resource, resource) {
			return true
		}
	}
	return false
}

// Constraints gives the granular filters for results of a request that
// needs p on resource: nil when some granting scope is unconstrained, else
// the constraints of each granting scope (a result is visible when it
// matches any of them). It also returns nil when nothing grants p, so
// check Allows first.
//
// OpenEMR keeps filtering when an unconstrained scope is also present; we
// do not, as an unconstrained grant is unconstrained.
func (set Set) Constraints(ctx, resource string, p Perm) []url.Values {
	var out []url.Values
	for _, g := range set {
		if p == 0 || !g.grants(ctx, resource, p) {
			continue
		}
		if len(g.Constraints) == 0 {
			return nil
		}
		out = append(out, g.Constraints)
	}
	return out
}

// Contains reports whether s lies within one scope of the set: same
// context; same resource, or "*" in the set for a FHIR type; the same
// operation or a superset of the permissions; and either no constraints
// in the set's scope or the very same ones. A non-resource scope must be
// present as it is.
func (set Set) Contains(s Scope) bool {
	if !s.IsResource() {
		return set.Has(s.Raw)
	}
	for _, g := range set {
		switch {
		case g.Context != s.Context || !covers(g.Resource, s.Resource):
		case g.Operation != s.Operation:
		case s.Operation == "" && (s.Perms == 0 || !g.Perms.Has(s.Perms)):
		case len(g.Constraints) > 0 && !sameConstraints(g.Constraints, s.Constraints):
		default:
			return true
		}
	}
	return false
}

// Has reports whether the non-resource scope raw ("offline_access",
// "launch/patient") is in the set. Resource scopes are checked with
// Allows, AllowsOperation or Contains instead.
func (set Set) Has(raw string) bool {
	for _, g := range set {
		if !g.IsResource() && g.Raw == raw {
			return true
		}
	}
	return false
}

// String joins the scopes as received, for the scope parameter of a
// token response.
func (set Set) String() string {
	raws := make([]string, len(set))
	for i, g := range set {
		raws[i] = g.Raw
		if raws[i] == "" {
			raws[i] = g.String()
		}
	}
	return strings.Join(raws, " ")
}

// grants reports whether g is a permission scope granting all of p on
// resource in context ctx, whatever its constraints.
func (g Scope) grants(ctx, resource string, p Perm) bool {
	return g.Context == ctx && g.Operation == "" &&
		covers(g.Resource, resource) && g.Perms.Has(p)
}

// covers reports whether a scope for granted applies to requested.
func covers(granted, requested string) bool {
	return granted == requested || granted == "*" && isFHIRType(requested)
}
