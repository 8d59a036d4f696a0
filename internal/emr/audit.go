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
}

// AuditFilter narrows ListAudit.
type AuditFilter struct {
	Event string
	Limit int
}

// AuditService stores the audit log.
type AuditService interface {
	RecordAudit(ctx context.Context, e *AuditEvent) error
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
