package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/sqldb"
	"goemr/internal/store"
)

func TestRevokedTokens(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		if revoked, err := s.Revoked(ctx); err != nil || revoked {
			t.Errorf("Revoked() with no ids = %v, %v", revoked, err)
		}
		if err := s.RevokeToken(ctx, "live", at(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeToken(ctx, "lapsed", at(-time.Second)); err != nil {
			t.Fatal(err)
		}
		// Revoking again keeps the later expiry.
		if err := s.RevokeToken(ctx, "live", at(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			ids  []string
			want bool
		}{
			{[]string{"live"}, true},
			{[]string{"lapsed"}, false},
			{[]string{"unknown"}, false},
			{[]string{"a", "b"}, false},
			{[]string{"a", "live"}, true},
			{[]string{"a", "b", "c", "d", "e", "f"}, false},
			{[]string{"a", "b", "c", "d", "e", "live"}, true},
		}
		for _, tt := range tests {
			if got, err := s.Revoked(ctx, tt.ids...); err != nil || got != tt.want {
				t.Errorf("Revoked(%v) = %v, %v; want %v", tt.ids, got, err, tt.want)
			}
		}
		wantCode(t, "no jti", s.RevokeToken(ctx, "", at(time.Hour)), emr.EINVALID)
		wantCode(t, "no expiry", s.RevokeToken(ctx, "x", time.Time{}), emr.EINVALID)
	})
}

func TestAssertionIDs(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		exp := at(5 * time.Minute)
		if err := s.UseAssertionID(ctx, "client-a", "jti-1", exp); err != nil {
			t.Fatal(err)
		}
		wantCode(t, "replayed jti", s.UseAssertionID(ctx, "client-a", "jti-1", exp), emr.ECONFLICT)
		if err := s.UseAssertionID(ctx, "client-b", "jti-1", exp); err != nil {
			t.Errorf("same jti from another client: %v", err)
		}
		wantCode(t, "no jti", s.UseAssertionID(ctx, "client-a", "", exp), emr.EINVALID)
		wantCode(t, "no expiry", s.UseAssertionID(ctx, "client-a", "jti-2", time.Time{}), emr.EINVALID)
	})
}

func TestPurgeExpired(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		live := newGrant(t, s, "app")
		dead := &emr.Grant{ClientID: "app", Expires: at(-time.Minute)}
		if err := s.CreateGrant(ctx, dead); err != nil {
			t.Fatal(err)
		}
		past, future := at(-time.Second), at(time.Hour)
		for _, exp := range []time.Time{past, future} {
			suffix := exp.Format("150405")
			must(t, s.CreateAuthCode(ctx, &emr.AuthCode{Hash: "c" + suffix, GrantID: live.ID, Expires: exp}))
			must(t, s.CreateRefreshToken(ctx, &emr.RefreshToken{Hash: "r" + suffix, GrantID: live.ID, Expires: exp}))
			must(t, s.RevokeToken(ctx, "j"+suffix, exp))
			must(t, s.UseAssertionID(ctx, "app", "a"+suffix, exp))
			must(t, s.CreateSession(ctx, &emr.LoginSession{ID: "s" + suffix, Expires: exp}))
		}
		n, err := s.PurgeExpired(ctx, at(0))
		if err != nil || n != 6 {
			t.Fatalf("PurgeExpired = %d, %v; want 6 (one of each kind, and the dead grant)", n, err)
		}
		suffix := future.Format("150405")
		if _, err := s.RefreshTokenByHash(ctx, "r"+suffix); err != nil {
			t.Errorf("live refresh token purged: %v", err)
		}
		if _, err := s.GrantByID(ctx, live.ID); err != nil {
			t.Errorf("live grant purged: %v", err)
		}
		if revoked, _ := s.Revoked(ctx, "j"+suffix); !revoked {
			t.Errorf("live revocation purged")
		}
		wantCode(t, "live assertion id purged", s.UseAssertionID(ctx, "app", "a"+suffix, future), emr.ECONFLICT)
		if _, err := s.SessionByID(ctx, "s"+suffix); err != nil {
			t.Errorf("live session purged: %v", err)
		}
		if _, err := s.ConsumeAuthCode(ctx, "c"+suffix); err != nil {
			t.Errorf("live code purged: %v", err)
		}
		if n, err := s.PurgeExpired(ctx, at(0)); err != nil || n != 0 {
			t.Errorf("second PurgeExpired = %d, %v; want 0", n, err)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestRevokedSeenAcrossProcesses checks that a "not revoked" answer,
// cached on SQLite, gives way at once to a revocation written by another
// process on the same database (here a second handle on the file), and
// to a client being disabled.
func TestRevokedSeenAcrossProcesses(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db, err := sqldb.Open(ctx, sqldb.Options{DSN: d.DSN, ReadConns: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			serving, other := store.New(d.DB), store.New(db)
			ids := []string{"jti-x", "grant-x"}
			for range 3 {
				if revoked, err := serving.Revoked(ctx, ids...); err != nil || revoked {
					t.Fatalf("Revoked before = %v, %v", revoked, err)
				}
			}
			if err := other.RevokeToken(ctx, "grant-x", at(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if revoked, err := serving.Revoked(ctx, ids...); err != nil || !revoked {
				t.Errorf("Revoked after another process revoked = %v, %v", revoked, err)
			}
		})
	}
}
