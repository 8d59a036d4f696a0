package fhir

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// docref answers GET and POST [base]/DocumentReference/$docref (US Core
// 6.1.0 "Fetch DocumentReference", OperationDefinition-docref): a
// searchset Bundle with the DocumentReference of the patient's C-CDA
// Continuity of Care Document. With no range and on-demand not true, the
// most recent stored CCD is returned while it is current; otherwise a CCD
// is generated (internal/ccda), filed as a patient document in the CCDA
// category, and returned. Its attachment url is the absolute Binary URL
// of the XML.
func (s *Server) docref(c *call) error {
	c.m = fhirmap.DocumentReference
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodPost {
		return methodNotAllowed(c, "GET, POST")
	}
	operation, err := s.authorizeDocref(c)
	if err != nil {
		return err
	}
	params, err := readDocrefParams(c.r)
	if err != nil {
		return err
	}
	pid, err := s.docrefPatient(c, params)
	if err != nil || pid == "" {
		return s.docrefBundle(c, nil, err)
	}
	ch, err := s.gather(c, pid, operation)
	if err != nil || ch.patient == nil {
		return s.docrefBundle(c, nil, err)
	}
	var doc emr.Record
	if !params.ranged() && !params.onDemand {
		if doc, err = s.currentCCD(c, pid, ch, params); err != nil {
			return err
		}
	}
	if doc == nil {
		if doc, err = s.storeCCD(c, pid, ch, params); err != nil {
			return err
		}
	}
	return s.docrefBundle(c, doc, nil)
}

// docrefBundle answers the searchset Bundle holding doc's
// DocumentReference, or none.
func (s *Server) docrefBundle(c *call, doc emr.Record, err error) error {
	if err != nil {
		return err
	}
	self := c.base + "/DocumentReference/$docref"
	if q := c.r.URL.RawQuery; q != "" {
		self += "?" + q
	}
	b := &r4.Bundle{Type: ptr("searchset"), Total: ptr(int64(0)), Link: []r4.BundleLink{link("self", self)}}
	if doc != nil {
		mc, err := s.mapContext(c, c.m, []emr.Record{doc})
		if err != nil {
			return err
		}
		b.Entry = append(b.Entry, entry(c.base, doc.Str("uuid"), c.m.ToFHIR(doc, mc), "match", nil))
		b.Total = ptr(int64(1))
	}
	writeBundle(c.w, b)
	return nil
}

// docrefCapability lists $docref on DocumentReference in the
// CapabilityStatement (US Core 6.1.0 server: SHOULD support $docref).
func docrefCapability(cs *r4.CapabilityStatement) {
	for i := range cs.Rest {
		for j := range cs.Rest[i].Resource {
			if rc := &cs.Rest[i].Resource[j]; strOf(rc.Type) == "DocumentReference" {
				rc.Operation = append(rc.Operation, r4.CapabilityStatementRestResourceOperation{
					Name: ptr("docref"), Definition: ptr("http://hl7.org/fhir/us/core/OperationDefinition/docref"),
					Documentation: ptr("The patient's C-CDA R2.1 Continuity of Care Document (GET or POST; patient, start, end, type, on-demand)"),
				})
			}
		}
	}
}
