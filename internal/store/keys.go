package store

import (
	"context"
	"time"

	"goemr/internal/emr"
)

// CreateKey stores a signing key. Alg defaults to RS256, Created to now.
func (s *Store) CreateKey(ctx context.Context, k *emr.SigningKey) error {
	if err := required("kid", k.KID); err != nil {
		return err
	}
	if len(k.PrivatePEM) == 0 {
		return emr.FieldError("private_pem", "a signing key needs its private key")
	}
	if k.Alg == "" {
		k.Alg = "RS256"
	}
	if k.Created.IsZero() {
		k.Created = now()
	}
	_, err := s.db.Exec(ctx, `INSERT INTO oauth_keys (kid, alg, private_pem, created, retired_at)
		VALUES ($1, $2, $3, $4, $5)`, k.KID, k.Alg, string(k.PrivatePEM), unix(k.Created), unix(k.RetiredAt))
	return dbErr(err, "signing key")
}

// ListKeys returns the keys still active or retired at or after since,
// newest first: the first active one signs, all are published.
func (s *Store) ListKeys(ctx context.Context, since time.Time) ([]*emr.SigningKey, error) {
	rows, err := s.db.Query(ctx, `SELECT kid, alg, private_pem, created, retired_at FROM oauth_keys
		WHERE retired_at = 0 OR retired_at >= $1 ORDER BY created DESC, kid DESC`, unix(since))
	if err != nil {
		return nil, dbErr(err, "signing key")
	}
	defer rows.Close()
	var keys []*emr.SigningKey
	for rows.Next() {
		var k emr.SigningKey
		var pem string
		var created, retired int64
		if err := rows.Scan(&k.KID, &k.Alg, &pem, &created, &retired); err != nil {
			return nil, dbErr(err, "signing key")
		}
		k.PrivatePEM, k.Created, k.RetiredAt = []byte(pem), fromUnix(created), fromUnix(retired)
		keys = append(keys, &k)
	}
	return keys, dbErr(rows.Err(), "signing key")
}

// RetireKey stops a key from signing as of at (now when zero); it stays
// listed until the tokens it signed have expired.
func (s *Store) RetireKey(ctx context.Context, kid string, at time.Time) error {
	if at.IsZero() {
		at = now()
	}
	res, err := s.db.Exec(ctx, `UPDATE oauth_keys SET retired_at = $2 WHERE kid = $1`, kid, at.Unix())
	return mustAffect(res, err, "signing key")
}
