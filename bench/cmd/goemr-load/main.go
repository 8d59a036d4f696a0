package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"goemr/internal/sqldb"
)

// Goals: twice Ory Hydra's published 2-CPU figures.
var goals = map[string]float64{
	scClientCredentials: 2 * 513,
	scIntrospect:        2 * 5109,
}

type options struct {
	bin        string
	conns      int
	warm, dur  time.Duration
	runs       int
	scenarios  []string
	pg         string
	sqliteSync string
	serveFlags string // extra goemr serve flags, space-separated
	assertions int
	keep       bool
	maxOther   float64
	retries    int
	patients   int
	fromSQLite string
	fromPG     string
	backends   string
}

func main() {
	var o options
	var scen, ceiling string
	flag.StringVar(&ceiling, "serve-ceiling", "", "internal: run as the ceiling server on this address")
	flag.StringVar(&o.bin, "bin", "", "goemr binary to run (default: go build ./cmd/goemr into a temporary folder)")
	flag.IntVar(&o.conns, "c", 16, "concurrent keep-alive connections")
	flag.DurationVar(&o.warm, "warmup", time.Second, "warm-up before each measured window")
	flag.DurationVar(&o.dur, "duration", 5*time.Second, "measured window of each run")
	flag.IntVar(&o.runs, "runs", 3, "runs per scenario and server (the median is reported)")
	flag.StringVar(&scen, "scenarios", strings.Join(allScenarios, ","), "scenarios to run")
	flag.StringVar(&o.pg, "pg", os.Getenv("GOEMR_TEST_PG"), "PostgreSQL server DSN (default $GOEMR_TEST_PG); empty: SQLite only")
	flag.StringVar(&o.sqliteSync, "sqlite-sync", "FULL", "goemr --sqlite-sync (FULL is goemr's default)")
	flag.StringVar(&o.serveFlags, "serve-flags", "", "more goemr serve flags, space-separated (e.g. --response-cache=false)")
	flag.IntVar(&o.assertions, "assertions", 0, "client assertions signed before the first client_credentials run (0: 2000/s of run time)")
	flag.BoolVar(&o.keep, "keep", false, "keep the data folder (SQLite file) for inspection")
	flag.Float64Var(&o.maxOther, "max-other", 15, "a run during which other processes took more than this % of the CPUs is repeated")
	flag.IntVar(&o.patients, "patients", 0, "demo patients generated (goemr demo --patients N) before serving; 0: the 22 of --demo")
	flag.StringVar(&o.fromSQLite, "from-sqlite", "", "copy this prepared SQLite file (e.g. made by goemr demo --patients N) instead of generating data")
	flag.StringVar(&o.fromPG, "from-pg", "", "create the PostgreSQL database from this prepared database (CREATE DATABASE … TEMPLATE) instead of generating data")
	flag.IntVar(&o.retries, "retries", 1, "how many times a busy run is repeated (its last attempt counts either way)")
	flag.StringVar(&o.backends, "backends", "", "comma-separated backends to measure (sqlite,postgres); default: sqlite, plus postgres when -pg is set")
	flag.Parse()
	if ceiling != "" {
		if err := serveCeiling(ceiling); err != nil {
			fmt.Fprintln(os.Stderr, "ceiling:", err)
			os.Exit(1)
		}
		return
	}
	o.scenarios = strings.Split(scen, ",")
	for _, s := range o.scenarios {
		if !slices.Contains(allScenarios, s) {
			fmt.Fprintf(os.Stderr, "unknown scenario %q (have %s)\n", s, strings.Join(allScenarios, ", "))
			os.Exit(2)
		}
	}
	if o.conns < 1 || o.runs < 1 || o.dur <= 0 || o.warm < 0 {
		fmt.Fprintln(os.Stderr, "-c, -runs and -duration must be positive")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, &o); err != nil {
		fmt.Fprintln(os.Stderr, "goemr-load:", err)
		os.Exit(1)
	}
}

// figure is the median of a scenario's runs on one backend.
type figure struct {
	backend, scenario     string
	goemr, ceiling        float64 // medians of req/s
	ratio                 float64 // median of the per-run ratios
	p50, p99              time.Duration
	ceilP50, ceilP99      time.Duration
	serverCPU             time.Duration // goemr's CPU time per request (median)
	valid, runs           int
	busy                  int // valid runs during which other processes took more than -max-other
	errors                int64
	otherCPU              float64 // highest of the runs
	rowsBefore, rowsAfter map[string]int64
	// Export scenarios: resources per export, the highest peak anonymous
	// memory and the highest VmHWM.
	exportResources, exportRSS, exportHWM int64
}

func run(ctx context.Context, o *options) error {
	tmp, err := os.MkdirTemp("", "goemr-load-")
	if err != nil {
		return err
	}
	defer func() {
		if o.keep {
			fmt.Println("data kept in", tmp)
		} else {
			os.RemoveAll(tmp)
		}
	}()
	started := time.Now()
	fmt.Printf("goemr-load %s\nCPU: %s, %d CPUs; load average at start: %s\n", started.Format(time.RFC3339), cpuModel(), runtime.NumCPU(), loadAvg())
	fmt.Printf("load: %d keep-alive connections, closed loop, %v warm-up + %v measured, %d runs\n", o.conns, o.warm, o.dur, o.runs)
	if o.bin == "" {
		fmt.Println("building ./cmd/goemr …")
		if o.bin, err = buildGoemr(tmp); err != nil {
			return err
		}
	}
	ceil, err := startCeiling()
	if err != nil {
		return err
	}
	defer ceil.stop()
	fmt.Printf("ceiling: pid %d on %s\n", ceil.pid(), ceil.addr)

	backends := []string{"sqlite"}
	if o.pg != "" {
		backends = append(backends, "postgres")
	}
	if o.backends != "" {
		backends = strings.Split(o.backends, ",")
		if slices.Contains(backends, "postgres") && o.pg == "" {
			return errors.New("-backends postgres needs -pg or GOEMR_TEST_PG")
		}
	}
	var figures []figure
	for _, be := range backends {
		if ctx.Err() != nil {
			break
		}
		fs, err := runBackend(ctx, o, be, tmp, ceil)
		figures = append(figures, fs...)
		if err != nil {
			printSummary(figures, o)
			return fmt.Errorf("%s: %w", be, err)
		}
	}
	printSummary(figures, o)
	fmt.Printf("\nfinished in %v; load average at end: %s\n", time.Since(started).Round(time.Second), loadAvg())
	return ctx.Err()
}

func runBackend(ctx context.Context, o *options, be, tmp string, ceil *proc) ([]figure, error) {
	dataDir := filepath.Join(tmp, be)
	dsn, countDSN := "", "sqlite:"+filepath.Join(dataDir, sqldb.DefaultFile)
	pgParent := 0
	if be == "postgres" {
		var drop func()
		var err error
		if dsn, drop, err = createPGDatabase(ctx, o.pg, o.fromPG); err != nil {
			return nil, err
		}
		defer drop()
		countDSN = dsn
		pgParent = postmasterPID()
	}
	if be == "sqlite" && o.fromSQLite != "" {
		if err := copyFile(o.fromSQLite, filepath.Join(dataDir, sqldb.DefaultFile)); err != nil {
			return nil, err
		}
	}
	prepared := be == "sqlite" && o.fromSQLite != "" || be == "postgres" && o.fromPG != ""
	if o.patients > 0 && !prepared {
		t := time.Now()
		if err := generatePatients(ctx, o.bin, dataDir, dsn, o.patients); err != nil {
			return nil, err
		}
		fmt.Printf("generated %d demo patients in %v\n", o.patients, time.Since(t).Round(time.Second))
	}
	g, err := startGoemr(o.bin, dataDir, dsn, o.sqliteSync, strings.Fields(o.serveFlags)...)
	if err != nil {
		return nil, err
	}
	defer g.stop()
	fmt.Printf("\n=== %s: goemr pid %d on %s (--demo, --sqlite-sync %s)\n", be, g.pid(), g.addr, o.sqliteSync)
	s, err := register("http://" + g.addr)
	if err != nil {
		return nil, err
	}
	if s.api, err = loadAPISample(s); err != nil {
		return nil, err
	}
	cpu := &cpuProbe{pids: func() []int { return []int{ceil.pid(), g.pid()} }, pgParent: pgParent}

	var out []figure
	need := o.assertions
	if need <= 0 {
		need = int(2000 * (o.warm + o.dur).Seconds())
	}
	for _, sc := range o.scenarios {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		f := figure{backend: be, scenario: sc, runs: o.runs}
		f.rowsBefore, _ = countRows(ctx, countDSN)
		if slices.Contains(exportScenarios, sc) {
			if err := exportFigure(ctx, o, &f, s, g); err != nil {
				return out, err
			}
			f.rowsAfter = f.rowsBefore
			out = append(out, f)
			continue
		}
		fmt.Printf("\n--- %s / %s (load average %s; rows %s)\n", be, sc, loadAvg(), formatRows(f.rowsBefore))
		var gs, cs, ratios []float64
		var p50s, p99s, cp50s, cp99s, scpu []time.Duration
		for r, retry := 1, 0; r <= o.runs; r++ {
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
			ceilRes := runLoad(ceil.addr, ceil.pid(), requests(sc, s, ceil.addr, sampleAssertion(sc, s), true), o.conns, o.warm, o.dur, cpu)
			ceilRes.Target = "ceiling"
			var gRes *loadResult
			for attempt := 0; ; attempt++ {
				var signed []string
				if sc == scClientCredentials {
					t := time.Now()
					signed = assertions(s, need)
					fmt.Printf("  (signed %d RS384 assertions in %v, untimed)\n", need, time.Since(t).Round(time.Millisecond))
				}
				src := requests(sc, s, g.addr, signed, false)
				gRes = runLoad(g.addr, g.pid(), src, o.conns, o.warm, o.dur, cpu)
				gRes.Target = "goemr"
				if p, ok := src.(*pool); ok {
					used := int(min(p.i.Load(), int64(len(p.reqs))))
					if gRes.Exhausted && attempt < 2 {
						fmt.Printf("  run %d: the %d assertions ran out; again with twice as many\n", r, need)
						need *= 2
						continue
					}
					need = max(1000, int(math.Ceil(float64(used)*1.3)))
				}
				break
			}
			ratio := gRes.Rate() / ceilRes.Rate()
			printRun(r, ceilRes)
			printRun(r, gRes)
			fmt.Printf("  run %d: ratio goemr/ceiling = %.4f\n", r, ratio)
			other := max(ceilRes.OtherCPU, gRes.OtherCPU)
			if other > o.maxOther && retry < o.retries {
				fmt.Printf("  run %d: other processes took %.1f%% of the CPUs; run %d again\n", r, other, r)
				retry++
				r--
				continue
			}
			retry = 0
			f.errors += ceilRes.Errors + gRes.Errors
			f.otherCPU = max(f.otherCPU, other)
			if !ceilRes.Valid() || !gRes.Valid() {
				fmt.Printf("  run %d is NOT a valid figure (errors or exhausted assertions)\n", r)
				continue
			}
			f.valid++
			if other > o.maxOther {
				f.busy++
			}
			gs, cs, ratios = append(gs, gRes.Rate()), append(cs, ceilRes.Rate()), append(ratios, ratio)
			p50s, p99s = append(p50s, gRes.P50), append(p99s, gRes.P99)
			cp50s, cp99s = append(cp50s, ceilRes.P50), append(cp99s, ceilRes.P99)
			scpu = append(scpu, gRes.ServerCPU)
		}
		if f.valid > 0 {
			f.goemr, f.ceiling, f.ratio = median(gs), median(cs), median(ratios)
			f.p50, f.p99, f.ceilP50, f.ceilP99 = medianDur(p50s), medianDur(p99s), medianDur(cp50s), medianDur(cp99s)
			f.serverCPU = medianDur(scpu)
		}
		f.rowsAfter, _ = countRows(ctx, countDSN)
		out = append(out, f)
	}
	return out, nil
}

func sampleAssertion(sc string, s *setup) []string {
	if sc != scClientCredentials {
		return nil
	}
	return assertions(s, 1)
}

func printRun(r int, res *loadResult) {
	fmt.Printf("  run %d %-7s %10.1f req/s  n=%-7d p50 %-9v p99 %-9v errors %d  CPU/req server %-8v client %-7v other CPU %4.1f%%",
		r, res.Target, res.Rate(), res.Count, res.P50.Round(time.Microsecond), res.P99.Round(time.Microsecond), res.Errors,
		res.ServerCPU.Round(100*time.Nanosecond), res.ClientCPU.Round(100*time.Nanosecond), res.OtherCPU)
	if res.Exhausted {
		fmt.Print("  ASSERTIONS EXHAUSTED")
	}
	fmt.Println()
	if res.Errors > 0 {
		fmt.Printf("    statuses %v; first error: %.300s\n", res.Statuses, res.FirstErr)
	}
}

func printSummary(fs []figure, o *options) {
	if len(fs) == 0 {
		return
	}
	fmt.Printf("\n=== medians (%d connections, %v measured per run; ceiling = bare net/http fixed JSON)\n\n", o.conns, o.dur)
	fmt.Println("| backend | scenario | goemr req/s | ceiling req/s | ratio | goemr p50 / p99 | ceiling p50 / p99 | goemr CPU/req | valid runs (busy) | errors | other CPU (max) | goal |")
	fmt.Println("|---|---|---:|---:|---:|---|---|---:|---:|---:|---:|---|")
	for _, f := range fs {
		if slices.Contains(exportScenarios, f.scenario) {
			continue
		}
		goal := "—"
		if g, ok := goals[f.scenario]; ok {
			met := "not met"
			if f.valid > 0 && f.goemr >= g {
				met = "met"
			}
			goal = fmt.Sprintf("≥ %.0f/s: %s", g, met)
		}
		fmt.Printf("| %s | %s | %.0f | %.0f | %.4f | %v / %v | %v / %v | %v | %d/%d (%d) | %d | %.1f%% | %s |\n",
			f.backend, f.scenario, f.goemr, f.ceiling, f.ratio,
			f.p50.Round(time.Microsecond), f.p99.Round(time.Microsecond),
			f.ceilP50.Round(time.Microsecond), f.ceilP99.Round(time.Microsecond),
			f.serverCPU.Round(time.Microsecond), f.valid, f.runs, f.busy, f.errors, f.otherCPU, goal)
	}
	printExportSummary(fs)
	fmt.Println("\ndata size (rows before → after each scenario):")
	for _, f := range fs {
		fmt.Printf("  %s / %s: %s → %s\n", f.backend, f.scenario, formatRows(f.rowsBefore), formatRows(f.rowsAfter))
	}
}

// countedTables are the tables whose size the report states.
var countedTables = []string{"patient_data", "lists", "form_encounter", "users", "oauth_clients", "oauth_grants", "jwt_grant_history", "api_log", "oauth_revocations"}

// countRows counts the rows of countedTables, between runs only.
func countRows(ctx context.Context, dsn string) (map[string]int64, error) {
	db, err := sqldb.Open(ctx, sqldb.Options{DSN: dsn, ReadConns: 1})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	out := map[string]int64{}
	var errs []error
	for _, t := range countedTables {
		var n int64
		if err := db.QueryRow(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			errs = append(errs, err)
			continue
		}
		out[t] = n
	}
	return out, errors.Join(errs...)
}

func formatRows(m map[string]int64) string {
	if m == nil {
		return "?"
	}
	var parts []string
	for _, t := range countedTables {
		if n, ok := m[t]; ok {
			parts = append(parts, fmt.Sprintf("%s=%d", t, n))
		}
	}
	return strings.Join(parts, " ")
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func medianDur(v []time.Duration) time.Duration {
	f := make([]float64, len(v))
	for i, d := range v {
		f[i] = float64(d)
	}
	return time.Duration(median(f))
}
