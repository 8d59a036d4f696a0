// Command goemr-load measures goemr's OAuth2 endpoints as the ratio to this
// machine's ceiling, following the performance method of DESIGN.md §6.
//
// It starts two servers on loopback, each in its own process: the ceiling
// (a bare net/http handler returning a fixed JSON body; this program run
// again with -serve-ceiling) and the real goemr binary (`goemr serve --demo`
// on SQLite, and on PostgreSQL too when GOEMR_TEST_PG is set). It registers
// the clients it needs over HTTP, then for every scenario and run it loads
// the ceiling and goemr in turn with the same closed loop: -c keep-alive
// connections, one request outstanding on each, -warmup then -duration.
// It prints req/s for both, their ratio, p50/p99 latency, error counts and
// how much CPU other processes took meanwhile, then the medians.
//
// Any answer other than 200 is an error; a run with errors is reported and
// is not a valid figure. The load is bounded in time, loopback only, and the
// servers are stopped by process id at the end.
//
// Usage, from the module root:
//
//	go run ./bench/cmd/goemr-load [-c 16] [-warmup 1s] [-duration 5s] [-runs 3] [-scenarios client_credentials,password,introspect]
package main
