package store_test

import (
	"strconv"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestRefreshTokens(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := newGrant(t, s, "app")
		rt := &emr.RefreshToken{Hash: "r1", GrantID: g.ID, ClientID: "app", Scope: "openid offline_access",
			Expires: at(time.Hour), Created: at(-time.Minute)}
		if err := s.CreateRefreshToken(ctx, rt); err != nil {
			t.Fatal(err)
		}
		got, err := s.RefreshTokenByHash(ctx, "r1")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "RefreshTokenByHash", rt, got)

		next := &emr.RefreshToken{Hash: "r2", Scope: "openid", Expires: at(2 * time.Hour)}
		if err := s.RotateRefreshToken(ctx, "r1", next); err != nil {
			t.Fatal(err)
		}
		if next.GrantID != g.ID || next.ClientID != "app" || next.Created.IsZero() {
			t.Errorf("rotated token did not inherit grant and client: %+v", next)
		}
		if old, _ := s.RefreshTokenByHash(ctx, "r1"); !old.Revoked {
			t.Errorf("old token not revoked after rotation")
		}
		got, err = s.RefreshTokenByHash(ctx, "r2")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "rotated token", next, got)

		// Reuse of a rotated token is a conflict, and nothing is stored.
		err = s.RotateRefreshToken(ctx, "r1", &emr.RefreshToken{Hash: "r3", Expires: at(time.Hour)})
		wantCode(t, "rotate a revoked token", err, emr.ECONFLICT)
		_, err = s.RefreshTokenByHash(ctx, "r3")
		wantCode(t, "token of a failed rotation", err, emr.ENOTFOUND)

		expired := &emr.RefreshToken{Hash: "old", GrantID: g.ID, ClientID: "app", Expires: at(-time.Second)}
		if err := s.CreateRefreshToken(ctx, expired); err != nil {
			t.Fatal(err)
		}
		err = s.RotateRefreshToken(ctx, "old", &emr.RefreshToken{Hash: "r4", Expires: at(time.Hour)})
		wantCode(t, "rotate an expired token", err, emr.ECONFLICT)
		err = s.RotateRefreshToken(ctx, "nope", &emr.RefreshToken{Hash: "r5", Expires: at(time.Hour)})
		wantCode(t, "rotate an unknown token", err, emr.ENOTFOUND)
		err = s.RotateRefreshToken(ctx, "r2", &emr.RefreshToken{Hash: "r6", GrantID: "other", Expires: at(time.Hour)})
		wantCode(t, "rotate into another grant", err, emr.EINVALID)
		if cur, _ := s.RefreshTokenByHash(ctx, "r2"); cur.Revoked {
			t.Errorf("a failed rotation revoked the current token")
		}

		if err := s.RevokeRefreshToken(ctx, "r2"); err != nil {
			t.Fatal(err)
		}
		if cur, _ := s.RefreshTokenByHash(ctx, "r2"); !cur.Revoked {
			t.Errorf("RevokeRefreshToken did not revoke")
		}
		wantCode(t, "revoke unknown", s.RevokeRefreshToken(ctx, "nope"), emr.ENOTFOUND)
		_, err = s.RefreshTokenByHash(ctx, "nope")
		wantCode(t, "unknown token", err, emr.ENOTFOUND)

		tests := []struct {
			name string
			rt   emr.RefreshToken
			code string
		}{
			{"duplicate", emr.RefreshToken{Hash: "r1", GrantID: g.ID, Expires: at(time.Hour)}, emr.ECONFLICT},
			{"unknown grant", emr.RefreshToken{Hash: "x1", GrantID: "nope", Expires: at(time.Hour)}, emr.EINVALID},
			{"no grant", emr.RefreshToken{Hash: "x2", Expires: at(time.Hour)}, emr.EINVALID},
			{"no expiry", emr.RefreshToken{Hash: "x3", GrantID: g.ID}, emr.EINVALID},
		}
		for _, tt := range tests {
			wantCode(t, tt.name, s.CreateRefreshToken(ctx, &tt.rt), tt.code)
		}
	})
}

// Of many concurrent rotations of one refresh token, exactly one wins and
// exactly one successor exists.
func TestRotateRefreshTokenRace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := newGrant(t, s, "app")
		if err := s.CreateRefreshToken(ctx, &emr.RefreshToken{Hash: "start", GrantID: g.ID, ClientID: "app",
			Expires: at(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		ids := make(chan int, 8) // a distinct successor per contender
		for i := range 8 {
			ids <- i
		}
		codes := race(8, func() error {
			i := <-ids
			return s.RotateRefreshToken(ctx, "start", &emr.RefreshToken{Hash: "next-" + strconv.Itoa(i), Expires: at(time.Hour)})
		})
		if codes[""] != 1 || codes[emr.ECONFLICT] != 7 {
			t.Fatalf("outcomes %v; want 1 success and 7 conflicts", codes)
		}
		successors := 0
		for i := range 8 {
			if _, err := s.RefreshTokenByHash(ctx, "next-"+strconv.Itoa(i)); err == nil {
				successors++
			}
		}
		if successors != 1 {
			t.Errorf("%d successor tokens stored, want 1", successors)
		}
	})
}
