package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Bulk Data export jobs (emr.ExportJobs). Creating and claiming read, then
// write: each runs in a transaction serialized by name (an advisory lock on
// PostgreSQL; SQLite serializes writers already), so two kick-offs cannot
// both squeeze under a limit and two processes cannot claim one job.

const exportColumns = `id, client_id, subject, request, params, status, created, started, finished,
	expires, owner, lease_until, attempts, progress, output, error`

// CreateExportJob implements emr.ExportJobs.
func (s *Store) CreateExportJob(ctx context.Context, j *emr.ExportJob, perClient, total int) error {
	if err := required("id", j.ID, "client_id", j.ClientID); err != nil {
		return err
	}
	params, err := json.Marshal(j.Params)
	if err != nil {
		return err
	}
	if j.Created.IsZero() {
		j.Created = time.Now()
	}
	j.Status = emr.ExportQueued
	err = s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if err := tx.Serialize(ctx, "export_jobs"); err != nil {
			return err
		}
		var mine, all int
		err := tx.QueryRow(ctx, `SELECT COUNT(CASE WHEN client_id = $1 THEN 1 END), COUNT(*)
			FROM export_jobs WHERE status IN ('queued', 'running')`, j.ClientID).Scan(&mine, &all)
		if err != nil {
			return err
		}
		if perClient > 0 && mine >= perClient {
			return emr.Errorf(emr.EUNAVAILABLE, "the client already has %d export jobs running: wait for one to finish", mine)
		}
		if total > 0 && all >= total {
			return emr.Errorf(emr.EUNAVAILABLE, "the server is running its limit of %d export jobs: try again later", all)
		}
		_, err = tx.Exec(ctx, `INSERT INTO export_jobs (id, client_id, subject, request, params, status, created)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			j.ID, j.ClientID, j.Subject, j.Request, string(params), j.Status, j.Created.UnixMilli())
		return err
	})
	return dbErr(err, "export job")
}

// ExportJob implements emr.ExportJobs.
func (s *Store) ExportJob(ctx context.Context, id string) (*emr.ExportJob, error) {
	j, err := scanExportJob(s.db.QueryRow(ctx, `SELECT `+exportColumns+` FROM export_jobs
		WHERE id = $1 AND status <> 'cancelled'`, id))
	return j, dbErr(err, "export job")
}

// ClaimExportJob implements emr.ExportJobs.
func (s *Store) ClaimExportJob(ctx context.Context, owner string, lease time.Duration, now time.Time) (*emr.ExportJob, error) {
	var j *emr.ExportJob
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if err := tx.Serialize(ctx, "export_claim"); err != nil {
			return err
		}
		var err error
		j, err = scanExportJob(tx.QueryRow(ctx, `SELECT `+exportColumns+` FROM export_jobs
			WHERE status = 'queued' OR (status = 'running' AND lease_until < $1)
			ORDER BY created, id LIMIT 1`, now.UnixMilli()))
		if errors.Is(err, sql.ErrNoRows) {
			j = nil
			return nil
		}
		if err != nil {
			return err
		}
		j.Status, j.Owner, j.LeaseUntil, j.Started = emr.ExportRunning, owner, now.Add(lease), now
		j.Attempts++
		_, err = tx.Exec(ctx, `UPDATE export_jobs SET status = $1, owner = $2, lease_until = $3, started = $4,
			attempts = $5, progress = '' WHERE id = $6`,
			j.Status, owner, j.LeaseUntil.UnixMilli(), now.UnixMilli(), j.Attempts, j.ID)
		return err
	})
	if err != nil {
		return nil, dbErr(err, "export job")
	}
	return j, nil
}

// RenewExportJob implements emr.ExportJobs.
func (s *Store) RenewExportJob(ctx context.Context, id, owner string, until time.Time, progress string) (bool, error) {
	res, err := s.db.Exec(ctx, `UPDATE export_jobs SET lease_until = $1, progress = $2
		WHERE id = $3 AND owner = $4 AND status = 'running'`, until.UnixMilli(), progress, id, owner)
	return affected(res, err)
}

// FinishExportJob implements emr.ExportJobs.
func (s *Store) FinishExportJob(ctx context.Context, j *emr.ExportJob) (bool, error) {
	output, err := json.Marshal(j.Output)
	if err != nil {
		return false, err
	}
	res, err := s.db.Exec(ctx, `UPDATE export_jobs SET status = $1, finished = $2, expires = $3, output = $4,
		error = $5, progress = '' WHERE id = $6 AND owner = $7 AND status = 'running'`,
		j.Status, j.Finished.UnixMilli(), j.Expires.UnixMilli(), string(output), j.Error, j.ID, j.Owner)
	return affected(res, err)
}

// CancelExportJob implements emr.ExportJobs.
func (s *Store) CancelExportJob(ctx context.Context, id string) error {
	res, err := s.db.Exec(ctx, `UPDATE export_jobs SET status = 'cancelled' WHERE id = $1 AND status <> 'cancelled'`, id)
	ok, err := affected(res, err)
	if err == nil && !ok {
		err = emr.Errorf(emr.ENOTFOUND, "no export job %q", id)
	}
	return err
}

// ExportJobsToPurge implements emr.ExportJobs.
func (s *Store) ExportJobsToPurge(ctx context.Context, now time.Time) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT id FROM export_jobs WHERE status = 'cancelled'
		OR (status IN ('completed', 'failed') AND expires < $1)`, now.UnixMilli())
	if err != nil {
		return nil, dbErr(err, "export job")
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// DeleteExportJob implements emr.ExportJobs.
func (s *Store) DeleteExportJob(ctx context.Context, id string) error {
	_, err := s.db.Exec(ctx, `DELETE FROM export_jobs WHERE id = $1`, id)
	return dbErr(err, "export job")
}

func affected(res sql.Result, err error) (bool, error) {
	if err != nil {
		return false, dbErr(err, "export job")
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func scanExportJob(row scanner) (*emr.ExportJob, error) {
	var j emr.ExportJob
	var params, output string
	var created, started, finished, expires, lease int64
	err := row.Scan(&j.ID, &j.ClientID, &j.Subject, &j.Request, &params, &j.Status, &created, &started, &finished,
		&expires, &j.Owner, &lease, &j.Attempts, &j.Progress, &output, &j.Error)
	if err != nil {
		return nil, err
	}
	j.Created, j.Started, j.Finished = fromMilli(created), fromMilli(started), fromMilli(finished)
	j.Expires, j.LeaseUntil = fromMilli(expires), fromMilli(lease)
	if err := json.Unmarshal([]byte(params), &j.Params); err != nil {
		return nil, err
	}
	if output != "" {
		if err := json.Unmarshal([]byte(output), &j.Output); err != nil {
			return nil, err
		}
	}
	return &j, nil
}

func fromMilli(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
