package auth

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"goemr/internal/auth/scope"
	"goemr/internal/emr"
)

// Stores are the domain services the authorization server works on.
type Stores struct {
	Users    emr.UserService
	Patients emr.PatientService
	Clients  emr.ClientService
	Tokens   emr.TokenService
	Keys     emr.KeyService
	Sessions emr.SessionService
	Settings emr.SettingService
	Sites    emr.SiteService
	Audit    emr.AuditService
	Throttle emr.ThrottleService
}

// Options configure a Server.
type Options struct {
	BaseURL    string // Site Address, without trailing slash
	Demo       bool   // approve every registered client at once
	Logger     *slog.Logger
	Now        func() time.Time
	HTTPClient *http.Client // fetches clients' jwks_uri
	// Scopes are offered beside OpenEMR's default catalogue: those the
	// front doors' route tables require, so that every route can be
	// granted.
	Scopes []scope.Entry
}

// Server is the authorization server of all sites.
type Server struct {
	st      Stores
	base    string
	secure  bool // cookies get the Secure attribute
	demo    bool
	log     *slog.Logger
	now     func() time.Time
	catalog *scope.Catalog
	keys    *KeyRing
	jwks    *jwksFetcher
	cache   *tokenCache
	secrets *secretCache
	clients *clientCache
	usage   clientUsage             // when each client's use was last recorded
	grants  map[string]grantHandler // by grant_type, built once
	// registrations limits open client registration per address.
	registrations *addressLimiter

	sitesMu sync.RWMutex
	sites   map[string]bool
}

// New builds the server and loads (or on first start creates) the signing keys.
func New(ctx context.Context, st Stores, o Options) (*Server, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 5 * time.Second}
	}
	s := &Server{
		st:            st,
		base:          strings.TrimRight(o.BaseURL, "/"),
		secure:        strings.HasPrefix(o.BaseURL, "https://"),
		demo:          o.Demo,
		log:           o.Logger,
		now:           o.Now,
		catalog:       scope.DefaultCatalog(scope.CatalogOptions{System: true}).With(o.Scopes...),
		cache:         newTokenCache(50_000), // about 1.5 KiB each: bounded near 75 MiB
		secrets:       newSecretCache(10_000),
		registrations: newAddressLimiter(60, 60),
		sites:         map[string]bool{},
	}
	s.jwks = newJWKSFetcher(o.HTTPClient, o.Now)
	s.clients = newClientCache(st.Clients.ClientByID, o.Now)
	s.grants = s.grantHandlers()
	s.keys = NewKeyRing(st.Keys, o.Now, s.keyRetention)
	if err := s.keys.Load(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Catalog is the scope catalogue the server accepts and advertises.
func (s *Server) Catalog() *scope.Catalog { return s.catalog }

// Keys is the signing key ring.
func (s *Server) Keys() *KeyRing { return s.keys }

// Issuer is the OAuth2/OIDC issuer of a site.
func (s *Server) Issuer(site string) string { return s.base + "/oauth2/" + site }

// FHIRBase is the FHIR base URL of a site (the SMART `aud`).
func (s *Server) FHIRBase(site string) string { return s.base + "/apis/" + site + "/fhir" }

// APIBase is the base of a site's OpenEMR APIs (`…/api`, `…/portal`).
func (s *Server) APIBase(site string) string { return s.base + "/apis/" + site }

func (s *Server) tokenURL(site string) string { return s.Issuer(site) + "/token" }

// Site reports whether site is a configured site id. Known sites are
// remembered; unknown ones are looked up each time so a new site shows up
// without a restart.
func (s *Server) Site(ctx context.Context, site string) error {
	s.sitesMu.RLock()
	ok := s.sites[site]
	s.sitesMu.RUnlock()
	if ok {
		return nil
	}
	if !emr.ValidSiteID(site) {
		return emr.Errorf(emr.EINVALID, "unknown site %q", site)
	}
	if _, err := s.st.Sites.SiteByID(ctx, site); err != nil {
		if emr.IsNotFound(err) {
			return emr.Errorf(emr.EINVALID, "unknown site %q", site)
		}
		return err
	}
	s.sitesMu.Lock()
	s.sites[site] = true
	s.sitesMu.Unlock()
	return nil
}

// setting reads a setting; the store falls back to the documented default.
func (s *Server) setting(ctx context.Context, name string) string {
	v, err := s.st.Settings.Setting(ctx, name)
	if err != nil {
		s.log.Error("read setting", "name", name, "err", err)
		return emr.SettingDefaults[name]
	}
	return v
}

// seconds reads a duration setting stored in seconds.
func (s *Server) seconds(ctx context.Context, name string) time.Duration {
	n, err := strconv.Atoi(s.setting(ctx, name))
	if err != nil || n <= 0 {
		n, _ = strconv.Atoi(emr.SettingDefaults[name])
	}
	return time.Duration(n) * time.Second
}

// keyRetention is how long a retired key stays published: as long as any
// JWT it signed (access or id token) can still be valid.
func (s *Server) keyRetention(ctx context.Context) time.Duration {
	d := s.seconds(ctx, emr.SettingAccessTokenLifetime)
	if sys := s.seconds(ctx, emr.SettingSystemTokenLifetime); sys > d {
		d = sys
	}
	return d + 5*time.Minute
}
