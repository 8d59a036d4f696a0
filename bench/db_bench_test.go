package bench

import (
	"context"
	"testing"

	"goemr/internal/emrtest"
)

// BenchmarkDBRoundTrip is the floor under any per-request database lookup:
// one `SELECT 1` through goemr's database layer, serially. On PostgreSQL it
// is a loopback round trip to the server process.
func BenchmarkDBRoundTrip(b *testing.B) {
	ctx := context.Background()
	for _, d := range emrtest.DBs(b) {
		b.Run(d.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var one int
				if err := d.DB.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
					b.Fatal(one, err)
				}
			}
		})
	}
}
