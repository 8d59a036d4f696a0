package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

// newClient stores an enabled client with the given redirect URIs.
func newClient(t *testing.T, s *store.Store, id string, redirects ...string) *emr.Client {
	t.Helper()
	c := &emr.Client{ID: id, Name: "App " + id, Role: emr.ClientRoleUser, RedirectURIs: redirects, Enabled: true}
	if err := s.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClients(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		full := &emr.Client{
			ID:                      "full",
			Site:                    "default",
			Name:                    "Full App",
			ApplicationType:         "private",
			Role:                    emr.ClientRoleUser,
			Confidential:            true,
			SecretHash:              "$2a$hash",
			RedirectURIs:            []string{"https://app.example.com/cb", "https://app.example.com/cb2?x=1&y=\"q\""},
			PostLogoutRedirectURIs:  []string{"https://app.example.com/bye"},
			Scope:                   "openid offline_access user/Patient.read",
			GrantTypes:              []string{"authorization_code", "refresh_token"},
			ResponseTypes:           []string{"code"},
			TokenEndpointAuthMethod: "client_secret_post",
			JWKS:                    `{"keys":[]}`,
			JWKSURI:                 "https://app.example.com/jwks",
			Contacts:                []string{"me@example.com", "ünïcode@example.com"},
			LogoURI:                 "https://app.example.com/logo.png",
			PolicyURI:               "https://app.example.com/p",
			TosURI:                  "https://app.example.com/tos",
			InitiateLoginURI:        "https://app.example.com/launch",
			RegistrationTokenHash:   "sha",
			RegistrationURIPath:     "/oauth2/default/client/abc",
			Enabled:                 false,
			Created:                 at(-time.Hour),
			Updated:                 at(-time.Minute),
		}
		if err := s.CreateClient(ctx, full); err != nil {
			t.Fatal(err)
		}
		got, err := s.ClientByID(ctx, "full")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "ClientByID", full, got)
		got, err = s.ClientByRegistrationPath(ctx, full.RegistrationURIPath)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "ClientByRegistrationPath", full, got)

		bare := &emr.Client{ID: "bare", RedirectURIs: []string{}}
		if err := s.CreateClient(ctx, bare); err != nil {
			t.Fatal(err)
		}
		got, _ = s.ClientByID(ctx, "bare")
		if got.Site != "default" || got.Created.IsZero() || !got.Updated.Equal(got.Created) ||
			got.RedirectURIs != nil || got.Contacts != nil {
			t.Errorf("defaults of a bare client: %+v", got)
		}

		wantCode(t, "duplicate id", s.CreateClient(ctx, &emr.Client{ID: "full"}), emr.ECONFLICT)
		wantCode(t, "duplicate registration path",
			s.CreateClient(ctx, &emr.Client{ID: "other", RegistrationURIPath: full.RegistrationURIPath}), emr.ECONFLICT)
		wantCode(t, "no id", s.CreateClient(ctx, &emr.Client{}), emr.EINVALID)
		for _, path := range []string{"", "/nope"} {
			_, err = s.ClientByRegistrationPath(ctx, path)
			wantCode(t, "unknown registration path "+path, err, emr.ENOTFOUND)
		}
		_, err = s.ClientByID(ctx, "nope")
		wantCode(t, "unknown client", err, emr.ENOTFOUND)

		if err := s.SetClientEnabled(ctx, "full", true); err != nil {
			t.Fatal(err)
		}
		got, _ = s.ClientByID(ctx, "full")
		if !got.Enabled || !got.Updated.After(full.Updated) {
			t.Errorf("after SetClientEnabled: enabled %v, updated %v", got.Enabled, got.Updated)
		}
		wantCode(t, "enable unknown", s.SetClientEnabled(ctx, "nope", true), emr.ENOTFOUND)

		list, err := s.ListClients(ctx)
		if err != nil || len(list) != 2 || list[0].ID != "full" || list[1].ID != "bare" {
			t.Errorf("ListClients = %v, %v; want full then bare", list, err)
		}
	})
}

func TestDeleteClient(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "gone")
		g := newGrant(t, s, "gone")
		rt := &emr.RefreshToken{Hash: "rt", GrantID: g.ID, ClientID: "gone", Expires: at(time.Hour)}
		if err := s.CreateRefreshToken(ctx, rt); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteClient(ctx, "gone"); err != nil {
			t.Fatal(err)
		}
		_, err := s.ClientByID(ctx, "gone")
		wantCode(t, "deleted client", err, emr.ENOTFOUND)
		_, err = s.GrantByID(ctx, g.ID)
		wantCode(t, "grant of deleted client", err, emr.ENOTFOUND)
		_, err = s.RefreshTokenByHash(ctx, "rt")
		wantCode(t, "refresh token of deleted client", err, emr.ENOTFOUND)
		if revoked, err := s.Revoked(ctx, "some-jti", g.ID); err != nil || !revoked {
			t.Errorf("access tokens of a deleted client's grant: Revoked = %v, %v", revoked, err)
		}
		wantCode(t, "delete again", s.DeleteClient(ctx, "gone"), emr.ENOTFOUND)
	})
}

func TestRegisteredOrigins(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		origins, err := s.RegisteredOrigins(ctx)
		if err != nil || len(origins) != 0 {
			t.Errorf("no clients: %v, %v", origins, err)
		}
		newClient(t, s, "a", "https://App.Example.com/cb", "https://app.example.com/other", "http://localhost:8080/cb")
		newClient(t, s, "b", "https://app.example.com:443/x", "https://b.example.org:8443/cb", "com.example.app:/cb", "::bad")
		off := newClient(t, s, "off", "https://disabled.example.net/cb")
		if err := s.SetClientEnabled(ctx, off.ID, false); err != nil {
			t.Fatal(err)
		}
		origins, err = s.RegisteredOrigins(ctx)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "RegisteredOrigins",
			[]string{"http://localhost:8080", "https://app.example.com", "https://b.example.org:8443"}, origins)
	})
}

// TestClientDisabledMarker: the ClientDisabledID revocation row exists
// exactly while a client may not act (created off, switched off, deleted).
func TestClientDisabledMarker(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		marked := func(id string) bool {
			got, err := s.RevokedIDs(ctx, emr.ClientDisabledID(id), "unrelated")
			if err != nil {
				t.Fatal(err)
			}
			if got["unrelated"] {
				t.Fatal("an id never revoked came back")
			}
			return got[emr.ClientDisabledID(id)]
		}
		off := &emr.Client{ID: "off", Name: "off", Enabled: false, RegistrationURIPath: "p-off"}
		if err := s.CreateClient(ctx, off); err != nil {
			t.Fatal(err)
		}
		on := newClient(t, s, "on")
		steps := []struct {
			name   string
			do     func() error
			id     string
			marked bool
		}{
			{"created off", func() error { return nil }, "off", true},
			{"created on", func() error { return nil }, on.ID, false},
			{"approved", func() error { return s.SetClientEnabled(ctx, "off", true) }, "off", false},
			{"disabled", func() error { return s.SetClientEnabled(ctx, on.ID, false) }, on.ID, true},
			{"enabled again", func() error { return s.SetClientEnabled(ctx, on.ID, true) }, on.ID, false},
			{"deleted", func() error { return s.DeleteClient(ctx, "off") }, "off", true},
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if got := marked(st.id); got != st.marked {
				t.Errorf("%s: marked %v, want %v", st.name, got, st.marked)
			}
		}
	})
}
