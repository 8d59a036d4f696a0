package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"goemr/internal/emr"
)

// ListAudit returns the newest events matching f, newest first; f.Limit
// defaults to 100, at most 1000. Every filter the Audit page offers is
// served by an index (event, subject, client, patient, security events,
// time) or narrows a scan driven by one.
func (s *Store) ListAudit(ctx context.Context, f emr.AuditFilter) ([]*emr.AuditEvent, error) {
	q, args, asc := s.auditQuery(f)
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, dbErr(err, "audit event")
	}
	defer rows.Close()
	var events []*emr.AuditEvent
	for rows.Next() {
		var e emr.AuditEvent
		var at, us int64
		err := rows.Scan(&e.ID, &at, &e.Site, &e.Event, &e.Outcome, &e.Role, &e.Subject, &e.ClientID,
			&e.PatientUUID, &e.IP, &e.Method, &e.Path, &e.Status, &e.Detail, &e.Route, &e.PatientID, &us)
		if err != nil {
			return nil, dbErr(err, "audit event")
		}
		e.Time = fromUnix(at)
		e.Duration = time.Duration(us) * time.Microsecond
		events = append(events, &e)
	}
	if asc {
		slices.Reverse(events)
	}
	return events, dbErr(rows.Err(), "audit event")
}

// auditQuery is ListAudit's statement; asc when the page is read upwards
// from f.After (and must be reversed).
func (s *Store) auditQuery(f emr.AuditFilter) (q string, args []any, asc bool) {
	limit := f.Limit
	if limit <= 0 {
		limit = defaultAuditLimit
	}
	limit = min(limit, maxAuditLimit)
	var conds []string
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if f.Event != "" {
		add("event = $%d", f.Event)
	}
	if f.Site != "" {
		add("site_id = $%d", f.Site)
	}
	if f.Subject != "" {
		add("subject = $%d", f.Subject)
	}
	if f.Patient != "" {
		args = append(args, f.Patient)
		conds = append(conds, s.auditPatientCond(len(args)))
	}
	if f.Method != "" {
		add("method = $%d", strings.ToUpper(f.Method))
	}
	if f.Path != "" {
		add("request_url LIKE $%d", likePrefix(f.Path))
	}
	if f.Failed {
		conds = append(conds, "status >= 400")
	}
	if !f.Since.IsZero() {
		add("created_time >= $%d", f.Since.Unix())
	}
	if !f.Until.IsZero() {
		add("created_time < $%d", f.Until.Unix())
	}
	if f.Security {
		// A literal, so both engines match the partial index (migration 0032).
		conds = append(conds, "event <> 'api'")
	}
	if f.ClientID != "" {
		add("client_id = $%d", f.ClientID)
	}
	if f.Route != "" {
		add("route LIKE $%d", likePrefix(f.Route))
	}
	if f.Status != 0 {
		add("status = $%d", f.Status)
	}
	order := "DESC"
	if f.Before > 0 {
		add("id < $%d", f.Before)
	}
	if f.After > 0 {
		add("id > $%d", f.After)
		order, asc = "ASC", true
	}
	q = `SELECT ` + auditColumns + ` FROM api_log`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	args = append(args, limit)
	q += fmt.Sprintf(" ORDER BY id %s LIMIT $%d", order, len(args))
	return q, args, asc
}
