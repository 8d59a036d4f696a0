package sqldb

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// WithSchema returns a PostgreSQL DSN whose connections use schema first
// (search_path), so one database can hold several sites' tables, each
// site in its own schema.
func WithSchema(dsn, schema string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", fmt.Errorf("sqldb: %s is not a postgres:// URL", redact(dsn))
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// CreateSchema creates a PostgreSQL schema if it does not exist. The name
// must be a plain lower-case identifier; it is checked, not quoted.
func (db *DB) CreateSchema(ctx context.Context, name string) error {
	if db.dialect != Postgres {
		return fmt.Errorf("sqldb: schemas are a PostgreSQL feature")
	}
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return fmt.Errorf("sqldb: bad schema name %q", name)
	}
	_, err := db.write.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+name)
	return err
}
