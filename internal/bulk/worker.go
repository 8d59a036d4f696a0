package bulk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"goemr/internal/emr"
)

// Source writes the resources of a job. It returns ctx's error when ctx is
// cancelled; any other error fails the job with that message.
type Source interface {
	Export(ctx context.Context, j *emr.ExportJob, w *Writer) error
}

// Run starts the workers and the janitor and returns when ctx is done and
// every worker has stopped. A worker stopped mid-job leaves its lease to
// lapse, so the job runs again after the restart (or elsewhere).
func (s *Service) Run(ctx context.Context, src Source) {
	var wg sync.WaitGroup
	for range s.o.Workers {
		wg.Go(func() { s.work(ctx, src) })
	}
	wg.Go(func() { s.janitor(ctx) })
	wg.Wait()
}

// work claims and runs jobs until ctx is done.
func (s *Service) work(ctx context.Context, src Source) {
	poll := time.NewTicker(s.o.Poll)
	defer poll.Stop()
	for ctx.Err() == nil {
		j, err := s.o.Jobs.ClaimExportJob(ctx, s.owner, s.o.Lease, time.Now())
		if err != nil && ctx.Err() == nil {
			s.o.Log.Error("bulk export: claim", "err", err)
		}
		if j != nil {
			s.runJob(ctx, src, j)
			continue
		}
		select {
		case <-ctx.Done():
		case <-s.wake:
		case <-poll.C:
		}
	}
}

// runJob runs one claimed job from the start (a job run before, by a
// process that died, has its partial files removed first).
func (s *Service) runJob(ctx context.Context, src Source, j *emr.ExportJob) {
	log := s.o.Log.With("job", j.ID, "attempt", j.Attempts)
	dir := filepath.Join(s.o.Dir, j.ID)
	if err := os.RemoveAll(dir); err != nil {
		log.Error("bulk export: clear partial files", "err", err)
	}
	w, err := NewWriter(dir, s.o.FileLines)
	if err == nil {
		runCtx, stop := context.WithCancelCause(ctx)
		renewed := make(chan struct{})
		go s.renew(runCtx, stop, j, w, renewed)
		err = src.Export(runCtx, j, w)
		lost := context.Cause(runCtx)
		stop(nil)
		<-renewed
		if lost != nil && lost != errLeaseLost && ctx.Err() != nil {
			// Shutting down: hand the job back at once, so the next start
			// (or another process) runs it again without waiting for the
			// lease to lapse.
			w.abort()
			if _, err := s.o.Jobs.RenewExportJob(context.WithoutCancel(ctx), j.ID, s.owner, time.UnixMilli(1), ""); err != nil {
				log.Error("bulk export: hand back", "err", err)
			}
			return
		}
		if errors.Is(lost, errLeaseLost) {
			w.abort() // cancelled or taken over: the janitor or the new owner cleans up
			log.Info("bulk export: stopped", "reason", "cancelled or taken over")
			return
		}
		if err == nil {
			j.Output, err = w.finish()
		} else {
			w.abort()
		}
	}
	j.Finished = time.Now()
	j.Expires = j.Finished.Add(s.o.Expiry)
	j.Status = emr.ExportCompleted
	if err != nil {
		log.Error("bulk export: failed", "err", err)
		j.Status, j.Output, j.Error = emr.ExportFailed, nil, emr.ErrorMessage(err)
		os.RemoveAll(dir)
	}
	ok, ferr := s.o.Jobs.FinishExportJob(context.WithoutCancel(ctx), j)
	switch {
	case ferr != nil:
		log.Error("bulk export: record result", "err", ferr)
	case !ok:
		log.Info("bulk export: finished a job no longer ours", "status", j.Status)
	default:
		log.Info("bulk export: done", "status", j.Status, "resources", w.Written(), "took", j.Finished.Sub(j.Started).Round(time.Millisecond))
	}
}

var errLeaseLost = errors.New("the export job was cancelled or taken over")

// renew extends the job's lease every Lease/3 with its progress, and
// cancels the run when the job is no longer ours.
func (s *Service) renew(ctx context.Context, stop context.CancelCauseFunc, j *emr.ExportJob, w *Writer, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(s.o.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		progress := fmt.Sprintf("%d resources written", w.Written())
		ok, err := s.o.Jobs.RenewExportJob(ctx, j.ID, s.owner, time.Now().Add(s.o.Lease), progress)
		if err != nil {
			if ctx.Err() == nil {
				s.o.Log.Error("bulk export: renew lease", "job", j.ID, "err", err)
			}
			continue // the lease has two more renewals' worth of time
		}
		if !ok {
			stop(errLeaseLost)
			return
		}
	}
}
