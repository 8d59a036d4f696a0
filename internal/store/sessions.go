package store

import (
	"context"

	"goemr/internal/emr"
)

const sessionColumns = `id, site_id, csrf, request, role, subject, patient_uuid, auth_time, created, expires`

// CreateSession stores a login session. It needs an id and an expiry; Site
// defaults to "default", Created to now.
func (s *Store) CreateSession(ctx context.Context, ls *emr.LoginSession) error {
	if err := required("id", ls.ID); err != nil {
		return err
	}
	if ls.Expires.IsZero() {
		return emr.FieldError("expires", "a session must expire")
	}
	if ls.Site == "" {
		ls.Site = defaultSite
	}
	if ls.Created.IsZero() {
		ls.Created = now()
	}
	_, err := s.db.Exec(ctx, `INSERT INTO oauth_sessions (`+sessionColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		ls.ID, ls.Site, ls.CSRF, ls.Request, ls.Role, ls.Subject, ls.PatientUUID,
		unix(ls.AuthTime), unix(ls.Created), unix(ls.Expires))
	return dbErr(err, "session")
}

// SessionByID returns a session that has not expired; an expired one is
// ENOTFOUND, like one that never existed.
func (s *Store) SessionByID(ctx context.Context, id string) (*emr.LoginSession, error) {
	var ls emr.LoginSession
	var authTime, created, expires int64
	err := s.db.QueryRow(ctx, `SELECT `+sessionColumns+` FROM oauth_sessions WHERE id = $1 AND expires > $2`,
		id, now().Unix()).Scan(&ls.ID, &ls.Site, &ls.CSRF, &ls.Request, &ls.Role, &ls.Subject, &ls.PatientUUID,
		&authTime, &created, &expires)
	if err != nil {
		return nil, dbErr(err, "session")
	}
	ls.AuthTime, ls.Created, ls.Expires = fromUnix(authTime), fromUnix(created), fromUnix(expires)
	return &ls, nil
}

// UpdateSession saves the mutable fields of a live session (everything but
// its id, site and creation time).
func (s *Store) UpdateSession(ctx context.Context, ls *emr.LoginSession) error {
	res, err := s.db.Exec(ctx, `UPDATE oauth_sessions SET csrf = $2, request = $3, role = $4, subject = $5,
		patient_uuid = $6, auth_time = $7, expires = $8 WHERE id = $1 AND expires > $9`,
		ls.ID, ls.CSRF, ls.Request, ls.Role, ls.Subject, ls.PatientUUID,
		unix(ls.AuthTime), unix(ls.Expires), now().Unix())
	return mustAffect(res, err, "session")
}

// DeleteSession ends a session; ending one that is gone already is not an
// error (a second logout).
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	_, err := s.db.Exec(ctx, `DELETE FROM oauth_sessions WHERE id = $1`, id)
	return dbErr(err, "session")
}
