package store

import (
	"context"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Staff accounts: users, with the password hash in users_secure. Rows
// without a username are OpenEMR address-book entries, not accounts.
const userSelect = `SELECT u.id, u.uuid, u.username, COALESCE(s.password, ''),
	u.fname, u.lname, u.email, u.npi, u.active, u.date_created, u.acl
	FROM users u LEFT JOIN users_secure s ON s.id = u.id`

func scanUser(r scanner) (*emr.User, error) {
	var u emr.User
	var active int
	var created int64
	var acl string
	err := r.Scan(&u.ID, &u.UUID, &u.Username, &u.PasswordHash,
		&u.Fname, &u.Lname, &u.Email, &u.NPI, &active, &created, &acl)
	if err != nil {
		return nil, err
	}
	if acl != "" {
		u.ACL = emr.ACL(strings.Fields(acl))
	}
	u.Active = active != 0
	u.Created = fromUnix(created)
	return &u, nil
}

// CreateUser stores a new account and sets u.ID, and u.UUID and u.Created
// when they were empty.
func (s *Store) CreateUser(ctx context.Context, u *emr.User) error {
	if err := required("username", u.Username); err != nil {
		return err
	}
	if u.UUID == "" {
		id, err := newID()
		if err != nil {
			return err
		}
		u.UUID = id
	}
	if u.Created.IsZero() {
		u.Created = now()
	}
	return s.db.Transact(ctx, func(tx *sqldb.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO users
			(uuid, username, fname, lname, email, npi, active, date_created, last_updated, acl)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
			u.UUID, u.Username, u.Fname, u.Lname, u.Email, u.NPI, flag(u.Active), unix(u.Created), strings.Join(u.ACL, " "),
		).Scan(&u.ID)
		if err != nil {
			return dbErr(err, "user")
		}
		_, err = tx.Exec(ctx, `INSERT INTO users_secure (id, username, password, last_update_password)
			VALUES ($1, $2, $3, $4)`, u.ID, u.Username, u.PasswordHash, unix(u.Created))
		return dbErr(err, "user")
	})
}

// UserByUsername returns the account signing in as username.
func (s *Store) UserByUsername(ctx context.Context, username string) (*emr.User, error) {
	if username == "" {
		return nil, notFound("user")
	}
	u, err := scanUser(s.db.QueryRow(ctx, userSelect+` WHERE u.username = $1`, username))
	return u, dbErr(err, "user")
}

// UserByUUID returns the account with this UUID.
func (s *Store) UserByUUID(ctx context.Context, uuid string) (*emr.User, error) {
	u, err := scanUser(s.db.QueryRow(ctx, userSelect+` WHERE u.uuid = $1`, uuid))
	return u, dbErr(err, "user")
}

// ListUsers returns every account, by username.
func (s *Store) ListUsers(ctx context.Context) ([]*emr.User, error) {
	rows, err := s.db.Query(ctx, userSelect+` WHERE u.username <> '' ORDER BY u.username`)
	if err != nil {
		return nil, dbErr(err, "user")
	}
	defer rows.Close()
	var users []*emr.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, dbErr(err, "user")
		}
		users = append(users, u)
	}
	return users, dbErr(rows.Err(), "user")
}

// SetUserPassword replaces the password hash of username.
func (s *Store) SetUserPassword(ctx context.Context, username, hash string) error {
	res, err := s.db.Exec(ctx, `UPDATE users_secure SET password = $2, last_update_password = $3
		WHERE username = $1`, username, hash, now().Unix())
	return mustAffect(res, err, "user")
}

// SetUserActive enables or disables the account username.
func (s *Store) SetUserActive(ctx context.Context, username string, active bool) error {
	if username == "" {
		return notFound("user")
	}
	res, err := s.db.Exec(ctx, `UPDATE users SET active = $2, last_updated = $3 WHERE username = $1`,
		username, flag(active), now().Unix())
	return mustAffect(res, err, "user")
}

// SetUserACL replaces the access controls of the account.
func (s *Store) SetUserACL(ctx context.Context, username string, acl emr.ACL) error {
	if username == "" {
		return notFound("user")
	}
	res, err := s.db.Exec(ctx, `UPDATE users SET acl = $2, last_updated = $3 WHERE username = $1`,
		username, strings.Join(acl, " "), now().Unix())
	return mustAffect(res, err, "user")
}
