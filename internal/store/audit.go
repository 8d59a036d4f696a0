package store

import (
	"context"
	"fmt"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Audit listing limits: the log grows without end, a listing never does.
const (
	defaultAuditLimit = 100
	maxAuditLimit     = 1000
)

const auditColumns = `id, created_time, site_id, event, outcome, user_role, subject, client_id,
	patient_uuid, ip_address, method, request_url, status, detail, route, patient_id, duration_us`

const auditInsert = `INSERT INTO api_log (created_time, site_id, event, outcome, user_role,
	subject, client_id, patient_uuid, ip_address, method, request_url, status, detail, route, patient_id, duration_us)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`

func auditArgs(e *emr.AuditEvent) []any {
	return []any{unix(e.Time), e.Site, e.Event, e.Outcome, e.Role, e.Subject, e.ClientID,
		e.PatientUUID, e.IP, e.Method, e.Path, e.Status, e.Detail, e.Route, e.PatientID, e.Duration.Microseconds()}
}

// RecordAudit appends an event to the log and sets e.ID, and e.Time when
// it was zero.
func (s *Store) RecordAudit(ctx context.Context, e *emr.AuditEvent) error {
	if err := required("event", e.Event); err != nil {
		return err
	}
	if e.Time.IsZero() {
		e.Time = now()
	}
	// Audit rows are written on every sign-in and token: they share
	// commits with other concurrent writes (group commit).
	return s.group.do(ctx, func(tx *sqldb.Tx) error {
		err := tx.QueryRow(ctx, auditInsert+` RETURNING id`, auditArgs(e)...).Scan(&e.ID)
		return dbErr(err, "audit event")
	})
}

// RecordAudits appends events in one transaction, for the API request log
// that is written in batches: several rows per INSERT statement, so a row
// costs a fraction of a statement.
func (s *Store) RecordAudits(ctx context.Context, es []*emr.AuditEvent) error {
	if len(es) == 0 {
		return nil
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		for len(es) > 0 {
			n := min(len(es), auditRowsPerInsert)
			if len(es) < auditRowsPerInsert {
				n = 1 // the remainder row by row: one cached statement per size is enough
			}
			args := make([]any, 0, n*auditColumnCount)
			for _, e := range es[:n] {
				if e.Time.IsZero() {
					e.Time = now()
				}
				args = append(args, auditArgs(e)...)
			}
			if _, err := tx.Exec(ctx, auditInsertRows(n), args...); err != nil {
				return dbErr(err, "audit event")
			}
			es = es[n:]
		}
		return nil
	})
}

const (
	auditRowsPerInsert = 32
	auditColumnCount   = 16
)

// auditInserts holds the statement text for 1 and auditRowsPerInsert rows.
var auditInserts = map[int]string{1: auditInsert, auditRowsPerInsert: multiRowInsert(auditRowsPerInsert)}

func auditInsertRows(n int) string { return auditInserts[n] }

func multiRowInsert(rows int) string {
	head, _, _ := strings.Cut(auditInsert, "VALUES")
	var b strings.Builder
	b.WriteString(head + "VALUES ")
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for c := 0; c < auditColumnCount; c++ {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", r*auditColumnCount+c+1)
		}
		b.WriteString(")")
	}
	return b.String()
}

// likePrefix matches values starting with p, with LIKE's wildcards in p
// taken literally (the default escape character is not portable, so the
// wildcards are replaced by the single-character one).
func likePrefix(p string) string {
	return strings.NewReplacer("%", "_", "_", "_").Replace(p) + "%"
}
