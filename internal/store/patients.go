package store

import (
	"context"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

const patientSelect = `SELECT pid, uuid, pubpid, fname, mname, lname, DOB, sex, email,
	street, city, state, postal_code, phone_home, last_updated FROM patient_data`

// Search limits: the patient picker shows a page, never the whole table.
const (
	defaultPatientLimit = 100
	maxPatientLimit     = 500
)

func scanPatient(r scanner) (*emr.Patient, error) {
	var p emr.Patient
	var updated int64
	err := r.Scan(&p.PID, &p.UUID, &p.PubPID, &p.Fname, &p.Mname, &p.Lname, &p.DOB, &p.Sex, &p.Email,
		&p.Street, &p.City, &p.State, &p.PostalCode, &p.PhoneHome, &updated)
	if err != nil {
		return nil, err
	}
	p.Updated = fromUnix(updated)
	return &p, nil
}

// CreatePatient stores a patient. Like OpenEMR it numbers the patient
// max(pid) + 1 unless p.PID is set, and uses the number as the public id
// when p.PubPID is empty; it fills in p's PID, UUID, PubPID and Updated.
func (s *Store) CreatePatient(ctx context.Context, p *emr.Patient) error {
	if p.UUID == "" {
		id, err := newID()
		if err != nil {
			return err
		}
		p.UUID = id
	}
	if p.Updated.IsZero() {
		p.Updated = now()
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		if p.PID == 0 {
			// Processes sharing PostgreSQL would otherwise pick the same number.
			if err := tx.Serialize(ctx, "patient_data.pid"); err != nil {
				return dbErr(err, "patient")
			}
			err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(pid), 0) + 1 FROM patient_data`).Scan(&p.PID)
			if err != nil {
				return dbErr(err, "patient")
			}
		}
		if p.PubPID == "" {
			p.PubPID = strconv.FormatInt(p.PID, 10)
		}
		_, err := tx.Exec(ctx, `INSERT INTO patient_data (pid, uuid, pubpid, fname, mname, lname, DOB, sex,
			email, street, city, state, postal_code, phone_home, date, last_updated)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
			p.PID, p.UUID, p.PubPID, p.Fname, p.Mname, p.Lname, p.DOB, p.Sex,
			p.Email, p.Street, p.City, p.State, p.PostalCode, p.PhoneHome, unix(p.Updated))
		return dbErr(err, "patient")
	})
}

// PatientByUUID returns one patient.
func (s *Store) PatientByUUID(ctx context.Context, uuid string) (*emr.Patient, error) {
	p, err := scanPatient(s.db.QueryRow(ctx, patientSelect+` WHERE uuid = $1`, uuid))
	return p, dbErr(err, "patient")
}

// SearchPatients returns the patients f matches, by last then first name
// ignoring case (so the order is the same on both engines, whatever the
// PostgreSQL collation). The name matches the start of either name,
// ignoring case.
func (s *Store) SearchPatients(ctx context.Context, f emr.PatientFilter) ([]*emr.Patient, error) {
	var where []string
	var args []any
	if f.Name != "" {
		args = append(args, escapeLike(f.Name)+"%")
		where = append(where, `(lower(fname) LIKE lower($1) ESCAPE '\' OR lower(lname) LIKE lower($1) ESCAPE '\')`)
	}
	if len(f.UUIDs) > 0 {
		marks := make([]string, len(f.UUIDs))
		for i, u := range f.UUIDs {
			args = append(args, u)
			marks[i] = "$" + strconv.Itoa(len(args))
		}
		where = append(where, "uuid IN ("+strings.Join(marks, ", ")+")")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultPatientLimit
	}
	args = append(args, min(limit, maxPatientLimit))
	q := patientSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY lower(lname), lower(fname), pid LIMIT $" + strconv.Itoa(len(args))

	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, dbErr(err, "patient")
	}
	defer rows.Close()
	var ps []*emr.Patient
	for rows.Next() {
		p, err := scanPatient(rows)
		if err != nil {
			return nil, dbErr(err, "patient")
		}
		ps = append(ps, p)
	}
	return ps, dbErr(rows.Err(), "patient")
}

// escapeLike makes % and _ in s match themselves in a LIKE … ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CountPatients returns how many patients there are.
func (s *Store) CountPatients(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT count(*) FROM patient_data`).Scan(&n)
	return n, dbErr(err, "patient")
}
