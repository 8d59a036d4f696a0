package store_test

import (
	"sync"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestAuthCodes(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := newGrant(t, s, "app")
		c := &emr.AuthCode{Hash: "h1", GrantID: g.ID, ClientID: "app", RedirectURI: "https://app/cb",
			Challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", ChallengeMethod: "S256", Expires: at(time.Minute)}
		if err := s.CreateAuthCode(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.ConsumeAuthCode(ctx, "h1")
		if err != nil {
			t.Fatal(err)
		}
		want := *c
		want.Used = true
		diff(t, "first consume", &want, got)

		got, err = s.ConsumeAuthCode(ctx, "h1")
		wantCode(t, "second consume", err, emr.ECONFLICT)
		diff(t, "second consume returns the code", &want, got)

		expired := &emr.AuthCode{Hash: "old", GrantID: g.ID, ClientID: "app", Expires: at(-time.Second)}
		if err := s.CreateAuthCode(ctx, expired); err != nil {
			t.Fatal(err)
		}
		got, err = s.ConsumeAuthCode(ctx, "old")
		wantCode(t, "expired code", err, emr.ENOTFOUND)
		if got != nil {
			t.Errorf("expired code returned %+v", got)
		}
		_, err = s.ConsumeAuthCode(ctx, "nope")
		wantCode(t, "unknown code", err, emr.ENOTFOUND)

		tests := []struct {
			name string
			c    emr.AuthCode
			code string
		}{
			{"duplicate", emr.AuthCode{Hash: "h1", GrantID: g.ID, Expires: at(time.Minute)}, emr.ECONFLICT},
			{"unknown grant", emr.AuthCode{Hash: "h2", GrantID: "nope", Expires: at(time.Minute)}, emr.EINVALID},
			{"no hash", emr.AuthCode{GrantID: g.ID, Expires: at(time.Minute)}, emr.EINVALID},
			{"no expiry", emr.AuthCode{Hash: "h3", GrantID: g.ID}, emr.EINVALID},
		}
		for _, tt := range tests {
			wantCode(t, tt.name, s.CreateAuthCode(ctx, &tt.c), tt.code)
		}
	})
}

// Of many concurrent redemptions of one code, exactly one wins.
func TestConsumeAuthCodeRace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		newClient(t, s, "app")
		g := newGrant(t, s, "app")
		for round := range 5 {
			hash := "race-" + string(rune('a'+round))
			if err := s.CreateAuthCode(ctx, &emr.AuthCode{Hash: hash, GrantID: g.ID, Expires: at(time.Minute)}); err != nil {
				t.Fatal(err)
			}
			codes := race(8, func() error {
				_, err := s.ConsumeAuthCode(ctx, hash)
				return err
			})
			if codes[""] != 1 || codes[emr.ECONFLICT] != 7 {
				t.Errorf("round %d: outcomes %v; want 1 success and 7 conflicts", round, codes)
			}
		}
	})
}

// race runs fn n times at once and counts the error codes it returned.
func race(n int, fn func() error) map[string]int {
	var (
		mu    sync.Mutex
		codes = map[string]int{}
		start = make(chan struct{})
		wg    sync.WaitGroup
	)
	for range n {
		wg.Go(func() {
			<-start
			code := emr.ErrorCode(fn())
			mu.Lock()
			codes[code]++
			mu.Unlock()
		})
	}
	close(start)
	wg.Wait()
	return codes
}
