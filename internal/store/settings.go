package store

import (
	"context"
	"database/sql"
	"errors"
	"maps"

	"goemr/internal/emr"
)

// known rejects names goemr does not know: a typo would otherwise store a
// setting nothing reads.
func known(name string) error {
	if _, ok := emr.SettingDefaults[name]; !ok {
		return emr.FieldError("name", "unknown setting %q", name)
	}
	return nil
}

// Setting returns the value of a setting, or its default when never set.
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	if err := known(name); err != nil {
		return "", err
	}
	var v string
	err := s.db.QueryRow(ctx, `SELECT gl_value FROM globals WHERE gl_name = $1`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return emr.SettingDefaults[name], nil
	}
	return v, dbErr(err, "setting")
}

// SetSetting stores the value of a setting.
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	if err := emr.ValidateSetting(name, value); err != nil {
		return err
	}
	_, err := s.db.Exec(ctx, `INSERT INTO globals (gl_name, gl_value) VALUES ($1, $2)
		ON CONFLICT (gl_name) DO UPDATE SET gl_value = excluded.gl_value`, name, value)
	return dbErr(err, "setting")
}

// Settings returns every setting in force: the defaults, overridden by the
// stored values.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.Query(ctx, `SELECT gl_name, gl_value FROM globals`)
	if err != nil {
		return nil, dbErr(err, "setting")
	}
	defer rows.Close()
	m := maps.Clone(emr.SettingDefaults)
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return nil, dbErr(err, "setting")
		}
		m[name] = value
	}
	return m, dbErr(rows.Err(), "setting")
}
