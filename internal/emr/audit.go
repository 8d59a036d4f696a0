package emr

import (
	"context"
	"time"
)

// AuditEvent is one line of the access log: who did what, to which patient,
// with what outcome.
type AuditEvent struct {
	ID          int64
	Time        time.Time
	Site        string
	Event       string // e.g. "login", "token.issue", "token.revoke", "client.register"
	Outcome     string // "success" or "failure"
	Role        string
	Subject     string // user / patient / client acting
	ClientID    string
	PatientUUID string
	IP          string
	Method      string
	Path        string
	Status      int
	Detail      string // short machine-readable detail, never a secret
	Route       string // the API route matched: "GET /api/patient/:puuid"
	PatientID   string // the numeric pid when the request named one
	Duration    time.Duration
}

// EventAPI is the event of an API request (OpenEMR's api_log rows).
const EventAPI = "api"

// AuditFilter narrows ListAudit; zero fields do not filter.
type AuditFilter struct {
	Event   string
	Site    string
	Subject string // user, patient or client acting
	Patient string // patient uuid or pid touched
	Method  string
	Path    string // request path prefix
	Failed  bool   // only responses with status >= 400
	Since   time.Time
	Until   time.Time
	Limit   int

	Security bool   // every event but EventAPI (sign-ins, tokens, changes)
	ClientID string // the OAuth2 client acting
	Route    string // API route prefix: "GET /api/patient"
	Status   int    // exactly this HTTP status
	// Keyset paging by id: only events older than Before, or newer than
	// After (then the page is the oldest ones past After, still listed
	// newest first).
	Before int64
	After  int64
}

// AuditService stores the audit log.
type AuditService interface {
	RecordAudit(ctx context.Context, e *AuditEvent) error
	// RecordAudits appends many events in one transaction.
	RecordAudits(ctx context.Context, es []*AuditEvent) error
	ListAudit(ctx context.Context, f AuditFilter) ([]*AuditEvent, error)
}

// ThrottleService counts failed sign-ins per key ("user:NAME", "ip:ADDR")
// inside a sliding window, in a table of bounded size shared by every process.
type ThrottleService interface {
	// RecordFailure adds a failure for key at now and returns the number of
	// failures for key since windowStart.
	RecordFailure(ctx context.Context, key string, now, windowStart time.Time) (int, error)
	Failures(ctx context.Context, key string, windowStart time.Time) (int, error)
	ResetFailures(ctx context.Context, key string) error
}
