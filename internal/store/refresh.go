package store

import (
	"context"
	"database/sql"
	"errors"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

const refreshColumns = `token, grant_id, client_id, scope, expiry, revoked, created`

func scanRefreshToken(r scanner) (*emr.RefreshToken, error) {
	var t emr.RefreshToken
	var expires, created int64
	var revoked int
	if err := r.Scan(&t.Hash, &t.GrantID, &t.ClientID, &t.Scope, &expires, &revoked, &created); err != nil {
		return nil, err
	}
	t.Expires, t.Revoked, t.Created = fromUnix(expires), revoked != 0, fromUnix(created)
	return &t, nil
}

// CreateRefreshToken stores a refresh token of an existing grant. Created
// defaults to now.
func (s *Store) CreateRefreshToken(ctx context.Context, t *emr.RefreshToken) error {
	return insertRefreshToken(ctx, s.db.Exec, t)
}

// insertRefreshToken inserts through exec: the DB's or a transaction's.
func insertRefreshToken(ctx context.Context, exec func(context.Context, string, ...any) (sql.Result, error), t *emr.RefreshToken) error {
	if err := required("token", t.Hash, "grant_id", t.GrantID); err != nil {
		return err
	}
	if t.Expires.IsZero() {
		return emr.FieldError("expires", "a refresh token must expire")
	}
	if t.Created.IsZero() {
		t.Created = now()
	}
	_, err := exec(ctx, `INSERT INTO api_refresh_token (`+refreshColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		t.Hash, t.GrantID, t.ClientID, t.Scope, unix(t.Expires), flag(t.Revoked), unix(t.Created))
	return dbErr(err, "refresh token")
}

// RefreshTokenByHash returns a refresh token as stored, revoked and expired
// ones included: presenting a revoked one is reuse, which revokes its grant.
func (s *Store) RefreshTokenByHash(ctx context.Context, hash string) (*emr.RefreshToken, error) {
	t, err := scanRefreshToken(s.db.QueryRow(ctx, `SELECT `+refreshColumns+` FROM api_refresh_token WHERE token = $1`, hash))
	return t, dbErr(err, "refresh token")
}

// RotateRefreshToken revokes oldHash and stores next in one transaction.
// Only one of several concurrent rotations of a token succeeds; the others,
// and any rotation of a revoked or expired token, get ECONFLICT. An unknown
// oldHash is ENOTFOUND. next inherits the old token's grant and client when
// it names none.
func (s *Store) RotateRefreshToken(ctx context.Context, oldHash string, next *emr.RefreshToken) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		var grantID, clientID string
		err := tx.QueryRow(ctx, `UPDATE api_refresh_token SET revoked = 1
			WHERE token = $1 AND revoked = 0 AND expiry > $2 RETURNING grant_id, client_id`,
			oldHash, now().Unix()).Scan(&grantID, &clientID)
		if errors.Is(err, sql.ErrNoRows) {
			var n int
			err := tx.QueryRow(ctx, `SELECT count(*) FROM api_refresh_token WHERE token = $1`, oldHash).Scan(&n)
			if err != nil {
				return dbErr(err, "refresh token")
			}
			if n == 0 {
				return notFound("refresh token")
			}
			return emr.Errorf(emr.ECONFLICT, "refresh token is no longer active")
		}
		if err != nil {
			return dbErr(err, "refresh token")
		}
		if next.GrantID == "" {
			next.GrantID = grantID
		}
		if next.ClientID == "" {
			next.ClientID = clientID
		}
		if next.GrantID != grantID || next.ClientID != clientID {
			return emr.FieldError("grant_id", "a rotated refresh token stays with its grant and client")
		}
		return insertRefreshToken(ctx, tx.Exec, next)
	})
}

// RevokeRefreshToken revokes one refresh token.
func (s *Store) RevokeRefreshToken(ctx context.Context, hash string) error {
	res, err := s.db.Exec(ctx, `UPDATE api_refresh_token SET revoked = 1 WHERE token = $1`, hash)
	return mustAffect(res, err, "refresh token")
}
