package fhir

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// validID is the FHIR id syntax (R4 datatypes.html#id).
var validID = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)

var uuidLike = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// read answers GET [type]/[id] (R4 http.html#read). A resource outside the
// token's compartment is as unknown as one that does not exist.
func (s *Server) read(c *call, id string) error {
	if err := s.authorize(c, scope.R); err != nil {
		return err
	}
	if uuidLike.MatchString(id) {
		id = strings.ToLower(id) // stored UUIDs are lower case
	}
	if !validID.MatchString(id) {
		return emr.Errorf(emr.ENOTFOUND, "%s/%s is not known", c.m.Type, id)
	}
	return s.answer(c, func() error { return s.readOne(c, id) })
}

// readOne builds the answer of a read.
func (s *Server) readOne(c *call, id string) error {
	notFound := emr.Errorf(emr.ENOTFOUND, "%s/%s is not known", c.m.Type, id)
	limits, err := s.limits(c, c.m, scope.R)
	if err != nil {
		return err
	}
	where := append(limits, c.m.ByID(id)...)
	recs, err := s.o.Records.List(c.r.Context(), c.m.Def, emr.Query{Where: where, Limit: 1, Detail: true})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return notFound
	}
	mc, err := s.mapContext(c, c.m, recs)
	if err != nil {
		return err
	}
	res := c.m.ToFHIR(recs[0], mc)
	if t := lastUpdated(c.m, recs[0]); !t.IsZero() {
		c.w.Header().Set("Last-Modified", t.Format(http.TimeFormat))
	}
	if v := c.m.VersionOf(recs[0], mc); v != "" {
		c.w.Header().Set("ETag", `W/"`+v+`"`)
	}
	if el := c.r.URL.Query().Get("_elements"); el != "" {
		body, err := json.Marshal(res)
		if err != nil {
			return err
		}
		writeResource(c.w, http.StatusOK, json.RawMessage(subset(body, parseElements(el))))
		return nil
	}
	writeResource(c.w, http.StatusOK, res)
	return nil
}

// lastUpdated is the record's update time, zero when unknown.
func lastUpdated(m *fhirmap.Mapping, rec emr.Record) time.Time {
	if m.Updated == "" {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02 15:04:05", rec.Str(m.Updated))
	return t
}

// mapContext resolves the references a page of records holds: one query
// per kind of reference, whatever the page's size.
func (s *Server) mapContext(c *call, m *fhirmap.Mapping, recs []emr.Record) (*fhirmap.Context, error) {
	mc := fhirmap.NewContext(c.base)
	for _, ref := range m.Refs {
		seen := map[string]bool{}
		var keys []string
		for _, r := range recs {
			if k := r.Str(ref.Field); k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			continue
		}
		targets, err := s.o.Records.List(c.r.Context(), ref.Def, emr.Query{Where: []emr.Cond{{Field: ref.By, Match: emr.In, Value: keys}}})
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			mc.SetRef(ref.Name, t.Str(ref.By), t.Str(ref.Take))
		}
	}
	return mc, nil
}
