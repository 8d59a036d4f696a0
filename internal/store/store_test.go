package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// The conformance suite: every test runs once per database engine
// (emrtest.DBs), as subtests named after the engine, on a fresh database.

var ctx = context.Background()

func each(t *testing.T, test func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) { test(t, store.New(d.DB)) })
	}
}

// wantCode fails the test unless err carries the emr error code want ("" for
// no error).
func wantCode(t *testing.T, what string, err error, want string) {
	t.Helper()
	if got := emr.ErrorCode(err); got != want {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, want)
	}
}

// at returns the current second plus d: the store keeps seconds.
func at(d time.Duration) time.Time { return time.Now().UTC().Truncate(time.Second).Add(d) }

func diff(t *testing.T, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, d)
	}
}

func TestSettings(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		for name, def := range emr.SettingDefaults {
			v, err := s.Setting(ctx, name)
			if err != nil || v != def {
				t.Errorf("Setting(%s) unset = %q, %v; want default %q", name, v, err, def)
			}
		}
		for _, v := range []string{"3", "1"} { // set, then overwrite
			if err := s.SetSetting(ctx, emr.SettingPasswordGrant, v); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Setting(ctx, emr.SettingPasswordGrant); err != nil || got != v {
				t.Errorf("Setting after SetSetting(%q) = %q, %v", v, got, err)
			}
		}
		if err := s.SetSetting(ctx, emr.SettingSiteAddr, ""); err != nil {
			t.Fatal(err)
		}
		all, err := s.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for k, v := range emr.SettingDefaults {
			want[k] = v
		}
		want[emr.SettingPasswordGrant] = "1"
		diff(t, "Settings", want, all)
		if emr.SettingDefaults[emr.SettingPasswordGrant] != "0" {
			t.Errorf("Settings changed the defaults map")
		}

		_, err = s.Setting(ctx, "no_such_setting")
		wantCode(t, "Setting(unknown)", err, emr.EINVALID)
		wantCode(t, "SetSetting(unknown)", s.SetSetting(ctx, "no_such_setting", "1"), emr.EINVALID)
	})
}

func TestSites(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		site, err := s.SiteByID(ctx, "default")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "default site", &emr.Site{ID: "default", Name: "Default Site"}, site)

		if err := s.CreateSite(ctx, &emr.Site{ID: "clinic2"}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "duplicate site", s.CreateSite(ctx, &emr.Site{ID: "clinic2", Name: "x"}), emr.ECONFLICT)
		wantCode(t, "site without id", s.CreateSite(ctx, &emr.Site{Name: "x"}), emr.EINVALID)
		_, err = s.SiteByID(ctx, "nope")
		wantCode(t, "unknown site", err, emr.ENOTFOUND)

		sites, err := s.ListSites(ctx)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "ListSites", []*emr.Site{{ID: "clinic2", Name: "clinic2"}, {ID: "default", Name: "Default Site"}}, sites)
	})
}
