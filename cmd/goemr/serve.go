package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"goemr/internal/auth"
	"goemr/internal/config"
	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/store"
)

// runServe starts the server and runs until SIGINT/SIGTERM, then drains
// in-flight requests (up to --drain-timeout) and exits cleanly.
func runServe(ctx context.Context, env *cliEnv, args []string) error {
	cfg := config.Default()
	fs := flag.NewFlagSet("goemr serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	cfg.ServeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := config.ApplyEnv(fs, env.getenv); err != nil {
		return err
	}
	tuneGC(env)
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	log := newLogger(env, cfg.LogLevel)
	db, st, err := openStore(ctx, &cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.Demo {
		if _, err := demo.Seed(ctx, demo.Stores{Users: st, Patients: st, Settings: st}, auth.HashPassword); err != nil {
			return err
		}
		// The named patients' histories (encounters, medications, labs…),
		// written once: a later start finds them and adds nothing.
		if _, err := demo.Generate(ctx, st, demo.Options{Patients: len(demo.Patients)}); err != nil && !errors.Is(err, demo.ErrNotDemo) {
			return err
		}
	}
	if addr, err := st.Setting(ctx, emr.SettingSiteAddr); err == nil && addr != "" {
		cfg.BaseURL = addr // the site_addr_oath setting overrides, as in OpenEMR
	}
	a, err := newApp(ctx, &cfg, log, db, st)
	if err != nil {
		return err
	}
	defer a.close() // after the drain below: every request is logged
	authSrv := a.auth
	bgCtx, stopBG := context.WithCancel(context.Background())
	defer stopBG()
	sites := newSiteRouter(bgCtx, &cfg, log, st, a)
	defer sites.close()
	handler := sites
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	serveErr := make(chan error, 1)
	go func() {
		if cfg.TLS() {
			serveErr <- srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
		} else {
			serveErr <- srv.Serve(ln)
		}
	}()
	go maintain(bgCtx, log, st, authSrv)
	printBanner(env, &cfg, ln.Addr().String())
	if users, err := st.ListUsers(ctx); err == nil && len(users) == 0 {
		fmt.Fprintln(env.stdout, "no users yet: create the first with `goemr user add --username NAME --password-stdin`")
	}
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining in-flight requests", "timeout", cfg.DrainTimeout)
	shutCtx, cancel := context.WithTimeout(context.Background(), cfg.DrainTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	fmt.Fprintln(env.stdout, "goemr stopped")
	return nil
}

// jobs are goemr's background services (background_services rows), run
// through the API: purge_expired is maintain's purge on demand.
func jobs(st *store.Store) map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		"purge_expired": func(ctx context.Context) error {
			_, err := st.PurgeExpired(ctx, time.Now())
			return err
		},
	}
}

// maintain runs the periodic jobs: reload the key ring (another process may
// have rotated) and purge expired codes, tokens and sessions. The purge runs
// as the purge_expired background service: whichever process takes its
// lease when it is due runs it, so processes sharing a database purge once
// per interval between them, and the service's next_run is true.
func maintain(ctx context.Context, log *slog.Logger, st *store.Store, a *auth.Server) {
	keys := time.NewTicker(30 * time.Second)
	purge := time.NewTicker(time.Minute)
	defer keys.Stop()
	defer purge.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-keys.C:
			if err := a.Keys().Refresh(ctx, 25*time.Second); err != nil {
				log.Error("reload signing keys", "err", err)
			}
		case <-purge.C:
			purgeIfDue(ctx, log, st)
		}
	}
}

// purgeInterval is how often expired rows are purged.
const purgeInterval = 10 * time.Minute

func purgeIfDue(ctx context.Context, log *slog.Logger, st *store.Store) {
	acquired, _, err := st.AcquireService(ctx, "purge_expired", purgeInterval, false, time.Now())
	if err != nil {
		log.Error("purge expired: lease", "err", err)
		return
	}
	if !acquired {
		return // not due, or another process is purging
	}
	defer func() {
		if err := st.ReleaseService(context.WithoutCancel(ctx), "purge_expired"); err != nil {
			log.Error("purge expired: release", "err", err)
		}
	}()
	if n, err := st.PurgeExpired(ctx, time.Now()); err != nil {
		log.Error("purge expired", "err", err)
	} else if n > 0 {
		log.Info("purged expired rows", "rows", n)
	}
}

func newLogger(env *cliEnv, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: l}))
}

func printBanner(env *cliEnv, cfg *config.Config, addr string) {
	w := env.stdout
	fmt.Fprintf(w, "goemr listening on %s\n", addr)
	fmt.Fprintf(w, "  base URL (Site Address): %s\n", cfg.BaseURL)
	fmt.Fprintf(w, "  health:         %s/healthz\n", cfg.BaseURL)
	fmt.Fprintf(w, "  OAuth2 / OIDC:  %s/oauth2/default/.well-known/openid-configuration\n", cfg.BaseURL)
	fmt.Fprintf(w, "  SMART:          %s/apis/default/fhir/.well-known/smart-configuration\n", cfg.BaseURL)
	fmt.Fprintf(w, "  Standard API:   %s/apis/default/api/…   Portal API: %s/apis/default/portal/…\n", cfg.BaseURL, cfg.BaseURL)
	fmt.Fprintf(w, "  Swagger UI:     %s/swagger/\n", cfg.BaseURL)
	if cfg.Demo {
		fmt.Fprintf(w, "demo accounts (never use --demo with real data):\n")
		fmt.Fprintf(w, "  staff user:     %s / %s\n", demo.AdminUser, demo.AdminPassword)
		fmt.Fprintf(w, "  portal patient: %s / %s (e-mail %s)\n", demo.PortalUser, demo.PortalPassword, demo.PortalEmail)
		fmt.Fprintf(w, "  password grant: on; new OAuth2 clients: approved at registration\n")
	}
}

// tuneGC lets the heap grow to four times the live data between
// collections (GOGC=400) unless GOGC is set: the live heap of a server is
// small and its garbage is per-request, so collecting less often saves
// CPU for requests. A soft limit of 1 GiB (GOMEMLIMIT unless set) keeps a
// burst from growing memory without bound.
func tuneGC(env *cliEnv) {
	if env.getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if env.getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
