package main

import (
	"context"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"goemr/internal/admin"
	"goemr/internal/audit"
	"goemr/internal/auth"
	"goemr/internal/bulk"
	"goemr/internal/config"
	"goemr/internal/emr"
	"goemr/internal/fhir"
	"goemr/internal/openapi"
	"goemr/internal/resource"
	"goemr/internal/restapi"
	"goemr/internal/sqldb"
	"goemr/internal/store"
	"goemr/internal/web"
)

// app is everything serve runs: the authorization server, the API log
// writer and the HTTP surface over both.
type app struct {
	dialect sqldb.Dialect
	auth    *auth.Server
	apiLog  *audit.Logger
	handler http.Handler
	// exports runs bulk $export jobs in the background until stopExports.
	exports     *bulk.Service
	stopExports func()
}

// close stops the export workers (a job stopped mid-run is left for the
// next start, or another process, to run again) and flushes the API log.
func (a *app) close() {
	if a.stopExports != nil {
		a.stopExports()
	}
	a.apiLog.Close()
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
	a.exports = bulk.New(bulk.Options{
		Jobs: st, Dir: filepath.Join(cfg.DataDir, "bulk"), Log: log,
		Workers: cfg.Export.Workers, PerClient: cfg.Export.PerClient, Total: cfg.Export.Total,
		FileLines: cfg.Export.FileLines, Expiry: cfg.Export.Expiry, Lease: cfg.Export.Lease,
	})
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
	admin.New(admin.Stores{Users: st, Clients: st, Sessions: st, Settings: st, Audit: st, Records: st, ClientAdmin: st}, authSrv,
		admin.Options{BaseURL: cfg.BaseURL, Logger: log}).Routes(mux)
	opts := restapi.Options{MaxDocument: cfg.MaxDocument, Auth: authSrv, Records: st, Users: st, Audit: a.apiLog, Documents: st, Jobs: jobs(st)}
	if cfg.ResponseCache {
		opts.Versions = st
	}
	api, err := restapi.New(opts)
	if err != nil {
		return nil, err
	}
	browser := authSrv.CORS()
	mux.Handle("/apis/{site}/api/", browser(standardAPISwitch(st)(api)))
	mux.Handle("/apis/{site}/portal/", browser(portalAPISwitch(st)(api)))
	fhirOpts := fhir.Options{Auth: authSrv, Records: st, Audit: a.apiLog, Software: buildVersion(), Documents: st}
	if cfg.ResponseCache {
		fhirOpts.Versions = st
	}
	fhirOpts.Exports = a.exports
	fhirSrv := fhir.New(fhirOpts)
	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); a.exports.Run(runCtx, fhirSrv) }()
	a.stopExports = func() { stop(); <-done }
	mux.Handle("/apis/{site}/fhir/", browser(fhirAPISwitch(st)(fhirSrv)))
	mux.Handle("/apis/{site}/fhir", browser(fhirAPISwitch(st)(fhirSrv)))
	// Browsers ask every page's site for /favicon.ico; the sign-in pages
	// get Swagger UI's icon rather than a 404.
	mux.Handle("GET /favicon.ico", http.RedirectHandler("/swagger/favicon-32x32.png", http.StatusMovedPermanently))
	if err := openapi.Mount(mux, cfg.BaseURL); err != nil {
		return nil, err
	}
	mux.Handle("/", web.Handle(writeNotFound, func(w http.ResponseWriter, r *http.Request) error {
		return emr.Errorf(emr.ENOTFOUND, "no route for %s %s", r.Method, r.URL.Path)
	}))
	return web.Chain(mux, withArrival, web.WithRequestID, web.WithLog(log), web.WithSecurityHeaders, web.WithBodyLimits(cfg.MaxBody, apiBodyLimit(cfg))), nil
}

// withArrival records when each request arrived, so the data versions its
// caches check need count only writes acknowledged before then
// (sqldb.AsOf): on PostgreSQL one read of the versions then serves the
// revocation check and the response cache of every request it arrived
// with.
func withArrival(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(sqldb.AsOf(r.Context(), time.Now())))
	})
}

// apiBodyLimit lets document uploads be as large as --max-document, and
// leaves too-large bodies on the OpenEMR APIs to the API itself, which
// answers 400 in its own shape (issue: bad input is a 400).
func apiBodyLimit(cfg *config.Config) web.BodyLimit {
	return func(r *http.Request) (int64, bool) {
		if r.Method == http.MethodPost && strings.HasSuffix(strings.TrimSuffix(r.URL.Path, "/"), "/fhir") {
			return max(cfg.MaxBody, fhir.MaxBundle), true // batch and transaction Bundles, answered by FHIR
		}
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
