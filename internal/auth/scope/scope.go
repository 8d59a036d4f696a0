package scope

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Contexts of a resource scope: whose data the token acts on.
const (
	ContextPatient = "patient" // one patient, the token's launch context
	ContextUser    = "user"    // whatever the signed-in user may see
	ContextSystem  = "system"  // a backend client, no user
)

// ErrInvalid is wrapped by every Parse error: the string is not a scope.
var ErrInvalid = errors.New("invalid scope")

// nonResourceScopes are the scopes without context/resource form, in the
// order discovery lists them.
var nonResourceScopes = []string{
	"openid", "fhirUser", "profile", "email", "phone", "address", "name",
	"given_name", "family_name", "nickname", "phone_verified", "email_verified",
	"online_access", "offline_access", "launch", "launch/patient", "launch/encounter",
	"api:oemr", "api:fhir", "api:port",
}

// Scope is one parsed scope. For non-resource scopes only Raw is set.
type Scope struct {
	// Raw is the scope as received. String gives the canonical form, which
	// is Raw unless the query was percent-encoded differently. After
	// Catalog.Restrict a v1 scope's Perms may be narrower than Raw reads.
	Raw      string
	Context  string // ContextPatient, ContextUser, ContextSystem; "" for non-resource scopes
	Resource string // "Patient", "allergy" or "*"
	Perms    Perm   // zero for operation scopes
	// Operation is the operation an operation scope grants, with its "$"
	// ("$export"); "" for permission scopes.
	Operation   string
	V1          bool       // permissions were given as read, write or *
	Constraints url.Values // granular ?category= values; nil when unconstrained
}

// IsResource reports whether s is a context/resource scope.
func (s Scope) IsResource() bool { return s.Context != "" }

// Parse parses one scope token.
func Parse(raw string) (Scope, error) {
	if raw == "" {
		return Scope{}, fmt.Errorf("%w: empty scope", ErrInvalid)
	}
	if i := strings.IndexFunc(raw, notScopeTokenChar); i >= 0 {
		return Scope{}, invalid(raw, "character %q is not allowed in a scope", raw[i])
	}
	if slices.Contains(nonResourceScopes, raw) {
		return Scope{Raw: raw}, nil
	}
	ctx, rest, ok := strings.Cut(raw, "/")
	if !ok || !isContext(ctx) && !strings.Contains(rest, ".") {
		return Scope{}, invalid(raw, "unknown scope (want one of the fixed scopes or context/Resource.permissions)")
	}
	if !isContext(ctx) {
		return Scope{}, invalid(raw, "unknown context %q (want patient, user or system)", ctx)
	}
	body, query, hasQuery := strings.Cut(rest, "?")
	resource, access, ok := strings.Cut(body, ".")
	if !ok {
		return Scope{}, invalid(raw, "missing \".permissions\" after the resource")
	}
	if !validResourceName(resource) {
		return Scope{}, invalid(raw, "resource %q must be * or match [A-Za-z][A-Za-z_]*", resource)
	}
	s := Scope{Raw: raw, Context: ctx, Resource: resource}
	switch {
	case access == "read":
		s.V1, s.Perms = true, V1Read
	case access == "write":
		s.V1, s.Perms = true, V1Write
	case access == "*":
		s.V1, s.Perms = true, All
	case strings.HasPrefix(access, "$"):
		if !validOperationName(access) {
			return Scope{}, invalid(raw, "operation %q must match $[A-Za-z][A-Za-z0-9_-]*", access)
		}
		if hasQuery {
			return Scope{}, invalid(raw, "an operation scope takes no query")
		}
		s.Operation = access
	default:
		p, err := ParsePerms(access)
		if err != nil {
			return Scope{}, invalid(raw, "%v (or read, write, * or $operation)", err)
		}
		s.Perms = p
	}
	if hasQuery {
		c, err := parseConstraints(query)
		if err != nil {
			return Scope{}, invalid(raw, "%v", err)
		}
		s.Constraints = c
	}
	return s, nil
}

// ParseList parses a space-separated scope list (the OAuth2 scope
// parameter). Repeated spaces are tolerated; a scope given twice is kept
// once, where it first appears.
func ParseList(list string) ([]Scope, error) {
	var out []Scope
	seen := map[string]bool{}
	for _, raw := range strings.Split(list, " ") {
		if raw == "" {
			continue
		}
		s, err := Parse(raw)
		if err != nil {
			return nil, err
		}
		if key := s.String(); !seen[key] {
			seen[key] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// String gives the canonical form of s; Parse(s.String()) yields s again,
// with Raw set to that form.
// A v1 scope is written with the narrowest v1 word covering its Perms.
func (s Scope) String() string {
	if !s.IsResource() {
		return s.Raw
	}
	access := s.Operation
	switch {
	case access != "":
	case s.V1:
		access = v1Word(s.Perms)
	default:
		access = s.Perms.String()
	}
	out := s.Context + "/" + s.Resource + "." + access
	if len(s.Constraints) > 0 {
		out += "?" + formatConstraints(s.Constraints)
	}
	return out
}

func invalid(raw, format string, args ...any) error {
	return fmt.Errorf("%w %q: %s", ErrInvalid, raw, fmt.Sprintf(format, args...))
}

func isContext(ctx string) bool {
	return ctx == ContextPatient || ctx == ContextUser || ctx == ContextSystem
}

// notScopeTokenChar rejects what RFC 6749 §3.3 keeps out of a scope token.
func notScopeTokenChar(r rune) bool {
	return r < 0x21 || r > 0x7e || r == '"' || r == '\\'
}

func validResourceName(name string) bool {
	if name == "*" {
		return true
	}
	for i, r := range name {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || r != '_') {
			return false
		}
	}
	return name != ""
}

func validOperationName(op string) bool {
	name := strings.TrimPrefix(op, "$")
	for i, r := range name {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		other := '0' <= r && r <= '9' || r == '_' || r == '-'
		if !letter && (i == 0 || !other) {
			return false
		}
	}
	return name != "" && name != op
}

// isFHIRType tells FHIR resource types (Patient) from OpenEMR API
// resources (patient): only the former are covered by the wildcard.
func isFHIRType(resource string) bool {
	return resource != "" && 'A' <= resource[0] && resource[0] <= 'Z'
}
