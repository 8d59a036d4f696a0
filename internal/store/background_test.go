package store_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"goemr/internal/store"
)

// A background service lease admits one run at a time, honours the
// service's interval unless forced, and is taken over once it expires (a
// process died mid-run).
func TestServiceLeases(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		const name, every = "purge_expired", 10 * time.Minute
		now := time.Now()
		acquire := func(force bool, at time.Time) (bool, bool) {
			t.Helper()
			ok, held, err := s.AcquireService(ctx, name, every, force, at)
			must(t, err)
			return ok, held
		}
		var wins atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if ok, _, err := s.AcquireService(ctx, name, every, true, now); err == nil && ok {
					wins.Add(1)
				}
			})
		}
		wg.Wait()
		if wins.Load() != 1 {
			t.Fatalf("%d concurrent runs won the lease", wins.Load())
		}
		if ok, held := acquire(true, now); ok || !held {
			t.Errorf("second run while leased: acquired %v held %v", ok, held)
		}
		must(t, s.ReleaseService(ctx, name))
		if ok, held := acquire(false, now); ok || held {
			t.Errorf("run before next_run: acquired %v held %v", ok, held)
		}
		if ok, _ := acquire(false, now.Add(every+time.Minute)); !ok {
			t.Error("due run refused")
		}
		// That run's process died: its lease (an hour at least) blocks
		// until it expires, then the next run takes it over.
		if ok, held := acquire(true, now.Add(30*time.Minute)); ok || !held {
			t.Errorf("run during a live lease: acquired %v held %v", ok, held)
		}
		if ok, _ := acquire(false, now.Add(2*time.Hour)); !ok {
			t.Error("expired lease not taken over")
		}
		if ok, _, err := s.AcquireService(ctx, "no_such_service", every, true, now); ok || err != nil {
			t.Errorf("unknown service: %v %v", ok, err)
		}
	})
}
