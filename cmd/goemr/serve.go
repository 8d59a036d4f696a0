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
	"strings"
	"time"

	"goemr/internal/audit"
	"goemr/internal/auth"
	"goemr/internal/config"
	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/openapi"
	"goemr/internal/resource"
	"goemr/internal/restapi"
	"goemr/internal/sqldb"
	"goemr/internal/store"
	"goemr/internal/web"
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
	defer a.apiLog.Close() // after the drain below: every request is logged
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

// app is everything serve runs: the authorization server, the API log
// writer and the HTTP surface over both.
type app struct {
	dialect sqldb.Dialect
	auth    *auth.Server
	apiLog  *audit.Logger
	handler http.Handler
}

// newApp builds the authorization server and the HTTP surface on st.
func newApp(ctx context.Context, cfg *config.Config, log *slog.Logger, db *sqldb.DB, st *store.Store) (*app, error) {
	authSrv, err := auth.New(ctx, authStores(st), auth.Options{
		BaseURL: cfg.BaseURL, Demo: cfg.Demo, Logger: log,
		Scopes: restapi.ScopeEntries(resource.Routes),
	})
	if err != nil {
		return nil, err
	}
	a := &app{dialect: db.Dialect(), auth: authSrv, apiLog: audit.New(st, log)}
	a.handler, err = newHandler(cfg, log, db, st, a)
	if err != nil {
		a.apiLog.Close()
		return nil, err
	}
	return a, nil
}

// newHandler builds the whole HTTP surface: every route of every front door
// is mounted here, then wrapped in the shared middleware.
func newHandler(cfg *config.Config, log *slog.Logger, db *sqldb.DB, st *store.Store, a *app) (http.Handler, error) {
	authSrv := a.auth
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", healthz(db, a.apiLog))
	authSrv.Routes(mux)
	api, err := restapi.New(restapi.Options{MaxDocument: cfg.MaxDocument, Auth: authSrv, Records: st, Users: st, Audit: a.apiLog, Documents: st, Jobs: jobs(st)})
	if err != nil {
		return nil, err
	}
	browser := authSrv.CORS()
	mux.Handle("/apis/{site}/api/", browser(api))
	mux.Handle("/apis/{site}/portal/", browser(api))
	if err := openapi.Mount(mux, cfg.BaseURL); err != nil {
		return nil, err
	}
	mux.Handle("/", web.Handle(writeNotFound, func(w http.ResponseWriter, r *http.Request) error {
		return emr.Errorf(emr.ENOTFOUND, "no route for %s %s", r.Method, r.URL.Path)
	}))
	return web.Chain(mux, web.WithRequestID, web.WithLog(log), web.WithSecurityHeaders, web.WithBodyLimits(cfg.MaxBody, apiBodyLimit(cfg))), nil
}

// apiBodyLimit lets document uploads be as large as --max-document, and
// leaves too-large bodies on the OpenEMR APIs to the API itself, which
// answers 400 in its own shape (issue: bad input is a 400).
func apiBodyLimit(cfg *config.Config) web.BodyLimit {
	return func(r *http.Request) (int64, bool) {
		if !strings.HasPrefix(r.URL.Path, "/apis/") || strings.Contains(r.URL.Path, "/fhir/") {
			return 0, false
		}
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/document") {
			return max(cfg.MaxBody, cfg.MaxDocument+64<<10), true // room for the multipart framing
		}
		return cfg.MaxBody, true
	}
}

func writeNotFound(w http.ResponseWriter, r *http.Request, err error) {
	web.WriteJSON(w, http.StatusNotFound, "application/json", map[string]string{"error": "not_found", "error_description": emr.ErrorMessage(err)})
}

// healthz answers 200 once the database answers (migrations ran before the
// listener opened).
// Rows of the API log that could not be written are reported here too, so
// monitoring sees an audit gap.
func healthz(db *sqldb.DB, apiLog *audit.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		var one int
		if err := db.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
			web.WriteJSON(w, http.StatusServiceUnavailable, "application/json", map[string]string{"status": "unavailable"})
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		body := map[string]any{"status": "ok"}
		if n := apiLog.Failures(); n > 0 {
			body["api_log_failures"] = n
		}
		web.WriteJSON(w, http.StatusOK, "application/json", body)
	})
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
// have rotated) and purge expired codes, tokens and sessions.
func maintain(ctx context.Context, log *slog.Logger, st *store.Store, a *auth.Server) {
	keys := time.NewTicker(30 * time.Second)
	purge := time.NewTicker(10 * time.Minute)
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
			if n, err := st.PurgeExpired(ctx, time.Now()); err != nil {
				log.Error("purge expired", "err", err)
			} else if n > 0 {
				log.Info("purged expired rows", "rows", n)
			}
		}
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
