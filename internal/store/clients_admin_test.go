package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestClientAdmin(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		c := newClient(t, s, "app")
		other := newClient(t, s, "other")
		g, og := newGrant(t, s, c.ID), newGrant(t, s, other.ID)
		rt := &emr.RefreshToken{Hash: "rt-app", GrantID: g.ID, ClientID: c.ID, Expires: at(time.Hour)}
		must(t, s.CreateRefreshToken(ctx, rt))
		revoked := func(ids ...string) map[string]bool {
			t.Helper()
			got, err := s.RevokedIDs(ctx, ids...)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		activity := func(id string) emr.ClientActivity {
			t.Helper()
			all, err := s.ClientActivity(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != 2 {
				t.Fatalf("ClientActivity: %d clients, want 2", len(all))
			}
			return all[id]
		}

		// Last use: written once, then not again within a minute.
		if a := activity(c.ID); !a.LastUsed.IsZero() || !a.DisabledAt.IsZero() {
			t.Errorf("fresh client activity %+v", a)
		}
		first := at(0)
		must(t, s.NoteClientUse(ctx, c.ID, first))
		must(t, s.NoteClientUse(ctx, c.ID, first.Add(30*time.Second)))
		if got := activity(c.ID).LastUsed; !got.Equal(first) {
			t.Errorf("last use %v, want %v (second note within a minute skipped)", got, first)
		}
		must(t, s.NoteClientUse(ctx, c.ID, first.Add(2*time.Minute)))
		if got := activity(c.ID).LastUsed; !got.Equal(first.Add(2 * time.Minute)) {
			t.Errorf("last use %v after a later note", got)
		}

		// Revoke every token: grants, refresh tokens and the credentials
		// grant of the client, nothing of another client.
		before, err := s.ClientByID(ctx, c.ID)
		must(t, err)
		must(t, s.RevokeClientTokens(ctx, c.ID))
		after, err := s.ClientByID(ctx, c.ID)
		must(t, err)
		got := revoked(g.ID, before.CredentialsGrantID(), emr.ClientChangedID(c.ID, before.Updated), og.ID)
		if !got[g.ID] || !got[before.CredentialsGrantID()] || !got[emr.ClientChangedID(c.ID, before.Updated)] || got[og.ID] {
			t.Errorf("after RevokeClientTokens revoked = %v", got)
		}
		if !after.Updated.After(before.Updated) || revoked(after.CredentialsGrantID())[after.CredentialsGrantID()] {
			t.Errorf("new credentials grant %s must differ and be live", after.CredentialsGrantID())
		}
		if r, err := s.RefreshTokenByHash(ctx, "rt-app"); err != nil || !r.Revoked {
			t.Errorf("refresh token after RevokeClientTokens: %+v, %v", r, err)
		}
		if !after.Enabled {
			t.Error("revoking tokens disabled the client")
		}

		// Scopes: replaced; the old row is marked stale; tokens revoked
		// only when asked.
		g2 := newGrant(t, s, c.ID)
		must(t, s.SetClientScope(ctx, c.ID, "openid user/Patient.rs", false))
		edited, err := s.ClientByID(ctx, c.ID)
		must(t, err)
		if edited.Scope != "openid user/Patient.rs" || !revoked(emr.ClientChangedID(c.ID, after.Updated))[emr.ClientChangedID(c.ID, after.Updated)] {
			t.Errorf("SetClientScope: scope %q, stale marker missing", edited.Scope)
		}
		if revoked(g2.ID)[g2.ID] {
			t.Error("widening the scopes revoked a grant")
		}
		must(t, s.SetClientScope(ctx, c.ID, "openid", true))
		if !revoked(g2.ID)[g2.ID] {
			t.Error("narrowing with revokeTokens left a grant live")
		}

		// Switch: disabled by an administrator, then enabled again.
		must(t, s.SwitchClient(ctx, c.ID, false))
		if a := activity(c.ID); a.DisabledAt.IsZero() {
			t.Error("SwitchClient(false) did not record the time")
		}
		if x, _ := s.ClientByID(ctx, c.ID); x.Enabled || !revoked(emr.ClientDisabledID(c.ID))[emr.ClientDisabledID(c.ID)] {
			t.Error("SwitchClient(false) left the client enabled")
		}
		must(t, s.SwitchClient(ctx, c.ID, true))
		if a := activity(c.ID); !a.DisabledAt.IsZero() {
			t.Errorf("SwitchClient(true) kept disabled_at %v", a.DisabledAt)
		}

		for name, err := range map[string]error{
			"revoke": s.RevokeClientTokens(ctx, "nope"),
			"scope":  s.SetClientScope(ctx, "nope", "openid", true),
			"switch": s.SwitchClient(ctx, "nope", false),
		} {
			wantCode(t, name+" unknown client", err, emr.ENOTFOUND)
		}
	})
}

// TestSettingsCache: a write through the store is seen at once.
func TestSettingsCache(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		for _, v := range []string{"0", "1", "0"} {
			if _, err := s.Setting(ctx, emr.SettingRestAPI); err != nil {
				t.Fatal(err)
			}
			must(t, s.SetSetting(ctx, emr.SettingRestAPI, v))
			if got, err := s.Setting(ctx, emr.SettingRestAPI); err != nil || got != v {
				t.Errorf("after SetSetting(%s): %q, %v", v, got, err)
			}
			all, err := s.Settings(ctx)
			if err != nil || all[emr.SettingRestAPI] != v || all[emr.SettingSystemScopes] != "1" {
				t.Errorf("Settings after SetSetting(%s): %v, %v", v, all, err)
			}
		}
	})
}
