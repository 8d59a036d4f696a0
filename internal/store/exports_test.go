package store_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/store"
)

func TestExportJobs(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		now := time.Now().Truncate(time.Millisecond)
		job := func(id, client string) *emr.ExportJob {
			return &emr.ExportJob{ID: id, ClientID: client, Request: "https://x/fhir/$export", Created: now,
				Params: emr.ExportParams{Site: "default", Level: emr.ExportSystem, Types: []string{"Patient"}}}
		}
		// Limits: two per client, three in all.
		must(t, s.CreateExportJob(ctx, job("a1", "A"), 2, 3))
		must(t, s.CreateExportJob(ctx, job("a2", "A"), 2, 3))
		wantCode(t, "third job of A", s.CreateExportJob(ctx, job("a3", "A"), 2, 3), emr.EUNAVAILABLE)
		must(t, s.CreateExportJob(ctx, job("b1", "B"), 2, 3))
		wantCode(t, "fourth job in all", s.CreateExportJob(ctx, job("b2", "B"), 2, 3), emr.EUNAVAILABLE)
		if _, err := s.ExportJob(ctx, "a3"); emr.ErrorCode(err) != emr.ENOTFOUND {
			t.Fatalf("a refused job was stored: %v", err)
		}
		got, err := s.ExportJob(ctx, "a1")
		if err != nil || got.Status != emr.ExportQueued || got.Params.Types[0] != "Patient" || !got.Created.Equal(now) {
			t.Fatalf("ExportJob(a1) = %+v, %v", got, err)
		}

		// Claims go oldest first, one job to one owner.
		c1, err := s.ClaimExportJob(ctx, "p1", time.Minute, now)
		if err != nil || c1 == nil || c1.ID != "a1" || c1.Status != emr.ExportRunning || c1.Attempts != 1 {
			t.Fatalf("first claim = %+v, %v", c1, err)
		}
		c2, _ := s.ClaimExportJob(ctx, "p2", time.Minute, now)
		c3, _ := s.ClaimExportJob(ctx, "p2", time.Minute, now)
		if c2 == nil || c3 == nil || c2.ID != "a2" || c3.ID != "b1" {
			t.Fatalf("later claims = %+v, %+v", c2, c3)
		}
		if none, err := s.ClaimExportJob(ctx, "p3", time.Minute, now); none != nil || err != nil {
			t.Fatalf("claim with nothing queued = %+v, %v", none, err)
		}

		// A lease renewed by its owner holds; a stranger cannot renew it.
		if ok, err := s.RenewExportJob(ctx, "a1", "p1", now.Add(2*time.Minute), "10 resources written"); !ok || err != nil {
			t.Fatalf("owner renew = %v, %v", ok, err)
		}
		if ok, _ := s.RenewExportJob(ctx, "a1", "p2", now.Add(2*time.Minute), ""); ok {
			t.Fatal("another owner renewed the lease")
		}
		got, _ = s.ExportJob(ctx, "a1")
		if got.Progress != "10 resources written" {
			t.Errorf("progress = %q", got.Progress)
		}

		// p2 dies: once its lease lapses, p3 takes a2 over and runs it
		// again; p2 can no longer finish it.
		later := now.Add(90 * time.Second)
		taken, err := s.ClaimExportJob(ctx, "p3", time.Minute, later)
		if err != nil || taken == nil || taken.ID != "a2" || taken.Attempts != 2 || taken.Owner != "p3" {
			t.Fatalf("takeover = %+v, %v", taken, err)
		}
		stale := *c2
		stale.Status, stale.Finished = emr.ExportCompleted, later
		if ok, _ := s.FinishExportJob(ctx, &stale); ok {
			t.Fatal("the old owner finished a job taken over")
		}

		// The owner finishes with the output.
		c1.Status, c1.Finished, c1.Expires = emr.ExportCompleted, later, later.Add(time.Hour)
		c1.Output = []emr.ExportFile{{Type: "Patient", Name: "Patient-1.ndjson", Count: 3}, {Type: "OperationOutcome", Name: "error-1.ndjson", Count: 1, Error: true}}
		if ok, err := s.FinishExportJob(ctx, c1); !ok || err != nil {
			t.Fatalf("finish = %v, %v", ok, err)
		}
		got, _ = s.ExportJob(ctx, "a1")
		diff(t, "finished job output", c1.Output, got.Output)
		if got.Status != emr.ExportCompleted || !got.Started.Equal(now) || !got.Expires.Equal(c1.Expires) {
			t.Errorf("finished job = %+v", got)
		}

		// Cancelled jobs disappear at once and are purged; expired ones
		// are purged after their expiry.
		must(t, s.CancelExportJob(ctx, "b1"))
		wantCode(t, "cancel twice", s.CancelExportJob(ctx, "b1"), emr.ENOTFOUND)
		if _, err := s.ExportJob(ctx, "b1"); emr.ErrorCode(err) != emr.ENOTFOUND {
			t.Errorf("a cancelled job is still visible: %v", err)
		}
		if ok, _ := s.RenewExportJob(ctx, "b1", "p2", later, ""); ok {
			t.Error("a cancelled job's lease was renewed")
		}
		ids, err := s.ExportJobsToPurge(ctx, later)
		if err != nil || len(ids) != 1 || ids[0] != "b1" {
			t.Fatalf("to purge now = %v, %v", ids, err)
		}
		ids, _ = s.ExportJobsToPurge(ctx, later.Add(2*time.Hour))
		if len(ids) != 2 {
			t.Fatalf("to purge after expiry = %v", ids)
		}
		for _, id := range ids {
			must(t, s.DeleteExportJob(ctx, id))
		}
		// Deleted jobs free their client's slots.
		must(t, s.CreateExportJob(ctx, job("b3", "B"), 2, 3))
	})
}

// TestExportClaimsRace: processes claiming at once never get one job
// twice (on PostgreSQL the claims run in concurrent transactions).
func TestExportClaimsRace(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		const jobs, claimers = 24, 4
		for i := range jobs {
			must(t, s.CreateExportJob(ctx, &emr.ExportJob{ID: fmt.Sprintf("j%02d", i), ClientID: "c", Request: "r"}, 0, 0))
		}
		var mu sync.Mutex
		claimed := map[string]string{}
		var wg sync.WaitGroup
		for c := range claimers {
			owner := fmt.Sprintf("p%d", c)
			wg.Go(func() {
				for {
					j, err := s.ClaimExportJob(ctx, owner, time.Minute, time.Now())
					if err != nil {
						t.Error(err)
						return
					}
					if j == nil {
						return
					}
					mu.Lock()
					if prev, dup := claimed[j.ID]; dup {
						t.Errorf("%s claimed by %s and %s", j.ID, prev, owner)
					}
					claimed[j.ID] = owner
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(claimed) != jobs {
			t.Errorf("%d of %d jobs claimed", len(claimed), jobs)
		}
	})
}
