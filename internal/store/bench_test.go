package store_test

import (
	"strconv"
	"testing"
	"time"

	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// Revoked runs on every authenticated request: a jti and a grant id
// checked against a table holding many revocations.
func BenchmarkRevoked(b *testing.B) {
	for _, d := range emrtest.DBs(b) {
		b.Run(d.Name, func(b *testing.B) {
			s := store.New(d.DB)
			for i := range 1000 {
				if err := s.RevokeToken(ctx, "jti-"+strconv.Itoa(i), at(time.Hour)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.Revoked(ctx, "jti-live", "grant-live"); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
