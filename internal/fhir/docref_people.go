package fhir

import (
	"strconv"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// custodianOrganization is the organization keeping the records, as
// Provenance names it (the primary business entity facility): the CCD's
// custodian.
func (s *Server) custodianOrganization(c *call) (*r4.Organization, error) {
	id, err := s.custodian(c.r.Context())
	if err != nil {
		return nil, err
	}
	m := fhirmap.Organization
	recs, err := s.o.Records.List(c.r.Context(), m.Def, emr.Query{Where: append(append([]emr.Cond(nil), m.Where...), m.ByID(id)...), Limit: 1})
	if err != nil {
		return nil, err
	}
	if id == "" || len(recs) == 0 {
		return nil, emr.Errorf(emr.ECONFLICT, "no facility keeps the records: a CCD needs its custodian organization")
	}
	mc, err := s.mapContext(c, m, recs)
	if err != nil {
		return nil, err
	}
	org, _ := m.ToFHIR(recs[0], mc).(*r4.Organization)
	return org, nil
}

// primaryCare is the patient's first general practitioner the chart
// holds: the CCD's author and legal authenticator.
func primaryCare(ch *chart) *r4.Practitioner {
	for _, ref := range ch.patient.GeneralPractitioner {
		for _, r := range ch.resources {
			if p, ok := r.(*r4.Practitioner); ok && ref.Reference != nil && *ref.Reference == "Practitioner/"+strOf(p.ID) {
				return p
			}
		}
	}
	return nil
}

// userOf is the users id of the practitioner with FHIR id uuid, 0 when
// there is none: the document's owner.
func (s *Server) userOf(c *call, id string) (int64, error) {
	m := fhirmap.Practitioner
	recs, err := s.o.Records.List(c.r.Context(), m.Def, emr.Query{Where: m.ByID(id), Limit: 1})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	n, _ := strconv.ParseInt(recs[0].Str("id"), 10, 64)
	return n, nil
}
