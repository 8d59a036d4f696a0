package fhir

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
	"goemr/internal/resource"
)

// provenanceType stands for Provenance in authorization and the API log:
// it has no table of its own (fhirmap.ProvenanceFor computes it from its
// target) and no compartment but its target's.
var provenanceType = &fhirmap.Mapping{Type: "Provenance"}

// readProvenance answers GET Provenance/{Type}-PSK-{id}: the provenance of
// a resource the caller can see, else 404.
func (s *Server) readProvenance(c *call, id string) error {
	if err := s.authorize(c, scope.R); err != nil {
		return err
	}
	prov, err := s.provenanceOf(c, id)
	if err != nil {
		return err
	}
	if prov == nil {
		return emr.Errorf(emr.ENOTFOUND, "Provenance/%s is not known", id)
	}
	writeResource(c.w, http.StatusOK, prov)
	return nil
}

// searchProvenance answers Provenance?_id=… or ?target=…: the provenance
// of each named resource the caller can see.
func (s *Server) searchProvenance(c *call, params url.Values) error {
	if err := s.authorize(c, scope.S); err != nil {
		return err
	}
	var ids []string
	for key, values := range params {
		for _, v := range values {
			for _, alt := range splitValues(v) {
				switch key {
				case "_id":
					ids = append(ids, unescape(alt))
				case "target":
					typ, id, _ := strings.Cut(unescape(alt), "/")
					ids = append(ids, fhirmap.ProvenanceID(typ, id))
				default:
					if !controls[key] {
						return emr.Errorf(emr.EINVALID, "Provenance is searched by _id or target only, not %s", key)
					}
				}
			}
		}
	}
	if len(ids) == 0 {
		return emr.Errorf(emr.EINVALID, "Provenance is searched by _id or target (or included with _revinclude=Provenance:target)")
	}
	b := &r4.Bundle{Type: ptr("searchset"), Link: []r4.BundleLink{link("self", s.searchURL(c, params))}}
	for _, id := range ids {
		prov, err := s.provenanceOf(c, id)
		if err != nil {
			return err
		}
		if prov != nil {
			b.Entry = append(b.Entry, entry(c.base, *prov.ID, prov, "match", nil))
		}
	}
	b.Total = ptr(int64(len(b.Entry)))
	writeBundle(c.w, b)
	return nil
}

// provenanceOf builds the Provenance with id, or nil when its target does
// not exist, is out of the caller's reach, or no organization keeps it.
func (s *Server) provenanceOf(c *call, id string) (*r4.Provenance, error) {
	typ, target, ok := strings.Cut(id, "-PSK-")
	m := s.mappings[typ]
	if !ok || m == nil || !validID.MatchString(target) || !c.allows(typ, scope.R) {
		return nil, nil
	}
	limits, err := s.limits(c, m, scope.R)
	if err != nil {
		return nil, nil // its target is out of the token's reach
	}
	where := append(limits, m.ByID(target)...)
	recs, err := s.o.Records.List(c.r.Context(), m.Def, emr.Query{Where: where, Limit: 1})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	org, err := s.custodian(c.r.Context())
	if err != nil || org == "" {
		return nil, err
	}
	return fhirmap.ProvenanceFor(typ, target, recordedAt(m, recs[0]), org), nil
}

// custodian is the organization that keeps the records: the facility
// marked as the primary business entity, else the first facility.
func (s *Server) custodian(ctx context.Context) (string, error) {
	for _, where := range [][]emr.Cond{{emr.Eq("primary_business_entity", "1")}, nil} {
		recs, err := s.o.Records.List(ctx, resource.Facility, emr.Query{Where: where, Limit: 1})
		if err != nil {
			return "", err
		}
		if len(recs) > 0 {
			return recs[0].Str("uuid"), nil
		}
	}
	return "", nil
}

// recordedAt is when the record last changed, as a FHIR instant; now when
// the table keeps no time.
func recordedAt(m *fhirmap.Mapping, rec emr.Record) string {
	t := lastUpdated(m, rec)
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
