package admin

import (
	"log/slog"
	"strings"
	"time"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// Stores are the domain services the pages work on.
type Stores struct {
	Users    emr.UserService
	Clients  emr.ClientService
	Sessions emr.SessionService
	Settings emr.SettingService
	Audit    emr.AuditService
	// Records reads the chart (patients, lists, vitals, encounters)
	// through the same resource definitions the Standard API serves.
	Records resource.Reader
	// ClientAdmin holds the API Clients page's operations on clients.
	ClientAdmin emr.ClientAdminService
}

// Options configure a Server.
type Options struct {
	BaseURL string // the public address, without trailing slash
	Logger  *slog.Logger
	Now     func() time.Time
}

// Server serves the pages of every site; the site is the {site} segment of
// /admin/{site}/….
type Server struct {
	st     Stores
	auth   *auth.Server
	base   string
	secure bool // cookies get the Secure attribute
	log    *slog.Logger
	now    func() time.Time
}

// New builds the page server on the stores and the authorization server
// that checks passwords and issues launches.
func New(st Stores, authSrv *auth.Server, o Options) *Server {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	base := strings.TrimRight(o.BaseURL, "/")
	return &Server{
		st: st, auth: authSrv, base: base, log: o.Logger, now: o.Now,
		secure: strings.HasPrefix(base, "https://"),
	}
}

// path is the address of a page of the site, relative to the host.
func path(site, page string) string { return "/admin/" + site + "/" + page }
