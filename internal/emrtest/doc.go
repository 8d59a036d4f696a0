// Package emrtest is test support shared by goemr's packages: fresh,
// migrated databases on every engine the store runs on.
//
// SQLite is always there (a file in the test's temporary directory).
// PostgreSQL joins when GOEMR_TEST_PG holds a server DSN such as
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable: each test
// then gets its own database, created for it and dropped after it. CI sets
// GOEMR_REQUIRE_PG=1 so that a missing server fails the tests instead of
// silently testing SQLite alone.
package emrtest
