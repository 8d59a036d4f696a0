package bulk

import (
	"context"
	"os"
	"path/filepath"
	"time"
)

// maxSweep is how often at most the janitor looks for files to delete;
// a short Expiry makes it look more often (a quarter of Expiry).
const maxSweep = 5 * time.Minute

// janitor deletes the files and rows of cancelled and expired jobs
// (export.html#bulk-data-delete-request; files are kept Expiry after the
// job finished), at start and then periodically.
func (s *Service) janitor(ctx context.Context) {
	t := time.NewTicker(min(maxSweep, max(s.o.Expiry/4, 10*time.Millisecond)))
	defer t.Stop()
	for {
		s.purge(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// purge removes what is due now. Several processes may purge at once:
// removing a removed folder or row is no error.
func (s *Service) purge(ctx context.Context) {
	ids, err := s.o.Jobs.ExportJobsToPurge(ctx, time.Now())
	if err != nil {
		if ctx.Err() == nil {
			s.o.Log.Error("bulk export: list jobs to purge", "err", err)
		}
		return
	}
	for _, id := range ids {
		if err := os.RemoveAll(filepath.Join(s.o.Dir, id)); err != nil {
			s.o.Log.Error("bulk export: remove files", "job", id, "err", err)
			continue
		}
		if err := s.o.Jobs.DeleteExportJob(ctx, id); err != nil {
			s.o.Log.Error("bulk export: delete job", "job", id, "err", err)
		}
	}
}
