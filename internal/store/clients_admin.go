package store

import (
	"context"
	"time"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

var _ emr.ClientAdminService = (*Store)(nil)

// ClientActivity returns last use and disable time of every client.
func (s *Store) ClientActivity(ctx context.Context) (map[string]emr.ClientActivity, error) {
	rows, err := s.db.Query(ctx, `SELECT client_id, last_used, disabled_at FROM oauth_clients`)
	if err != nil {
		return nil, dbErr(err, "client")
	}
	defer rows.Close()
	out := map[string]emr.ClientActivity{}
	for rows.Next() {
		var id string
		var used, disabled int64
		if err := rows.Scan(&id, &used, &disabled); err != nil {
			return nil, dbErr(err, "client")
		}
		out[id] = emr.ClientActivity{LastUsed: fromUnix(used), DisabledAt: fromUnix(disabled)}
	}
	return out, dbErr(rows.Err(), "client")
}

// SwitchClient enables or disables a client (SetClientEnabled, which does
// the revoking) and then records when an administrator disabled it. The
// second write only labels the row; were it lost, the client would show
// as waiting for approval but be just as disabled.
func (s *Store) SwitchClient(ctx context.Context, id string, enabled bool) error {
	if err := s.SetClientEnabled(ctx, id, enabled); err != nil {
		return err
	}
	var at int64
	if !enabled {
		at = now().Unix()
	}
	res, err := s.db.Exec(ctx, `UPDATE oauth_clients SET disabled_at = $2 WHERE client_id = $1`, id, at)
	return mustAffect(res, err, "client")
}

// SetClientScope replaces the registered scopes, marks cached copies of the
// row stale (emr.ClientChangedID) and, with revokeTokens, revokes every
// token of the client in the same transaction.
func (s *Store) SetClientScope(ctx context.Context, id, scope string, revokeTokens bool) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		updated, err := s.touchClient(ctx, tx, id, revokeTokens)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE oauth_clients SET scope = $2, last_updated = $3 WHERE client_id = $1`,
			id, scope, updated)
		return mustAffect(res, err, "client")
	})
}

// RevokeClientTokens revokes every live grant of the client (so their
// access tokens fail), every refresh token, and the credentials grant of
// its client_credentials tokens. The row's last_updated moves on, so the
// client's next client_credentials token has a new, unrevoked grant id.
// Each revocation is a write to oauth_revocations, which bumps the
// security version every process checks before trusting a cached
// "not revoked" answer.
func (s *Store) RevokeClientTokens(ctx context.Context, id string) error {
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		updated, err := s.touchClient(ctx, tx, id, true)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE oauth_clients SET last_updated = $2 WHERE client_id = $1`, id, updated)
		return mustAffect(res, err, "client")
	})
}

// touchClient is the common part of a change to a client row: it returns
// the row's next last_updated (always later than the current one), marks
// copies with the current one stale and, with revoke, revokes the tokens.
func (s *Store) touchClient(ctx context.Context, tx *sqldb.Tx, id string, revoke bool) (int64, error) {
	var updated int64
	if err := tx.QueryRow(ctx, `SELECT last_updated FROM oauth_clients WHERE client_id = $1`, id).Scan(&updated); err != nil {
		return 0, dbErr(err, "client")
	}
	old := emr.Client{ID: id, Updated: fromUnix(updated)}
	// A day outlives every cache of a client row and every system token.
	keep := now().Add(24 * time.Hour).Unix()
	if _, err := tx.Exec(ctx, upsertRevocation, emr.ClientChangedID(id, old.Updated), keep); err != nil {
		return 0, dbErr(err, "client")
	}
	if revoke {
		if err := revokeClientGrants(ctx, tx, id); err != nil {
			return 0, err
		}
		if _, err := tx.Exec(ctx, upsertRevocation, old.CredentialsGrantID(), keep); err != nil {
			return 0, dbErr(err, "client")
		}
	}
	return max(now().Unix(), updated+1), nil
}

// NoteClientUse records that the client obtained a token at at. The row
// is written at most once a minute per client, however many tokens it
// gets; oauth_clients is bookkeeping (sqldb), so the write invalidates
// no response cache.
func (s *Store) NoteClientUse(ctx context.Context, id string, at time.Time) error {
	_, err := s.db.Exec(ctx, `UPDATE oauth_clients SET last_used = $2 WHERE client_id = $1 AND last_used < $3`,
		id, at.Unix(), at.Add(-time.Minute).Unix())
	return dbErr(err, "client")
}
