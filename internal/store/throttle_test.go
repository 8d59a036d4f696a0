package store_test

import (
	"testing"
	"time"

	"goemr/internal/emrtest"
	"goemr/internal/store"
)

func TestThrottle(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		window := 15 * time.Minute
		record := func(key string, now time.Time) int {
			t.Helper()
			n, err := s.RecordFailure(ctx, key, now, now.Add(-window))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		t0 := at(-time.Hour)
		for i := 1; i <= 3; i++ {
			if n := record("user:admin", t0.Add(time.Duration(i)*time.Minute)); n != i {
				t.Errorf("failure %d counted as %d", i, n)
			}
		}
		if n := record("ip:10.0.0.1", t0); n != 1 {
			t.Errorf("another key counted %d", n)
		}
		if n, err := s.Failures(ctx, "user:admin", t0.Add(5*time.Minute).Add(-window)); err != nil || n != 3 {
			t.Errorf("Failures inside the window = %d, %v; want 3", n, err)
		}
		if n, _ := s.Failures(ctx, "user:admin", t0.Add(time.Minute+time.Second)); n != 0 {
			t.Errorf("Failures of a window begun before windowStart = %d, want 0", n)
		}
		if n, _ := s.Failures(ctx, "nobody", t0); n != 0 {
			t.Errorf("Failures of an unknown key = %d", n)
		}

		// After the window the count starts again, and stale rows go.
		later := t0.Add(window + 2*time.Minute)
		if n := record("user:admin", later); n != 1 {
			t.Errorf("first failure of a new window counted as %d", n)
		}
		if n, _ := s.Failures(ctx, "ip:10.0.0.1", t0); n != 0 {
			t.Errorf("stale row kept: %d failures", n)
		}

		must(t, s.ResetFailures(ctx, "user:admin"))
		if n, _ := s.Failures(ctx, "user:admin", t0); n != 0 {
			t.Errorf("after ResetFailures: %d", n)
		}
		must(t, s.ResetFailures(ctx, "user:admin"))
	})
}

// Concurrent failures for one key each count once.
func TestThrottleRace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		now := at(0)
		codes := race(10, func() error {
			_, err := s.RecordFailure(ctx, "user:x", now, now.Add(-time.Minute))
			return err
		})
		if codes[""] != 10 {
			t.Fatalf("outcomes %v", codes)
		}
		if n, _ := s.Failures(ctx, "user:x", now.Add(-time.Minute)); n != 10 {
			t.Errorf("Failures = %d, want 10", n)
		}
	})
}

// The table never keeps more than its bound, even when every row is inside
// the window (an attacker cycling through keys).
func TestThrottleBound(t *testing.T) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			s, now := store.New(d.DB), at(0)
			_, err := d.DB.Exec(ctx, `WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100010)
				INSERT INTO login_throttle (key, window_start, failures) SELECT 'ip:' || i, $1, 1 FROM n`,
				now.Add(-time.Minute).Unix())
			if err != nil {
				t.Fatal(err)
			}
			if n, err := s.RecordFailure(ctx, "user:new", now, now.Add(-time.Hour)); err != nil || n != 1 {
				t.Fatalf("RecordFailure = %d, %v", n, err)
			}
			var rows int
			if err := d.DB.QueryRow(ctx, `SELECT count(*) FROM login_throttle`).Scan(&rows); err != nil || rows != 100_000 {
				t.Errorf("rows after RecordFailure = %d, %v; want 100000", rows, err)
			}
			if n, _ := s.Failures(ctx, "user:new", now.Add(-time.Hour)); n != 1 {
				t.Errorf("the key just counted was evicted")
			}
		})
	}
}
