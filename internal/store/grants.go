package store

import (
	"context"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

const grantSelect = `SELECT id, site_id, client_id, role, subject, scope, patient_uuid, nonce,
	auth_time, created, expires, revoked, encounter_uuid FROM oauth_grants`

func scanGrant(r scanner) (*emr.Grant, error) {
	var g emr.Grant
	var authTime, created, expires int64
	var revoked int
	err := r.Scan(&g.ID, &g.Site, &g.ClientID, &g.Role, &g.Subject, &g.Scope, &g.PatientUUID, &g.Nonce,
		&authTime, &created, &expires, &revoked, &g.EncounterUUID)
	if err != nil {
		return nil, err
	}
	g.AuthTime, g.Created, g.Expires = fromUnix(authTime), fromUnix(created), fromUnix(expires)
	g.Revoked = revoked != 0
	return &g, nil
}

// CreateGrant stores a grant of a registered client. It needs an expiry:
// the revocation of a grant lasts until then. ID defaults to a new UUID,
// Site to "default", Created to now.
func (s *Store) CreateGrant(ctx context.Context, g *emr.Grant) error {
	if err := required("client_id", g.ClientID); err != nil {
		return err
	}
	if g.Expires.IsZero() {
		return emr.FieldError("expires", "a grant must expire")
	}
	if g.ID == "" {
		id, err := newID()
		if err != nil {
			return err
		}
		g.ID = id
	}
	if g.Site == "" {
		g.Site = defaultSite
	}
	if g.Created.IsZero() {
		g.Created = now()
	}
	_, err := s.db.Exec(ctx, `INSERT INTO oauth_grants (id, site_id, client_id, role, subject, scope,
		patient_uuid, nonce, auth_time, created, expires, revoked, encounter_uuid)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		g.ID, g.Site, g.ClientID, g.Role, g.Subject, g.Scope, g.PatientUUID, g.Nonce,
		unix(g.AuthTime), unix(g.Created), unix(g.Expires), flag(g.Revoked), g.EncounterUUID)
	return dbErr(err, "grant")
}

// GrantByID returns a grant, revoked or expired ones included.
func (s *Store) GrantByID(ctx context.Context, id string) (*emr.Grant, error) {
	g, err := scanGrant(s.db.QueryRow(ctx, grantSelect+` WHERE id = $1`, id))
	return g, dbErr(err, "grant")
}

// upsertRevocation records id as revoked until expires, keeping the later
// expiry when id was revoked before.
const upsertRevocation = `INSERT INTO oauth_revocations (id, expires) VALUES ($1, $2)
	ON CONFLICT (id) DO UPDATE SET expires = CASE
		WHEN excluded.expires > oauth_revocations.expires THEN excluded.expires
		ELSE oauth_revocations.expires END`

// RevokeGrant revokes a grant at at (now when zero), with everything issued
// under it: its refresh tokens are revoked, its unused codes spent, and the
// grant id is recorded in the revocations every request checks, until the
// grant would have expired. Revoking twice is not an error.
func (s *Store) RevokeGrant(ctx context.Context, id string, at time.Time) error {
	if at.IsZero() {
		at = now()
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		var expires int64
		err := tx.QueryRow(ctx, `SELECT expires FROM oauth_grants WHERE id = $1`, id).Scan(&expires)
		if err != nil {
			return dbErr(err, "grant")
		}
		steps := []struct {
			query string
			args  []any
		}{
			{`UPDATE oauth_grants SET revoked = 1, revoked_at = $2 WHERE id = $1 AND revoked = 0`, []any{id, at.Unix()}},
			{`UPDATE api_refresh_token SET revoked = 1 WHERE grant_id = $1 AND revoked = 0`, []any{id}},
			{`UPDATE oauth_codes SET used = 1 WHERE grant_id = $1 AND used = 0`, []any{id}},
			{upsertRevocation, []any{id, expires}},
		}
		for _, st := range steps {
			if _, err := tx.Exec(ctx, st.query, st.args...); err != nil {
				return dbErr(err, "grant")
			}
		}
		return nil
	})
}
