package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"goemr/internal/emr"
	"goemr/internal/sqldb"
)

// Store implements every emr service on one database.
type Store struct {
	db    *sqldb.DB
	group *groupCommit
	// Token, grant and client ids found not revoked (SQLite only).
	notRevoked notRevoked
	// The settings in force, read again when the security version moves.
	settings settingsCache
}

// New returns a Store on db, which must be migrated.
func New(db *sqldb.DB) *Store {
	db.SetOneOff(emr.IsBulkRead)
	return &Store{db: db, group: &groupCommit{db: db}}
}

var (
	_ emr.UserService     = (*Store)(nil)
	_ emr.PatientService  = (*Store)(nil)
	_ emr.ClientService   = (*Store)(nil)
	_ emr.TokenService    = (*Store)(nil)
	_ emr.KeyService      = (*Store)(nil)
	_ emr.SessionService  = (*Store)(nil)
	_ emr.SettingService  = (*Store)(nil)
	_ emr.SiteService     = (*Store)(nil)
	_ emr.AuditService    = (*Store)(nil)
	_ emr.ThrottleService = (*Store)(nil)
)

// defaultSite is OpenEMR's site id when a record does not name one.
const defaultSite = "default"

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// dbErr translates a database error about what ("user", "client"…) into
// the domain's error codes; other errors keep their cause for the log.
func dbErr(err error, what string) error {
	var e *emr.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e):
		return err
	case errors.Is(err, sql.ErrNoRows):
		return notFound(what)
	case sqldb.IsUniqueViolation(err):
		return &emr.Error{Code: emr.ECONFLICT, Message: what + " already exists", Err: err}
	case sqldb.IsForeignKeyViolation(err):
		return &emr.Error{Code: emr.EINVALID, Message: what + " refers to a record that does not exist", Err: err}
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

func notFound(what string) error { return emr.Errorf(emr.ENOTFOUND, "%s not found", what) }

// mustAffect turns an UPDATE or DELETE that matched no row into ENOTFOUND.
func mustAffect(res sql.Result, err error, what string) error {
	if err != nil {
		return dbErr(err, what)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return dbErr(err, what)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}

// unix stores a time; the zero time is 0.
func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// fromUnix reads a time stored by unix.
func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

// now is the current time at the resolution the database keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Second) }

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// encodeList stores a list as JSON text; nil is stored as [].
func encodeList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l) // a []string always marshals
	return string(b)
}

// decodeList reads a list stored by encodeList; an empty list is nil.
func decodeList(s string, dst *[]string) error {
	var l []string
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return fmt.Errorf("store: bad list %q: %w", s, err)
	}
	if len(l) == 0 {
		l = nil
	}
	*dst = l
	return nil
}

// newID returns a time-ordered UUID (v7) for a new row.
func newID() (string, error) {
	u, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("store: new uuid: %w", err)
	}
	return u.String(), nil
}

// required reports the first empty field among name/value pairs.
func required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return emr.FieldError(pairs[i], "%s is required", pairs[i])
		}
	}
	return nil
}
