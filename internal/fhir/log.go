package fhir

import (
	"time"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// logRequest records the call in the API log, as the Standard API does:
// who, which type, which patient's compartment, the outcome.
func (s *Server) logRequest(c *call, status int, start time.Time) {
	if s.o.Audit == nil {
		return
	}
	e := &emr.AuditEvent{
		Time: start.UTC().Truncate(time.Second), Site: c.site, Event: emr.EventAPI, Outcome: "success",
		IP: web.ClientIP(c.r), Method: c.r.Method, Path: c.r.URL.Path, Status: status, Duration: time.Since(start),
		PatientUUID: c.puuid,
	}
	if status >= 400 {
		e.Outcome = "failure"
	}
	if c.m != nil {
		e.Route = c.r.Method + " /fhir/" + c.m.Type
	}
	if c.p != nil {
		e.Role, e.Subject, e.ClientID = c.p.Role, c.p.Subject, c.p.ClientID
	}
	s.o.Audit.Record(e)
}
