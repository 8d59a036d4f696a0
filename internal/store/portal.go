package store

import (
	"context"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Patient-portal logins (patient_access_onsite). The patient's UUID and
// e-mail come from patient_data, so they are never stale copies.
const portalSelect = `SELECT a.id, a.pid, p.uuid, a.portal_login_username, a.portal_pwd, p.email, a.active
	FROM patient_access_onsite a JOIN patient_data p ON p.pid = a.pid`

func scanPortalLogin(r scanner) (*emr.PortalLogin, error) {
	var l emr.PortalLogin
	var active int
	err := r.Scan(&l.ID, &l.PatientID, &l.PatientUUID, &l.LoginUsername, &l.PasswordHash, &l.Email, &active)
	if err != nil {
		return nil, err
	}
	l.Active = active != 0
	return &l, nil
}

// CreatePortalLogin stores a login for the patient named by l.PatientUUID
// (or l.PatientID), one per patient, and fills in l's ID, patient ids and
// e-mail. An unknown patient is ENOTFOUND.
func (s *Store) CreatePortalLogin(ctx context.Context, l *emr.PortalLogin) error {
	if err := required("login_username", l.LoginUsername); err != nil {
		return err
	}
	if l.PatientUUID == "" && l.PatientID == 0 {
		return emr.FieldError("patient", "a patient is required")
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		var pid int64
		var uuid, email string
		var err error
		if l.PatientUUID != "" {
			err = tx.QueryRow(ctx, `SELECT pid, uuid, email FROM patient_data WHERE uuid = $1`,
				l.PatientUUID).Scan(&pid, &uuid, &email)
		} else {
			err = tx.QueryRow(ctx, `SELECT pid, uuid, email FROM patient_data WHERE pid = $1`,
				l.PatientID).Scan(&pid, &uuid, &email)
		}
		if err != nil {
			return dbErr(err, "patient")
		}
		if l.PatientID != 0 && l.PatientID != pid {
			return emr.FieldError("patient", "patient id and uuid name different patients")
		}
		err = tx.QueryRow(ctx, `INSERT INTO patient_access_onsite
			(pid, portal_username, portal_login_username, portal_pwd, active)
			VALUES ($1, $2, $2, $3, $4) RETURNING id`,
			pid, l.LoginUsername, l.PasswordHash, flag(l.Active)).Scan(&l.ID)
		if err != nil {
			return dbErr(err, "portal login")
		}
		l.PatientID, l.PatientUUID, l.Email = pid, uuid, email
		return nil
	})
}

// PortalLoginByUsername returns the login signing in as loginUsername.
func (s *Store) PortalLoginByUsername(ctx context.Context, loginUsername string) (*emr.PortalLogin, error) {
	l, err := scanPortalLogin(s.db.QueryRow(ctx, portalSelect+` WHERE a.portal_login_username = $1`, loginUsername))
	return l, dbErr(err, "portal login")
}

// PortalLoginByPatientUUID returns the login of a patient.
func (s *Store) PortalLoginByPatientUUID(ctx context.Context, patientUUID string) (*emr.PortalLogin, error) {
	l, err := scanPortalLogin(s.db.QueryRow(ctx, portalSelect+` WHERE p.uuid = $1`, patientUUID))
	return l, dbErr(err, "portal login")
}
