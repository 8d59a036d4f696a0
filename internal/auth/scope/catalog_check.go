package scope

import (
	"fmt"
	"slices"
	"strings"
)

func checkPerms(s Scope, offered Perm) error {
	switch {
	case offered == 0:
		return unsupported(s, "no permissions are offered for %s/%s", s.Context, s.Resource)
	case s.V1 && !s.Perms.Any(offered):
		return unsupported(s, "%s/%s offers only %q", s.Context, s.Resource, offered.String())
	case !s.V1 && (s.Perms == 0 || !offered.Has(s.Perms)):
		return unsupported(s, "%s/%s offers only %q", s.Context, s.Resource, offered.String())
	}
	return nil
}

// checkCategories accepts each requested category as listed ("system|code")
// or by its bare code.
func checkCategories(s Scope, offered []string) error {
	for key, values := range s.Constraints {
		if key != constraintKey {
			return unsupported(s, "unsupported constraint %q", key)
		}
		if len(offered) == 0 {
			return unsupported(s, "%s/%s offers no category scopes", s.Context, s.Resource)
		}
		for _, v := range values {
			if !slices.ContainsFunc(offered, func(cat string) bool { return v == cat || v == codeOf(cat) }) {
				return unsupported(s, "category %q is not offered for %s", v, s.Resource)
			}
		}
	}
	return nil
}

func codeOf(category string) string {
	_, code, _ := strings.Cut(category, "|")
	return code
}

func checkEntry(e Entry) error {
	if len(e.Contexts) == 0 {
		return fmt.Errorf("entry for %q has no context", e.Resource)
	}
	for _, ctx := range e.Contexts {
		if !isContext(ctx) {
			return fmt.Errorf("entry for %q: unknown context %q", e.Resource, ctx)
		}
	}
	if !validResourceName(e.Resource) {
		return fmt.Errorf("bad resource name %q", e.Resource)
	}
	if e.Resource == "*" && (e.Perms != 0 || len(e.Categories) > 0) {
		return fmt.Errorf("the * entry may only offer operations (wildcard permissions follow the FHIR types)")
	}
	if e.Perms&^All != 0 {
		return fmt.Errorf("entry for %q: unknown permission bits %08b", e.Resource, e.Perms)
	}
	for _, op := range e.Operations {
		if !validOperationName(op) {
			return fmt.Errorf("entry for %q: bad operation %q", e.Resource, op)
		}
	}
	for _, cat := range e.Categories {
		if codeOf(cat) == "" {
			return fmt.Errorf("entry for %q: category %q is not system|code", e.Resource, cat)
		}
	}
	if len(e.Categories) > 0 && e.Perms == 0 {
		return fmt.Errorf("entry for %q: categories without permissions", e.Resource)
	}
	return nil
}

func appendNew(list []string, items ...string) []string {
	for _, item := range items {
		if !slices.Contains(list, item) {
			list = append(list, item)
		}
	}
	return list
}

func unsupported(s Scope, format string, args ...any) error {
	return fmt.Errorf("%w %q: %s", ErrUnsupported, s.String(), fmt.Sprintf(format, args...))
}
