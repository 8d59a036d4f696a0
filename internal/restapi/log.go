package restapi

import (
	"time"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// AuditLog receives one row per request (internal/audit.Logger).
type AuditLog interface {
	Record(e *emr.AuditEvent)
}

// logRequest records c in the API log: who (role, user or patient, client),
// which route, which patient, the outcome and how long it took.
func (s *Server) logRequest(c *Call, status int, start time.Time) {
	if s.o.Audit == nil {
		return
	}
	e := &emr.AuditEvent{
		Time: start.UTC().Truncate(time.Second), Site: c.Site, Event: emr.EventAPI, Outcome: "success",
		IP: web.ClientIP(c.R), Method: c.R.Method, Path: c.R.URL.Path, Status: status, Duration: time.Since(start),
	}
	if status >= 400 {
		e.Outcome = "failure"
	}
	if c.Route != nil {
		e.Route = c.Route.Method + " " + c.Route.Path
		e.PatientUUID = c.Params["puuid"]
		e.PatientID = c.Params["pid"]
	}
	if c.P != nil {
		e.Role, e.Subject, e.ClientID = c.P.Role, c.P.Subject, c.P.ClientID
		if c.P.Role == emr.RolePatient {
			e.PatientUUID = c.P.PatientUUID
		}
	}
	s.o.Audit.Record(e)
}
