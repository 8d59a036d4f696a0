package fhir

import (
	"net/http"
	"strings"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/bulk"
	"goemr/internal/emr"
	"goemr/internal/fhirmap"
)

// Bulk Data Access 2.0 (https://hl7.org/fhir/uv/bulkdata/export.html):
// kick-off at [base]/$export, [base]/Patient/$export and
// [base]/Group/[id]/$export; the job then runs in the background (package
// bulk) and is followed at its status URL.

// exportLevelType is the type each level's operation scope names
// (system/Patient.$export, system/Group.$export; system/*.$export covers
// all three).
var exportLevelType = map[string]string{emr.ExportSystem: "*", emr.ExportPatient: "Patient", emr.ExportGroup: "Group"}

// kickOff answers an $export request of the given level: 202 with the
// status URL in Content-Location once the job is queued.
func (s *Server) kickOff(c *call, level, group string) error {
	c.m = exportOperation
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodPost {
		return methodNotAllowed(c, "GET, POST")
	}
	if s.o.Exports == nil {
		return fail(http.StatusNotImplemented, "not-supported", "bulk export is not enabled on this server")
	}
	p, err := s.o.Auth.Authenticate(c.r.Context(), c.r, c.site)
	if err != nil {
		return err
	}
	c.p = p
	ctxName := wideContext(p.Role)
	if ctxName == "" || !p.Scopes.AllowsOperation(ctxName, exportLevelType[level], "$export") {
		return emr.Errorf(emr.EFORBIDDEN, "$export needs the scope %s/%s.$export (or %s/*.$export)", orSystem(ctxName), exportLevelType[level], orSystem(ctxName))
	}
	c.scopeCtx = ctxName
	if err := exportHeaders(c.r); err != nil {
		return err
	}
	params, err := operationParams(c.r, "$export")
	if err != nil {
		return err
	}
	ep, err := s.exportParams(c, level, group, params)
	if err != nil {
		return err
	}
	j := &emr.ExportJob{ID: bulk.NewID(), ClientID: p.ClientID, Subject: p.Subject, Request: requestURL(c), Params: *ep}
	if err := s.o.Exports.Submit(c.r.Context(), j); err != nil {
		if emr.ErrorCode(err) == emr.EUNAVAILABLE {
			c.w.Header().Set("Retry-After", "30")
			return fail(http.StatusTooManyRequests, "throttled", "%s", emr.ErrorMessage(err))
		}
		return err
	}
	c.w.Header().Set("Content-Location", s.statusURL(c, j.ID))
	c.w.Header().Set("Content-Type", fhirJSON+"; charset=utf-8")
	writeResource(c.w, http.StatusAccepted, outcome("information", "informational",
		"export job "+j.ID+" accepted: poll its status at the Content-Location URL"))
	return nil
}

// exportOperation stands for the bulk operations in the API log.
var exportOperation = &fhirmap.Mapping{Type: "$export"}

// wideContext is the scope context a role's tokens read many patients in.
func wideContext(role string) string {
	switch role {
	case emr.RoleSystem:
		return "system"
	case emr.RoleUsers:
		return "user"
	}
	return ""
}

func orSystem(ctx string) string {
	if ctx == "" {
		return "system"
	}
	return ctx
}

// exportHeaders checks the kick-off headers (export.html#headers): Prefer
// respond-async is required; Accept, when given, must admit
// application/fhir+json, the format of the OperationOutcome responses.
func exportHeaders(r *http.Request) error {
	if !preferAsync(r.Header.Values("Prefer")) {
		return emr.Errorf(emr.EINVALID, "a bulk export request needs the header Prefer: respond-async")
	}
	if accept := r.Header.Get("Accept"); accept != "" {
		if _, ok := fromAccept(accept); !ok {
			return emr.Errorf(emr.EINVALID, "Accept must be application/fhir+json for a bulk export request, not %q", accept)
		}
	}
	return nil
}

func preferAsync(values []string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), "respond-async") {
				return true
			}
		}
	}
	return false
}

// requestURL is the kick-off URL as the client sent it, absolute.
func requestURL(c *call) string {
	rest := strings.TrimPrefix(c.r.URL.Path, "/apis/"+c.site+"/fhir")
	u := c.base + rest
	if c.r.URL.RawQuery != "" {
		u += "?" + c.r.URL.RawQuery
	}
	return u
}

func (s *Server) statusURL(c *call, id string) string {
	return c.base + "/$bulkdata-status?job=" + id
}

// exportTime formats the manifest's transactionTime: a FHIR instant.
func exportTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// scopeString is the token's scopes as granted, kept with the job.
func scopeString(set scope.Set) string {
	raw := make([]string, len(set))
	for i, g := range set {
		raw[i] = g.Raw
	}
	return strings.Join(raw, " ")
}
