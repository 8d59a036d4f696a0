package store

import (
	"context"
	"database/sql"
	"errors"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

const codeColumns = `code_hash, grant_id, client_id, redirect_uri, code_challenge,
	code_challenge_method, expires, used`

func scanCode(r scanner) (*emr.AuthCode, error) {
	var c emr.AuthCode
	var expires int64
	var used int
	err := r.Scan(&c.Hash, &c.GrantID, &c.ClientID, &c.RedirectURI, &c.Challenge,
		&c.ChallengeMethod, &expires, &used)
	if err != nil {
		return nil, err
	}
	c.Expires, c.Used = fromUnix(expires), used != 0
	return &c, nil
}

// CreateAuthCode stores an authorization code of an existing grant.
func (s *Store) CreateAuthCode(ctx context.Context, c *emr.AuthCode) error {
	if err := required("code", c.Hash, "grant_id", c.GrantID); err != nil {
		return err
	}
	if c.Expires.IsZero() {
		return emr.FieldError("expires", "a code must expire")
	}
	_, err := s.db.Exec(ctx, `INSERT INTO oauth_codes (`+codeColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		c.Hash, c.GrantID, c.ClientID, c.RedirectURI, c.Challenge, c.ChallengeMethod,
		unix(c.Expires), flag(c.Used))
	return dbErr(err, "authorization code")
}

// ConsumeAuthCode spends a code: exactly one caller, even across processes,
// gets it back unused. A spent code returns ECONFLICT with the code (its
// grant should be revoked: RFC 6749 §4.1.2); an unknown or expired one
// ENOTFOUND.
func (s *Store) ConsumeAuthCode(ctx context.Context, hash string) (*emr.AuthCode, error) {
	var code *emr.AuthCode
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		// The condition is re-checked under the row lock, so of two
		// concurrent consumers only one updates the row.
		c, err := scanCode(tx.QueryRow(ctx, `UPDATE oauth_codes SET used = 1
			WHERE code_hash = $1 AND used = 0 AND expires > $2 RETURNING `+codeColumns,
			hash, now().Unix()))
		if err == nil {
			code = c
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return dbErr(err, "authorization code")
		}
		c, err = scanCode(tx.QueryRow(ctx, `SELECT `+codeColumns+` FROM oauth_codes WHERE code_hash = $1`, hash))
		if err != nil {
			return dbErr(err, "authorization code")
		}
		if c.Used {
			code = c
			return emr.Errorf(emr.ECONFLICT, "authorization code was already used")
		}
		return emr.Errorf(emr.ENOTFOUND, "authorization code expired")
	})
	if err != nil && emr.ErrorCode(err) != emr.ECONFLICT {
		return nil, err
	}
	return code, err
}
