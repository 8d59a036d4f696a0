package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

// newGrant stores a live grant of clientID, which must exist.
func newGrant(t *testing.T, s *store.Store, clientID string) *emr.Grant {
	t.Helper()
	g := &emr.Grant{ClientID: clientID, Role: emr.RoleUsers, Subject: "user-uuid",
		Scope: "openid user/Patient.read", Expires: at(time.Hour)}
	if err := s.CreateGrant(ctx, g); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGrants(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := &emr.Grant{ID: "0190c2a0-0000-7000-8000-0000000000aa", Site: "default", ClientID: "app",
			Role: emr.RolePatient, Subject: "pt-uuid", Scope: "openid launch/patient patient/*.read",
			PatientUUID: "pt-uuid", Nonce: "n-1", AuthTime: at(-time.Minute), Created: at(-time.Minute),
			Expires: at(90 * 24 * time.Hour)}
		if err := s.CreateGrant(ctx, g); err != nil {
			t.Fatal(err)
		}
		got, err := s.GrantByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "GrantByID", g, got)

		fresh := newGrant(t, s, "app")
		if fresh.ID == "" || fresh.Site != "default" || fresh.Created.IsZero() {
			t.Errorf("CreateGrant defaults: %+v", fresh)
		}

		tests := []struct {
			name string
			g    emr.Grant
			code string
		}{
			{"duplicate id", emr.Grant{ID: g.ID, ClientID: "app", Expires: at(time.Hour)}, emr.ECONFLICT},
			{"unknown client", emr.Grant{ClientID: "nope", Expires: at(time.Hour)}, emr.EINVALID},
			{"no client", emr.Grant{Expires: at(time.Hour)}, emr.EINVALID},
			{"no expiry", emr.Grant{ClientID: "app"}, emr.EINVALID},
		}
		for _, tt := range tests {
			wantCode(t, tt.name, s.CreateGrant(ctx, &tt.g), tt.code)
		}
		_, err = s.GrantByID(ctx, "nope")
		wantCode(t, "unknown grant", err, emr.ENOTFOUND)
	})
}

func TestRevokeGrant(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g, other := newGrant(t, s, "app"), newGrant(t, s, "app")
		for i, grant := range []*emr.Grant{g, g, other} {
			rt := &emr.RefreshToken{Hash: "rt" + string(rune('0'+i)), GrantID: grant.ID, ClientID: "app", Expires: at(time.Hour)}
			if err := s.CreateRefreshToken(ctx, rt); err != nil {
				t.Fatal(err)
			}
		}
		code := &emr.AuthCode{Hash: "code", GrantID: g.ID, ClientID: "app", Expires: at(time.Minute)}
		if err := s.CreateAuthCode(ctx, code); err != nil {
			t.Fatal(err)
		}

		if err := s.RevokeGrant(ctx, g.ID, at(0)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.GrantByID(ctx, g.ID); !got.Revoked {
			t.Errorf("grant not marked revoked")
		}
		for hash, want := range map[string]bool{"rt0": true, "rt1": true, "rt2": false} {
			if rt, err := s.RefreshTokenByHash(ctx, hash); err != nil || rt.Revoked != want {
				t.Errorf("refresh token %s: revoked %v, %v; want %v", hash, rt.Revoked, err, want)
			}
		}
		_, err := s.ConsumeAuthCode(ctx, "code")
		wantCode(t, "code of a revoked grant", err, emr.ECONFLICT)
		for ids, want := range map[[2]string]bool{
			{"jti-1", g.ID}:     true,
			{g.ID, "jti-1"}:     true,
			{"jti-1", other.ID}: false,
		} {
			if revoked, err := s.Revoked(ctx, ids[0], ids[1]); err != nil || revoked != want {
				t.Errorf("Revoked(%v) = %v, %v; want %v", ids, revoked, err, want)
			}
		}

		if err := s.RevokeGrant(ctx, g.ID, time.Time{}); err != nil {
			t.Errorf("revoking twice: %v", err)
		}
		wantCode(t, "unknown grant", s.RevokeGrant(ctx, "nope", at(0)), emr.ENOTFOUND)
	})
}
