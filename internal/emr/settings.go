package emr

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// Settings that mirror OpenEMR globals (Administration → Globals → Connectors),
// plus token lifetimes. Values are strings, as OpenEMR stores them.
const (
	SettingRestAPI              = "rest_api"
	SettingRestPortalAPI        = "rest_portal_api"
	SettingRestFHIRAPI          = "rest_fhir_api"
	SettingSystemScopes         = "rest_system_scopes_api"    // 1: SMART Backend Services (system/ scopes) allowed
	SettingPasswordGrant        = "oauth_password_grant"      // 0 off, 1 users, 2 patients, 3 both
	SettingAppManualApproval    = "oauth_app_manual_approval" // 0 patient apps auto-approved, 1 all manual
	SettingSiteAddr             = "site_addr_oath"
	SettingAccessTokenLifetime  = "access_token_lifetime"  // seconds
	SettingRefreshTokenLifetime = "refresh_token_lifetime" // seconds
	SettingSystemTokenLifetime  = "system_token_lifetime"  // seconds, client_credentials
)

// SettingDefaults are the values in force when a setting was never set.
var SettingDefaults = map[string]string{
	SettingRestAPI:              "1",
	SettingRestPortalAPI:        "1",
	SettingRestFHIRAPI:          "1",
	SettingSystemScopes:         "1",
	SettingPasswordGrant:        "0",
	SettingAppManualApproval:    "0",
	SettingSiteAddr:             "",
	SettingAccessTokenLifetime:  "3600",
	SettingRefreshTokenLifetime: "7776000", // 90 days: SMART/ONC ask for at least 3 months
	SettingSystemTokenLifetime:  "300",
}

// SettingService stores settings (OpenEMR `globals`).
type SettingService interface {
	// Setting returns the stored value, or the default when unset.
	Setting(ctx context.Context, name string) (string, error)
	SetSetting(ctx context.Context, name, value string) error
	Settings(ctx context.Context) (map[string]string, error)
}

// Site is one OpenEMR multisite id.
type Site struct {
	ID   string
	Name string
	// DB is where the site's data lives: "" for the default site's own
	// database, else a DSN ("sqlite:/…/goemr.db", "postgres://…").
	DB string
}

// SiteService stores sites.
type SiteService interface {
	SiteByID(ctx context.Context, id string) (*Site, error)
	ListSites(ctx context.Context) ([]*Site, error)
	CreateSite(ctx context.Context, s *Site) error
	// DeleteSite removes a site row (used to keep a site's own database
	// listing only that site).
	DeleteSite(ctx context.Context, id string) error
}

// settingRules check the values a setting accepts; a setting without a rule
// takes any string.
var settingRules = map[string]func(string) bool{
	SettingRestAPI:           oneOf("0", "1"),
	SettingRestPortalAPI:     oneOf("0", "1"),
	SettingRestFHIRAPI:       oneOf("0", "1"),
	SettingSystemScopes:      oneOf("0", "1"),
	SettingPasswordGrant:     oneOf("0", "1", "2", "3"),
	SettingAppManualApproval: oneOf("0", "1"),
	SettingSiteAddr: func(v string) bool {
		return v == "" || strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://")
	},
	SettingAccessTokenLifetime:  secondsBetween(60, 86400),
	SettingRefreshTokenLifetime: secondsBetween(3600, 366*86400),
	SettingSystemTokenLifetime:  secondsBetween(60, 3600),
}

// ValidateSetting reports whether value is acceptable for the named setting.
func ValidateSetting(name, value string) error {
	if _, ok := SettingDefaults[name]; !ok {
		return Errorf(EINVALID, "unknown setting %q", name)
	}
	if rule, ok := settingRules[name]; ok && !rule(value) {
		return Errorf(EINVALID, "%q is not a valid value for %s", value, name)
	}
	return nil
}

func oneOf(values ...string) func(string) bool {
	return func(v string) bool { return slices.Contains(values, v) }
}

func secondsBetween(lo, hi int) func(string) bool {
	return func(v string) bool {
		n, err := strconv.Atoi(v)
		return err == nil && n >= lo && n <= hi
	}
}

// ValidSiteID applies OpenEMR's rule for site ids ([A-Za-z0-9-.], the
// directory name under sites/), and refuses ids made of dots only, which
// OpenEMR's check lets through (openemr-standard-api.md §8).
func ValidSiteID(site string) bool {
	if site == "" || len(site) > 64 || strings.Trim(site, ".") == "" {
		return false
	}
	for _, r := range site {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
