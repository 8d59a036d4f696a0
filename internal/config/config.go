package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config is what `goemr serve` (and the other subcommands that open the
// database) run with.
type Config struct {
	Listen       string
	DataDir      string
	DB           string // "" = SQLite in DataDir; postgres://… for PostgreSQL
	BaseURL      string // the "Site Address" in every absolute URL
	TLSCert      string
	TLSKey       string
	Demo         bool
	SQLiteSync   string        // FULL (default) or NORMAL
	MaxBody      int64         // bytes accepted in a request body
	MaxDocument  int64         // bytes accepted in a document upload
	DrainTimeout time.Duration // how long SIGTERM waits for in-flight requests
	LogLevel     string
	// ResponseCache lets API reads reuse an answer while the data is
	// unchanged (SQLite only; restapi.DataVersions).
	ResponseCache bool
	Export        Export
}

// Default returns the documented defaults.
func Default() Config {
	return Config{
		Listen:        "127.0.0.1:9300",
		DataDir:       "./goemr-data",
		SQLiteSync:    "FULL",
		MaxBody:       10 << 20,
		MaxDocument:   32 << 20,
		DrainTimeout:  20 * time.Second,
		LogLevel:      "info",
		ResponseCache: true,
	}
}

// DBFlags registers the flags every database-opening subcommand shares.
func (c *Config) DBFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "folder for the SQLite file and other local state (env GOEMR_DATA_DIR)")
	fs.StringVar(&c.DB, "db", c.DB, "database: empty for SQLite in --data-dir, or postgres://… (env GOEMR_DB)")
	fs.StringVar(&c.SQLiteSync, "sqlite-sync", c.SQLiteSync, "SQLite synchronous mode: FULL or NORMAL (env GOEMR_SQLITE_SYNC)")
}

// ServeFlags registers the serve flags.
func (c *Config) ServeFlags(fs *flag.FlagSet) {
	c.DBFlags(fs)
	fs.StringVar(&c.Listen, "listen", c.Listen, "address to listen on (env GOEMR_LISTEN)")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public base URL (Site Address); default derived from --listen (env GOEMR_BASE_URL)")
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, "TLS certificate file (env GOEMR_TLS_CERT)")
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, "TLS private key file (env GOEMR_TLS_KEY)")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "create demo site, accounts and patients on an empty database (env GOEMR_DEMO)")
	fs.Int64Var(&c.MaxBody, "max-body", c.MaxBody, "largest request body accepted, in bytes (env GOEMR_MAX_BODY)")
	fs.Int64Var(&c.MaxDocument, "max-document", c.MaxDocument, "largest document upload accepted, in bytes (env GOEMR_MAX_DOCUMENT)")
	fs.DurationVar(&c.DrainTimeout, "drain-timeout", c.DrainTimeout, "how long shutdown waits for in-flight requests (env GOEMR_DRAIN_TIMEOUT)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "debug, info, warn or error (env GOEMR_LOG_LEVEL)")
	fs.BoolVar(&c.ResponseCache, "response-cache", c.ResponseCache, "reuse API read answers while the data is unchanged; SQLite only (env GOEMR_RESPONSE_CACHE)")
	c.ExportFlags(fs)
}

// ApplyEnv sets every flag of fs that was not given on the command line from
// its GOEMR_<NAME> variable (dashes become underscores). Flags win over env.
func ApplyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] {
			return
		}
		name := "GOEMR_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(name); v != "" {
			if err := fs.Set(f.Name, v); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
		}
	})
	return errors.Join(errs...)
}

// Parse parses args into fs, then applies the environment.
func Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	return ApplyEnv(fs, os.Getenv)
}

// TLS reports whether the server terminates TLS itself.
func (c *Config) TLS() bool { return c.TLSCert != "" || c.TLSKey != "" }

// Validate checks the serve configuration and fills in BaseURL. Plain HTTP is
// refused on any address that is not loopback: clinical data and bearer
// tokens must not cross a network in clear text.
func (c *Config) Validate() error {
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return errors.New("--tls-cert and --tls-key must be given together")
	}
	host, port, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %w", c.Listen, err)
	}
	if !c.TLS() && !IsLoopbackHost(host) {
		return fmt.Errorf("refusing to serve plain HTTP on %s: it is not a loopback address; give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a TLS-terminating proxy", c.Listen)
	}
	if c.MaxDocument <= 0 {
		return errors.New("--max-document must be positive")
	}
	if c.MaxBody <= 0 {
		return errors.New("--max-body must be positive")
	}
	if err := c.validateExport(); err != nil {
		return err
	}
	if c.BaseURL == "" {
		scheme := "http"
		if c.TLS() {
			scheme = "https"
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		c.BaseURL = scheme + "://" + net.JoinHostPort(host, port)
	}
	return c.checkBaseURL()
}

func (c *Config) checkBaseURL() error {
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--base-url %q must be an absolute http(s) URL without query or fragment", c.BaseURL)
	}
	if u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) {
		return fmt.Errorf("--base-url %q: plain http is only allowed for loopback hosts", c.BaseURL)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	return nil
}

// DataPath returns a path inside the data folder.
func (c *Config) DataPath(name string) string { return filepath.Join(c.DataDir, name) }

// IsLoopbackHost reports whether host names this machine only.
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
