-- Data and security versions on PostgreSQL (see sqldb/versions_pg.go).
-- Sequences, not a counter row: nextval takes no row lock, so concurrent
-- writers never queue on the bump, and reading last_value is one cheap
-- page read. SQLite keeps its versions in the mapped -versions file.
--- postgres
CREATE SEQUENCE IF NOT EXISTS goemr_data_version;
CREATE SEQUENCE IF NOT EXISTS goemr_security_version;
