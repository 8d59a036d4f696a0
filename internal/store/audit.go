package store

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Audit listing limits: the log grows without end, a listing never does.
const (
	defaultAuditLimit = 100
	maxAuditLimit     = 1000
)

const auditColumns = `id, created_time, site_id, event, outcome, user_role, subject, client_id,
	patient_uuid, ip_address, method, request_url, status, detail`

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
		err := tx.QueryRow(ctx, `INSERT INTO api_log (created_time, site_id, event, outcome, user_role,
			subject, client_id, patient_uuid, ip_address, method, request_url, status, detail)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
			unix(e.Time), e.Site, e.Event, e.Outcome, e.Role, e.Subject, e.ClientID,
			e.PatientUUID, e.IP, e.Method, e.Path, e.Status, e.Detail).Scan(&e.ID)
		return dbErr(err, "audit event")
	})
}

// ListAudit returns the newest events first, of one kind when f.Event is
// set; f.Limit defaults to 100, at most 1000.
func (s *Store) ListAudit(ctx context.Context, f emr.AuditFilter) ([]*emr.AuditEvent, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = defaultAuditLimit
	}
	limit = min(limit, maxAuditLimit)
	q := `SELECT ` + auditColumns + ` FROM api_log ORDER BY id DESC LIMIT $1`
	args := []any{limit}
	if f.Event != "" {
		q = `SELECT ` + auditColumns + ` FROM api_log WHERE event = $2 ORDER BY id DESC LIMIT $1`
		args = append(args, f.Event)
	}
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, dbErr(err, "audit event")
	}
	defer rows.Close()
	var events []*emr.AuditEvent
	for rows.Next() {
		var e emr.AuditEvent
		var at int64
		err := rows.Scan(&e.ID, &at, &e.Site, &e.Event, &e.Outcome, &e.Role, &e.Subject, &e.ClientID,
			&e.PatientUUID, &e.IP, &e.Method, &e.Path, &e.Status, &e.Detail)
		if err != nil {
			return nil, dbErr(err, "audit event")
		}
		e.Time = fromUnix(at)
		events = append(events, &e)
	}
	return events, dbErr(rows.Err(), "audit event")
}
