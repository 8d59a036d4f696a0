package fhir

import (
	"maps"
	"slices"
	"strings"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// limits are the conditions every read of m for the call carries: the
// type's own (a lists type), the patient's compartment, and the granular
// scopes of SMART App Launch 2 (scopes.html#finer-grained-resource-
// constraints-using-search-parameters): a token granted only
// patient/Observation.rs?category=…|laboratory sees laboratory
// Observations and nothing else, by read, search or include.
func (s *Server) limits(c *call, m *fhirmap.Mapping, perm scope.Perm) ([]emr.Cond, error) {
	out := append(append([]emr.Cond(nil), m.Where...), c.compartmentOf(m)...)
	constraints := c.p.Scopes.Constraints(c.scopeCtx, m.Type, perm)
	if constraints == nil {
		return out, nil
	}
	var any []emr.Cond
	for _, cv := range constraints {
		var all []emr.Cond
		for _, key := range slices.Sorted(maps.Keys(cv)) {
			p := paramOf(m, key)
			if p == nil {
				// A constraint goemr cannot apply to this type hides it.
				return nil, emr.Errorf(emr.EFORBIDDEN, "the token's %s scope is limited by %s, which %s cannot be searched by", m.Type, key, m.Type)
			}
			conds, err := s.paramConds(c.r.Context(), m, p, "", strings.Join(cv[key], ","))
			if err != nil {
				return nil, emr.Errorf(emr.EFORBIDDEN, "the token's %s scope has a limit goemr cannot apply: %v", m.Type, err)
			}
			all = append(all, conds...)
		}
		any = append(any, emr.And(all...))
	}
	return append(out, emr.Or(any...)), nil
}
