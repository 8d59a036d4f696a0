package store

import (
	"context"
	"fmt"

	"goemr/internal/sqldb"
)

// auditIndexBatch bounds the rows one IndexAuditPatients transaction
// reads, so catching up on a long log never holds the writer for long.
const auditIndexBatch = 50_000

// IndexAuditPatients adds the API log rows written since the last call to
// the patient index (migration 0011), up to auditIndexBatch of them, and
// reports how many rows it covered. Only SQLite defers the index; on
// PostgreSQL it does nothing.
func (s *Store) IndexAuditPatients(ctx context.Context) (int, error) {
	if s.db.Dialect() != sqldb.SQLite {
		return 0, nil
	}
	var covered int
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		var from, to int64
		if err := tx.QueryRow(ctx, `SELECT id FROM api_log_patient_indexed WHERE k = 1`).Scan(&from); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM api_log`).Scan(&to); err != nil {
			return err
		}
		to = min(to, from+auditIndexBatch)
		if to <= from {
			return nil
		}
		// Sorted by patient, the batch touches each index page once.
		if _, err := tx.Exec(ctx, `INSERT INTO api_log_patient (patient, log_id)
			SELECT patient, log_id FROM (
				SELECT patient_uuid AS patient, id AS log_id FROM api_log WHERE id > $1 AND id <= $2 AND patient_uuid <> ''
				UNION
				SELECT patient_id, id FROM api_log WHERE id > $1 AND id <= $2 AND patient_id <> ''
			) ORDER BY patient, log_id
			ON CONFLICT DO NOTHING`, from, to); err != nil {
			return err
		}
		covered = int(to - from)
		_, err := tx.Exec(ctx, `UPDATE api_log_patient_indexed SET id = $1 WHERE k = 1`, to)
		return err
	})
	return covered, dbErr(err, "audit index")
}

// auditPatientCond is ListAudit's condition for rows about patient
// (a uuid or a pid), as argument number n: on SQLite the batch index plus
// the rows it does not cover yet; on PostgreSQL the two column indexes.
func (s *Store) auditPatientCond(n int) string {
	if s.db.Dialect() != sqldb.SQLite {
		return fmt.Sprintf("(patient_uuid = $%d OR patient_id = $%d)", n, n)
	}
	return fmt.Sprintf(`id IN (
		SELECT log_id FROM api_log_patient WHERE patient = $%d
		UNION ALL
		SELECT id FROM api_log WHERE id > (SELECT id FROM api_log_patient_indexed WHERE k = 1)
			AND (patient_uuid = $%d OR patient_id = $%d))`, n, n, n)
}
