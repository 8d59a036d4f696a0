package main

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"goemr/internal/config"
	"goemr/internal/emr"
	"goemr/internal/sqldb"
	"goemr/internal/store"
	"goemr/internal/web"
)

// siteRouter sends /apis/{site}/… and /oauth2/{site}/… to the site's own
// server: its own database, clients, keys and log. The default site is
// served by the default app; other sites are looked up in the default
// database's registry and opened on first use, so a site added with
// `goemr site add` is served without a restart.
type siteRouter struct {
	ctx   context.Context // lives as long as the server
	cfg   *config.Config
	log   *slog.Logger
	reg   *store.Store // the default site's store: the registry
	def   *app
	mu    sync.Mutex
	sites map[string]*siteApp
}

type siteApp struct {
	*app
	db *sqldb.DB
}

func newSiteRouter(ctx context.Context, cfg *config.Config, log *slog.Logger, reg *store.Store, def *app) *siteRouter {
	return &siteRouter{ctx: ctx, cfg: cfg, log: log, reg: reg, def: def, sites: map[string]*siteApp{}}
}

func (sr *siteRouter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	site := siteOf(r.URL)
	if site == "" || site == "default" {
		sr.def.handler.ServeHTTP(w, r)
		return
	}
	a, err := sr.site(site)
	if err != nil {
		if emr.ErrorCode(err) == emr.EINVALID {
			// Before any authentication, as OpenEMR (§8): a 400 in the
			// shape of the front door asked.
			if strings.HasPrefix(r.URL.Path, "/oauth2/") {
				web.WriteJSON(w, http.StatusBadRequest, "", map[string]string{"error": "invalid_request", "error_description": "unknown site"})
				return
			}
			web.WriteJSON(w, http.StatusBadRequest, "", map[string]any{"error": "Bad Request", "code": 400,
				"message": "OpenEMR Error: api site error, so forced exit. Please ensure that the site is set up correctly in the OpenEMR configuration."})
			return
		}
		sr.log.Error("open site", "site", site, "err", err)
		web.WriteJSON(w, http.StatusServiceUnavailable, "", map[string]any{"error": "Service Unavailable", "code": 503, "message": "the site's database is unavailable"})
		return
	}
	a.handler.ServeHTTP(w, r)
}

// siteOf is the site segment of /apis/{site}/…, /oauth2/{site}/… and
// /admin/{site}/…, or the ?site= of OpenEMR's app registration page
// ("" for other paths).
func siteOf(u *url.URL) string {
	if u.Path == "/interface/smart/register-app.php" {
		return u.Query().Get("site")
	}
	for _, p := range []string{"/apis/", "/oauth2/", "/admin/"} {
		if rest, ok := strings.CutPrefix(u.Path, p); ok {
			site, _, _ := strings.Cut(rest, "/")
			return site
		}
	}
	return ""
}

// site returns the app of a registered site, opening it on first use.
func (sr *siteRouter) site(id string) (*siteApp, error) {
	if !emr.ValidSiteID(id) {
		return nil, emr.Errorf(emr.EINVALID, "unknown site")
	}
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if a, ok := sr.sites[id]; ok {
		return a, nil
	}
	s, err := sr.reg.SiteByID(sr.ctx, id)
	if emr.IsNotFound(err) {
		return nil, emr.Errorf(emr.EINVALID, "unknown site")
	}
	if err != nil {
		return nil, err
	}
	siteCfg := *sr.cfg
	if siteCfg.DB, err = siteDSN(sr.cfg, sr.def.dialect, s); err != nil {
		return nil, err
	}
	db, st, err := openStore(sr.ctx, &siteCfg)
	if err != nil {
		return nil, err
	}
	a, err := newApp(sr.ctx, &siteCfg, sr.log.With("site", id), db, st)
	if err != nil {
		db.Close()
		return nil, err
	}
	go maintain(sr.ctx, sr.log.With("site", id), st, a.auth)
	sa := &siteApp{app: a, db: db}
	sr.sites[id] = sa
	return sa, nil
}

// close stops every opened site: its log is flushed, its database closed.
func (sr *siteRouter) close() {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	for _, a := range sr.sites {
		a.close()
		a.db.Close()
	}
}
