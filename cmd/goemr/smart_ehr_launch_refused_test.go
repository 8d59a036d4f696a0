package main

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/auth"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
)

// TestLaunchFromEHRRefused: only an enabled app with a launch URI and the
// launch scope can be launched, and only the clinician who launched it may
// redeem the launch. LaunchableApps lists exactly the apps that can be.
func TestLaunchFromEHRRefused(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			e := newSmartEnv(t, d, true)
			srv := e.app.auth
			admin, err := e.Store.UserByUsername(ctx, "admin")
			if err != nil {
				t.Fatal(err)
			}
			patient := "patient-uuid"
			launchable, _ := registerLaunchApp(t, e, map[string]any{"client_name": "Zeta Chart"})
			second, _ := registerLaunchApp(t, e, map[string]any{"client_name": "alpha notes"})
			noLaunchScope, _ := registerLaunchApp(t, e, map[string]any{"client_name": "No Launch", "scope": "openid user/Patient.rs"})
			noLaunchURI, _ := registerLaunchApp(t, e, map[string]any{"client_name": "No URI", "initiate_login_uri": ""})
			disabled, _ := registerLaunchApp(t, e, map[string]any{"client_name": "Disabled"})
			if err := e.Store.SetClientEnabled(ctx, disabled, false); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				name, client, site, code string
			}{
				{"unknown client", "nope", "default", emr.ENOTFOUND},
				{"another site's name for it", launchable, "clinic2", emr.ENOTFOUND},
				{"no launch scope", noLaunchScope, "default", emr.EINVALID},
				{"no launch URI", noLaunchURI, "default", emr.EINVALID},
				{"disabled", disabled, "default", emr.EINVALID},
			} {
				to, err := srv.LaunchFromEHR(ctx, tc.site, tc.client, admin.UUID, patient, "")
				if emr.ErrorCode(err) != tc.code || to != "" {
					t.Errorf("%s: %q %v, want %s", tc.name, to, err, tc.code)
				}
			}

			apps, err := srv.LaunchableApps(ctx, "default")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range apps {
				got = append(got, c.ID)
			}
			if strings.Join(got, " ") != second+" "+launchable {
				t.Errorf("LaunchableApps = %v, want alpha notes then Zeta Chart", got)
			}

			// Another clinician cannot redeem the admin's launch.
			other := &emr.User{UUID: "0190c2a0-0000-7000-8000-0000000000b2", Username: "drsmith", Fname: "Ann", Lname: "Smith", Active: true, ACL: emr.ACL{"admin"}}
			if other.PasswordHash, err = auth.HashPassword("pass"); err != nil {
				t.Fatal(err)
			}
			if err := e.Store.CreateUser(ctx, other); err != nil {
				t.Fatal(err)
			}
			to, err := srv.LaunchFromEHR(ctx, "default", launchable, admin.UUID, patient, "")
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(to)
			b := newBrowser(t)
			q := url.Values{"response_type": {"code"}, "client_id": {launchable}, "redirect_uri": {launchRedirect},
				"scope": {"openid launch patient/Patient.rs"}, "aud": {e.URL + "/apis/default/fhir"}, "launch": {u.Query().Get("launch")}}
			p := b.get(e.URL + "/oauth2/default/authorize?" + q.Encode())
			login := b.get(p.follow(e.URL))
			p = b.post(p.follow(e.URL), url.Values{"csrf_token_form": {login.hidden("csrf_token_form")}, "user_role": {"users"},
				"username": {"drsmith"}, "password": {"pass"}})
			if p.Status != 403 || !strings.Contains(p.Body, "launched by another user") {
				t.Errorf("another clinician redeemed the launch: %d %q", p.Status, p.Location)
			}
		})
	}
}
