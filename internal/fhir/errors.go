package fhir

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// problem is a failure of the FHIR protocol itself with its own status
// and issue code (405 for an interaction the type lacks, 406 and 415 for
// formats), beside the domain's emr errors.
type problem struct {
	status int
	code   string // an IssueType code (http://hl7.org/fhir/issue-type)
	msg    string
}

func (p *problem) Error() string { return p.msg }

func fail(status int, code, format string, args ...any) error {
	return &problem{status: status, code: code, msg: fmt.Sprintf(format, args...)}
}

// statusOf maps an error to its HTTP status and issue type: the one table
// of this protocol (R4 §3.1.0.4 and http.html#2.21.0.x for the statuses).
func statusOf(err error) (int, string) {
	var p *problem
	if errors.As(err, &p) {
		return p.status, p.code
	}
	var bad *invalidInput
	if errors.As(err, &bad) {
		return http.StatusBadRequest, "invalid"
	}
	switch emr.ErrorCode(err) {
	case emr.EINVALID:
		return http.StatusBadRequest, "invalid"
	case emr.ENOTFOUND:
		return http.StatusNotFound, "not-found"
	case emr.ECONFLICT:
		return http.StatusConflict, "conflict"
	case emr.EUNAUTHORIZED:
		return http.StatusUnauthorized, "login"
	case emr.EFORBIDDEN:
		return http.StatusForbidden, "forbidden"
	case emr.EUNAVAILABLE:
		return http.StatusServiceUnavailable, "transient"
	}
	return http.StatusInternalServerError, "exception"
}

// writeError answers err as an OperationOutcome, with the RFC 6750
// challenge on 401 and 403. Server faults are logged with their cause,
// which the client never sees.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, code := statusOf(err)
	if status >= 500 {
		slog.ErrorContext(r.Context(), "fhir request failed", "err", err, "path", r.URL.Path)
	}
	msg := err.Error()
	var p *problem
	if !errors.As(err, &p) {
		msg = emr.ErrorMessage(err) // never an internal cause
	}
	if msg == "" && status == http.StatusUnauthorized {
		msg = "a bearer access token is required (RFC 6750)"
	}
	auth.SetChallenge(w, err)
	oo := outcome("error", code, msg)
	var bad *invalidInput
	var e *emr.Error
	switch {
	case errors.As(err, &bad):
		oo.Issue = bad.issues
	case errors.As(err, &e) && e.Field != "":
		oo.Issue[0].Expression = []string{e.Field}
	}
	writeResource(w, status, oo)
}

// outcome is an OperationOutcome with one issue.
func outcome(severity, code, diagnostics string) *r4.OperationOutcome {
	return &r4.OperationOutcome{Issue: []r4.OperationOutcomeIssue{{
		Severity: &severity, Code: &code, Diagnostics: &diagnostics,
	}}}
}
