// Package bench holds goemr's performance benchmarks and the method they
// follow (DESIGN.md §6).
//
// Every figure is a ratio measured in the same run against this machine's
// ceiling: a bare Go net/http handler returning a fixed JSON body, loaded by
// the same load client over the same number of keep-alive connections.
// Each figure is the median of at least three runs and is stated with the
// data size it was measured on. Nothing here is a timed test: throughput is
// measured by the load generator in bench/cmd/goemr-load, latency by
// `go test -bench` in this package.
//
// The load generator starts the ceiling and the real goemr binary
// (`goemr serve --demo`) as separate processes on loopback, registers its
// clients over HTTP, and runs the same closed loop (N connections, one
// request outstanding on each, a warm-up then a fixed window) against both,
// for these scenarios:
//
//   - client_credentials: SMART Backend Services, one RS384 client
//     assertion per request, each with its own jti, all signed before the
//     timed run;
//   - password: the resource-owner password grant for admin/pass
//     (user_role=users), dominated by bcrypt;
//   - introspect: a confidential client authenticating with
//     client_secret_basic introspects a valid access token.
//
// Any answer but 200 is an error, and a run with errors is not a figure.
// Each run also states how much CPU processes other than the benchmark's
// own took, since the machine may be shared.
//
// BenchmarkNoopRoute and BenchmarkNoopRouteAuthenticated measure, in
// process and without the network, what the authorizer middleware
// ((*auth.Server).Require) adds to a request once its token is cached: the
// difference of their ns/op. The token is a real one, issued by the
// server's password grant; revocation is still looked up in the database on
// every call. Both run on SQLite, and on PostgreSQL when GOEMR_TEST_PG is
// set. Their Parallel variants run the same from 16 goroutines, and
// BenchmarkDBRoundTrip gives the floor under any per-request database
// lookup.
//
// BenchmarkIntrospect, BenchmarkClientCredentials and
// BenchmarkPasswordGrant run one endpoint in process, for CPU profiles: the
// server's work is labelled part=server, so
// `go tool pprof -tagfocus part=server` leaves out what the benchmark does
// to prepare.
//
// See README.md for the commands and the latest results.
package bench
