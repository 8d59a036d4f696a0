package fhir

import (
	"maps"
	"slices"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// chart is what a CCD is built from: the patient's compartment as FHIR,
// the resources it refers to, and when any of it last changed.
type chart struct {
	patient   *r4.Patient
	resources []r4.Resource
	updated   time.Time
}

// referenced are the types a compartment's resources refer to that a CCD
// shows (authors, performers, places, payers, drugs), in the order their
// references are followed: a PractitionerRole names a Practitioner and
// an Organization.
var referenced = []string{"PractitionerRole", "Practitioner", "Organization", "Location", "Medication"}

// gather reads the patient pid's compartment, type by type, as the token
// may read it: a type the token has a read scope for is read with that
// scope's limits (granular scopes apply); a type it has no scope for is
// read whole when the token holds the $docref operation scope, which
// grants the summary (as OpenEMR's <ctx>/DocumentReference.$docref does),
// and left out otherwise. CCDs themselves are left out.
func (s *Server) gather(c *call, pid string, operation bool) (*chart, error) {
	ch := &chart{}
	refs := map[string]map[string]bool{}
	for _, t := range referenced {
		refs[t] = map[string]bool{}
	}
	for _, m := range s.o.Mappings {
		if m.Patient == "" || !c.allows(m.Type, scope.R) && !operation && m.Type != "Patient" {
			continue
		}
		recs, mc, err := s.readFor(c, m, emr.Eq(m.Patient, pid))
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			if m == fhirmap.DocumentReference && strings.Contains(strings.ToUpper(rec.Str("category_codes")), "LOINC:"+ccdType) {
				continue
			}
			if t := lastUpdated(m, rec); t.After(ch.updated) {
				ch.updated = t
			}
			res := m.ToFHIR(rec, mc)
			if p, ok := res.(*r4.Patient); ok {
				ch.patient = p
				continue
			}
			ch.resources = append(ch.resources, res)
			noteReferences(res, refs)
		}
	}
	if ch.patient != nil {
		noteReferences(ch.patient, refs)
	}
	return ch, s.gatherReferenced(c, ch, refs, operation)
}

// gatherReferenced reads the referenced resources, following the
// references of each type in turn: one query per type.
func (s *Server) gatherReferenced(c *call, ch *chart, refs map[string]map[string]bool, operation bool) error {
	for _, typ := range referenced {
		m := s.mappings[typ]
		if m == nil || len(refs[typ]) == 0 || !c.allows(typ, scope.R) && !operation {
			continue
		}
		ids := slices.Sorted(maps.Keys(refs[typ]))
		recs, mc, err := s.readFor(c, m, emr.Cond{Field: m.ID, Match: emr.In, Value: ids})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			res := m.ToFHIR(rec, mc)
			ch.resources = append(ch.resources, res)
			noteReferences(res, refs)
		}
	}
	return nil
}

// readFor lists the records of m matching where within the token's
// limits, with their references resolved; a type the token's granular
// scope cannot be applied to is read as empty.
func (s *Server) readFor(c *call, m *fhirmap.Mapping, where ...emr.Cond) ([]emr.Record, *fhirmap.Context, error) {
	limits, err := s.limits(c, m, scope.R)
	if emr.ErrorCode(err) == emr.EFORBIDDEN {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.o.Records.List(c.r.Context(), m.Def, emr.Query{Where: append(limits, where...)})
	if err != nil || len(recs) == 0 {
		return nil, nil, err
	}
	mc, err := s.mapContext(c, m, recs)
	return recs, mc, err
}

// noteReferences adds the references of res to refs, by type.
func noteReferences(res r4.Resource, refs map[string]map[string]bool) {
	if body, err := encode(res); err == nil {
		noteRefs(body, refs)
	}
}
