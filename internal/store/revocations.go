package store

import (
	"context"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// RevokeToken records the access token jti as revoked until expires, when
// the token stops being valid anyway.
func (s *Store) RevokeToken(ctx context.Context, jti string, expires time.Time) error {
	if err := required("jti", jti); err != nil {
		return err
	}
	if expires.IsZero() {
		return emr.FieldError("expires", "a revocation must expire")
	}
	_, err := s.db.Exec(ctx, upsertRevocation, jti, expires.Unix())
	return dbErr(err, "revocation")
}

// revokedQuery checks revokedSlots ids at once. Its text never changes, so
// it is prepared once and then only executed: it runs on every
// authenticated request (ids are a token's jti and grant id). Unused slots
// repeat an id.
const (
	revokedSlots = 4
	revokedQuery = `SELECT count(*) FROM oauth_revocations
		WHERE id IN ($1, $2, $3, $4) AND expires > $5`
)

// Revoked reports whether any of ids is revoked and the revocation still
// in force.
func (s *Store) Revoked(ctx context.Context, ids ...string) (bool, error) {
	t := now()
	version, cached := s.securityVersion(ctx)
	var key string
	if cached {
		key = revocationKey(ids)
		if s.notRevoked.holds(key, version, t) {
			return false, nil
		}
	}
	at := t.Unix()
	for _, slots := range revocationBatches(ids) {
		var n int
		if err := s.db.QueryRow(ctx, revokedQuery, slots[0], slots[1], slots[2], slots[3], at).Scan(&n); err != nil {
			return false, dbErr(err, "revocation")
		}
		if n > 0 {
			return true, nil
		}
	}
	if cached {
		s.notRevoked.remember(key, version, t)
	}
	return false, nil
}

// revocationBatches cuts ids into groups of revokedSlots query arguments,
// repeating an id to fill unused slots so the query text never changes.
func revocationBatches(ids []string) [][revokedSlots]any {
	var out [][revokedSlots]any
	for len(ids) > 0 {
		var slots [revokedSlots]any
		for i := range slots {
			slots[i] = ids[min(i, len(ids)-1)]
		}
		out = append(out, slots)
		ids = ids[min(revokedSlots, len(ids)):]
	}
	return out
}

// RevokedIDs returns which of ids are revoked and in force, in one query
// per revokedSlots ids.
func (s *Store) RevokedIDs(ctx context.Context, ids ...string) (map[string]bool, error) {
	at := now().Unix()
	out := map[string]bool{}
	for _, slots := range revocationBatches(ids) {
		rows, err := s.db.Query(ctx, revokedIDsQuery, slots[0], slots[1], slots[2], slots[3], at)
		if err != nil {
			return nil, dbErr(err, "revocation")
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, dbErr(err, "revocation")
			}
			out[id] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, dbErr(err, "revocation")
		}
	}
	return out, nil
}

const revokedIDsQuery = `SELECT id FROM oauth_revocations
	WHERE id IN ($1, $2, $3, $4) AND expires > $5`

// UseAssertionID records that clientID used the client assertion jti; a
// second use is ECONFLICT (RFC 7523 §3, item 7). The record is kept until
// the assertion expires.
func (s *Store) UseAssertionID(ctx context.Context, clientID, jti string, expires time.Time) error {
	if err := required("client_id", clientID, "jti", jti); err != nil {
		return err
	}
	if expires.IsZero() {
		return emr.FieldError("expires", "an assertion must expire")
	}
	// One write per backend-services token request: group-committed, and
	// a replay shows as no row inserted rather than as a failed statement.
	return s.group.do(ctx, func(tx *sqldb.Tx) error {
		res, err := tx.Exec(ctx, `INSERT INTO jwt_grant_history (client_id, jti, expires) VALUES ($1, $2, $3)
			ON CONFLICT (client_id, jti) DO NOTHING`, clientID, jti, expires.Unix())
		if err != nil {
			return dbErr(err, "client assertion")
		}
		if n, err := res.RowsAffected(); err != nil {
			return dbErr(err, "client assertion")
		} else if n == 0 {
			return emr.Errorf(emr.ECONFLICT, "client assertion jti was already used")
		}
		return nil
	})
}

// purgeQueries delete what expired by $1. Children go before the grants
// that would take them along, so every row is counted.
var purgeQueries = []string{
	`DELETE FROM oauth_codes WHERE expires <= $1`,
	`DELETE FROM api_refresh_token WHERE expiry <= $1`,
	`DELETE FROM oauth_revocations WHERE expires <= $1`,
	`DELETE FROM jwt_grant_history WHERE expires <= $1`,
	`DELETE FROM oauth_sessions WHERE expires <= $1`,
	`DELETE FROM oauth_grants WHERE expires <= $1`,
}

// PurgeExpired deletes the codes, refresh tokens, revocations, assertion
// ids, login sessions and grants that expired by now, and returns how many
// rows went. An expired grant can no longer issue anything and its
// revocation has lapsed with it.
func (s *Store) PurgeExpired(ctx context.Context, now time.Time) (int64, error) {
	var total int64
	err := s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		total = 0
		for _, q := range purgeQueries {
			res, err := tx.Exec(ctx, q, now.Unix())
			if err != nil {
				return dbErr(err, "expired rows")
			}
			n, err := res.RowsAffected()
			if err != nil {
				return dbErr(err, "expired rows")
			}
			total += n
		}
		return nil
	})
	return total, err
}
