package store

import (
	"context"
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

// Setting returns the value of a setting, or its default when never set,
// from the settings cache (settingsTTL).
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	if err := known(name); err != nil {
		return "", err
	}
	m, err := s.cachedSettings(ctx)
	if err != nil {
		return "", err
	}
	return m[name], nil
}

// SetSetting stores the value of a setting.
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	if err := emr.ValidateSetting(name, value); err != nil {
		return err
	}
	_, err := s.db.Exec(ctx, `INSERT INTO globals (gl_name, gl_value) VALUES ($1, $2)
		ON CONFLICT (gl_name) DO UPDATE SET gl_value = excluded.gl_value`, name, value)
	s.forgetSettings()
	return dbErr(err, "setting")
}

// loadSettings reads every setting in force: the defaults, overridden by
// the stored values.
func (s *Store) loadSettings(ctx context.Context) (map[string]string, error) {
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
