package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"goemr/internal/auth"
	"goemr/internal/demo"
)

// runDemo seeds the demo accounts and patients into an empty database and
// gives --patients demo patients histories (serve --demo does the same for
// the named patients on start). Run again, it adds only what is missing.
func runDemo(ctx context.Context, env *cliEnv, args []string) error {
	patients := len(demo.Patients)
	_, db, st, err := dbCommand(ctx, env, "demo", args, func(fs *flag.FlagSet) {
		fs.IntVar(&patients, "patients", patients, fmt.Sprintf(
			"demo patients with full histories: the first %d are the named ones, the rest are generated", len(demo.Patients)))
	})
	if err != nil {
		return err
	}
	defer db.Close()
	if patients < 0 {
		return errors.New("--patients must be 0 or more")
	}
	seeded, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword)
	if err != nil {
		return err
	}
	if seeded {
		fmt.Fprintf(env.stdout, "demo data seeded: user %s/%s, portal login %s/%s, %d patients, password grant on\n",
			demo.AdminUser, demo.AdminPassword, demo.PortalUser, demo.PortalPassword, len(demo.Patients))
	}
	p := newProgress(env.stderr)
	stats, err := demo.Generate(ctx, st, demo.Options{Patients: patients, Progress: p.report})
	p.done()
	if errors.Is(err, demo.ErrNotDemo) {
		fmt.Fprintln(env.stdout, "the database already has users or patients that are not demo data; nothing seeded")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "demo histories: %d patients created, %d histories written, %d already there; %d rows in %.1fs\n",
		stats.Created, stats.Histories, stats.Skipped, stats.Total(), time.Since(p.start).Seconds())
	tables := make([]string, 0, len(stats.Rows))
	for t := range stats.Rows {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	for _, t := range tables {
		fmt.Fprintf(env.stdout, "  %-26s %9d\n", t, stats.Rows[t])
	}
	return nil
}

// progress shows how far generation is: a line redrawn in place on a
// terminal, otherwise a line per tenth of the work.
type progress struct {
	w        io.Writer
	terminal bool
	start    time.Time
	tenth    int
	drawn    bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) report(g demo.Progress) {
	rate := float64(g.Rows) / max(g.Elapsed.Seconds(), 0.001)
	line := fmt.Sprintf("demo: %d/%d patients, %d rows (%.0f rows/s)", g.Done, g.Total, g.Rows, rate)
	if p.terminal {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		p.drawn = true
		return
	}
	if t := g.Done * 10 / max(g.Total, 1); t > p.tenth {
		p.tenth = t
		fmt.Fprintln(p.w, line)
	}
}

// done ends the redrawn line.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
