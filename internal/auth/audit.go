package auth

import (
	"net/http"

	"goemr/internal/emr"
	"goemr/internal/web"
)

// audit writes one audit row for an authorization event. The request gives
// the address, method and path; e carries the rest. A failure to write is
// logged: the audit table must not become a way to lock everyone out.
func (s *Server) audit(r *http.Request, event, outcome string, e *emr.AuditEvent) {
	if e == nil {
		e = &emr.AuditEvent{}
	}
	e.Time = s.now()
	e.Event, e.Outcome = event, outcome
	e.Site = r.PathValue("site")
	e.IP = web.ClientIP(r)
	e.Method, e.Path = r.Method, r.URL.Path
	if err := s.st.Audit.RecordAudit(r.Context(), e); err != nil {
		s.log.Error("write audit", "event", event, "err", err)
	}
}
