// Package e2e holds black-box tests of the real goemr binary: each test
// builds cmd/goemr once, starts it on a free loopback port with a temporary
// data folder (and, when GOEMR_TEST_PG is set, also on a fresh PostgreSQL
// database), drives it with real OAuth2 clients and stops it by process id.
package e2e
