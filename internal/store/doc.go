// Package store implements emr's service interfaces on a sqldb.DB, with
// hand-written SQL that runs unchanged on SQLite and PostgreSQL.
//
// One file per service. Database errors are translated here, once: no row
// becomes emr.ENOTFOUND, a unique violation emr.ECONFLICT, a reference to a
// missing row emr.EINVALID. Times are stored as unix seconds and come back
// in UTC, truncated to the second.
//
// The few operations whose correctness depends on concurrency (consuming
// an authorization code, rotating a refresh token, counting failed
// sign-ins) are single conditional statements inside a transaction, so they
// stay correct with many goemr processes on one PostgreSQL database.
package store
