package auth

import "goemr/internal/auth/scope"

// scopeGroup is one box of scope checkboxes on the registration page.
type scopeGroup struct {
	Name  string
	Open  bool // shown unfolded: it has ticked scopes or is the first group
	Items []scopeOption
}

type scopeOption struct {
	Raw     string
	Label   string // scopeLabel: the wording the consent page uses too
	Checked bool
}

// scopeGroupNames are the groups in page order: sign-in and launch context
// first, then the resource scopes by context (SMART App Launch 2.x
// "Scopes and Launch Context").
var scopeGroupNames = []struct{ context, name string }{
	{"", "Sign-in, launch context and refresh"},
	{scope.ContextPatient, "Patient scopes (patient/): the record of the patient in context"},
	{scope.ContextUser, "User scopes (user/): what the signed-in user may see"},
	{scope.ContextSystem, "System scopes (system/): backend services, no user"},
}

// registrationOptions lists what an app may register, from the catalogue
// discovery publishes. Resource scopes are offered in the v2 form: read and
// search alone, the full set of permissions the resource offers, its
// operations and its granular categories; v1 words stay accepted by the
// JSON endpoint but would only repeat them here.
func (s *Server) registrationOptions(checked map[string]bool) []scopeGroup {
	byContext := map[string][]scopeOption{}
	seen := map[string]bool{}
	add := func(sc scope.Scope) {
		raw := sc.String()
		if seen[raw] {
			return
		}
		seen[raw] = true
		byContext[sc.Context] = append(byContext[sc.Context], scopeOption{Raw: raw, Label: scopeLabel(sc), Checked: checked[raw]})
	}
	for _, raw := range s.catalog.Supported() {
		sc, err := scope.Parse(raw)
		if err != nil || sc.V1 {
			continue
		}
		if sc.IsResource() && sc.Operation == "" && len(sc.Constraints) == 0 && sc.Perms.Any(scope.C|scope.U|scope.D) && sc.Perms.Any(scope.R|scope.S) {
			if ro, err := scope.Parse(sc.Context + "/" + sc.Resource + "." + (sc.Perms & (scope.R | scope.S)).String()); err == nil {
				add(ro)
			}
		}
		add(sc)
	}
	groups := make([]scopeGroup, 0, len(scopeGroupNames))
	for i, g := range scopeGroupNames {
		items := byContext[g.context]
		if len(items) == 0 {
			continue
		}
		open := i == 0
		for _, it := range items {
			open = open || it.Checked
		}
		groups = append(groups, scopeGroup{Name: g.name, Open: open, Items: items})
	}
	return groups
}
