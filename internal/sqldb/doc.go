// Package sqldb opens goemr's database, SQLite (embedded, the default) or
// PostgreSQL (shared by several goemr processes), and hides the few
// differences between them from the rest of the code.
//
// All SQL in goemr is written once, in portable SQL with PostgreSQL's $1, $2…
// placeholders; on SQLite they are rewritten to the numbered ?1, ?2… form so
// a placeholder can be reused or appear out of order (or to plain ? when
// they simply run in order, which SQLite binds faster). Migrations may hold
// parts for one engine only (--- sqlite / --- postgres), for indexes the
// engines build differently.
//
// SQLite allows one writer at a time, so a DB keeps a single writer
// connection (every transaction begins IMMEDIATE, taking the write lock up
// front instead of failing on upgrade) and a separate pool of read-only
// connections that, in WAL mode, never wait for the writer. Exec and Transact
// run on the writer, Query and QueryRow on the read pool. On PostgreSQL one
// pool serves both.
//
// Every process on one database shares version counters (versions.go): on
// SQLite a mapped page, the file's -versions companion; on PostgreSQL two
// sequences (versions_pg.go). Each write bumps the data or security version
// after its commit, so readers can tell whether anything they derived may
// have changed: in nanoseconds on SQLite, and on PostgreSQL with one small
// query shared by every request that arrived before it started.
//
// The schema lives in migrations/*.sql, embedded in the binary and applied in
// order by Migrate.
package sqldb
