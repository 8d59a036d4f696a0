package store_test

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestKeys(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		pem := []byte("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
		keys := []*emr.SigningKey{
			{KID: "k1", Alg: "RS256", PrivatePEM: pem, Created: at(-3 * time.Hour)},
			{KID: "k2", PrivatePEM: pem, Created: at(-2 * time.Hour)},
			{KID: "k3", Alg: "RS384", PrivatePEM: pem, Created: at(-time.Hour)},
		}
		for _, k := range keys {
			must(t, s.CreateKey(ctx, k))
		}
		if keys[1].Alg != "RS256" {
			t.Errorf("default alg = %q", keys[1].Alg)
		}
		wantCode(t, "duplicate kid", s.CreateKey(ctx, &emr.SigningKey{KID: "k1", PrivatePEM: pem}), emr.ECONFLICT)
		wantCode(t, "no kid", s.CreateKey(ctx, &emr.SigningKey{PrivatePEM: pem}), emr.EINVALID)
		wantCode(t, "no key", s.CreateKey(ctx, &emr.SigningKey{KID: "k9"}), emr.EINVALID)

		must(t, s.RetireKey(ctx, "k1", at(-100*time.Minute)))
		must(t, s.RetireKey(ctx, "k2", at(-10*time.Minute)))
		wantCode(t, "retire unknown", s.RetireKey(ctx, "nope", at(0)), emr.ENOTFOUND)
		keys[0].RetiredAt, keys[1].RetiredAt = at(-100*time.Minute), at(-10*time.Minute)

		tests := []struct {
			since time.Time
			want  []*emr.SigningKey
		}{
			{at(-30 * time.Minute), []*emr.SigningKey{keys[2], keys[1]}},
			{at(-10 * time.Minute), []*emr.SigningKey{keys[2], keys[1]}}, // retired exactly at since
			{at(-5 * time.Minute), []*emr.SigningKey{keys[2]}},
			{time.Time{}, []*emr.SigningKey{keys[2], keys[1], keys[0]}},
		}
		for _, tt := range tests {
			got, err := s.ListKeys(ctx, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "ListKeys since "+tt.since.String(), tt.want, got)
		}
	})
}
