package bulk_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"goemr/internal/bulk"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/store"
)

// lines is a Source that writes n Patient lines, or waits for its
// context when block is set (a long export).
type lines struct {
	n       int
	block   bool
	started chan string // receives each job id that starts
}

func (l *lines) Export(ctx context.Context, j *emr.ExportJob, w *bulk.Writer) error {
	if l.started != nil {
		l.started <- j.ID
	}
	if l.block {
		<-ctx.Done()
		return ctx.Err()
	}
	for i := range l.n {
		if err := w.Write("Patient", fmt.Appendf(nil, `{"resourceType":"Patient","id":"%d"}`, i)); err != nil {
			return err
		}
	}
	return nil
}

func each(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) { fn(t, store.New(d.DB)) })
	}
}

func newService(st *store.Store, dir string, lease time.Duration) *bulk.Service {
	return bulk.New(bulk.Options{Jobs: st, Dir: dir, Workers: 1, FileLines: 4, Expiry: time.Hour,
		Lease: lease, Poll: 20 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// run runs s with src until the test ends.
func run(t *testing.T, s *bulk.Service, src bulk.Source) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { s.Run(ctx, src) })
	stop = func() { cancel(); wg.Wait() }
	t.Cleanup(stop)
	return stop
}

func submit(t *testing.T, s *bulk.Service, client string) string {
	t.Helper()
	j := &emr.ExportJob{ID: bulk.NewID(), ClientID: client, Request: "https://x/fhir/$export",
		Params: emr.ExportParams{Site: "default", Level: emr.ExportSystem, Types: []string{"Patient"}}}
	if err := s.Submit(context.Background(), j); err != nil {
		t.Fatal(err)
	}
	return j.ID
}

// await polls job id until its status is want.
func await(t *testing.T, s *bulk.Service, id, want string) *emr.ExportJob {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		j, err := s.Job(context.Background(), id, "c")
		if err == nil && j.Status == want {
			return j
		}
	}
	t.Fatalf("job %s never became %s", id, want)
	return nil
}

func TestServiceRunsJobs(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		dir := t.TempDir()
		s := newService(st, dir, time.Minute)
		run(t, s, &lines{n: 10})
		id := submit(t, s, "c")
		j := await(t, s, id, emr.ExportCompleted)
		if len(j.Output) != 3 || j.Output[0].Count != 4 || j.Output[2].Count != 2 || j.Output[2].Name != "Patient-3.ndjson" {
			t.Errorf("output = %+v (10 lines in files of 4)", j.Output)
		}
		if j.Started.IsZero() || j.Finished.Before(j.Started) || !j.Expires.Equal(j.Finished.Add(time.Hour)) {
			t.Errorf("times: started %v finished %v expires %v", j.Started, j.Finished, j.Expires)
		}
		f, err := s.Open(context.Background(), id, "c", "Patient-2.ndjson")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if _, err := s.Open(context.Background(), id, "c", "../../etc/passwd"); emr.ErrorCode(err) != emr.ENOTFOUND {
			t.Errorf("a name outside the manifest: %v", err)
		}
		if _, err := s.Job(context.Background(), id, "other"); emr.ErrorCode(err) != emr.ENOTFOUND {
			t.Errorf("another client's job: %v", err)
		}
	})
}

// TestServiceTakesOverLapsedJobs: a process died mid-job (its lease was
// never renewed nor handed back); once the lease lapses another process
// runs the job from the start, removing the dead run's partial files.
func TestServiceTakesOverLapsedJobs(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		dir := t.TempDir()
		ctx := context.Background()
		j := &emr.ExportJob{ID: bulk.NewID(), ClientID: "c", Request: "r", Params: emr.ExportParams{Types: []string{"Patient"}}}
		if err := st.CreateExportJob(ctx, j, 0, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ClaimExportJob(ctx, "dead-process", 200*time.Millisecond, time.Now()); err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, j.ID), 0o700)
		os.WriteFile(filepath.Join(dir, j.ID, "Patient-9.ndjson"), []byte("partial"), 0o600)

		s := newService(st, dir, time.Minute)
		run(t, s, &lines{n: 3})
		got := await(t, s, j.ID, emr.ExportCompleted)
		if got.Attempts != 2 || len(got.Output) != 1 || got.Output[0].Count != 3 {
			t.Errorf("taken over job = %+v", got)
		}
		if _, err := os.Stat(filepath.Join(dir, j.ID, "Patient-9.ndjson")); !os.IsNotExist(err) {
			t.Error("the dead run's partial file survived")
		}
	})
}

// TestServiceCancelAndShutdown: a cancelled job stops at its next lease
// renewal and its files go; a job stopped by a shutdown is handed back and
// the next process runs it at once.
func TestServiceCancelAndShutdown(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		dir := t.TempDir()
		started := make(chan string, 4)
		a := newService(st, dir, 150*time.Millisecond)
		stopA := run(t, a, &lines{block: true, started: started})
		id := submit(t, a, "c")
		<-started
		if err := a.Cancel(context.Background(), id, "c"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Job(context.Background(), id, "c"); emr.ErrorCode(err) != emr.ENOTFOUND {
			t.Fatalf("cancelled job still visible: %v", err)
		}
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(filepath.Join(dir, id)); os.IsNotExist(err) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("a cancelled job's folder was not removed")
			}
		}

		id = submit(t, a, "c")
		<-started
		stopA() // graceful: the job is handed back
		b := newService(st, dir, time.Minute)
		begun := time.Now()
		run(t, b, &lines{n: 2})
		got := await(t, b, id, emr.ExportCompleted)
		if took := time.Since(begun); took > 5*time.Second || got.Attempts != 2 {
			t.Errorf("handed-back job: attempts %d, done after %v", got.Attempts, took)
		}
	})
}

// TestServiceExpiresFiles: the janitor deletes a finished job's files and
// row once Expiry has passed.
func TestServiceExpiresFiles(t *testing.T) {
	each(t, func(t *testing.T, st *store.Store) {
		dir := t.TempDir()
		s := bulk.New(bulk.Options{Jobs: st, Dir: dir, Workers: 1, Expiry: 300 * time.Millisecond,
			Poll: 20 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		run(t, s, &lines{n: 2})
		id := submit(t, s, "c")
		await(t, s, id, emr.ExportCompleted)
		if _, err := os.Stat(filepath.Join(dir, id, "Patient-1.ndjson")); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			_, errFiles := os.Stat(filepath.Join(dir, id))
			_, errJob := s.Job(context.Background(), id, "c")
			if os.IsNotExist(errFiles) && emr.ErrorCode(errJob) == emr.ENOTFOUND {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("expired job not purged: files %v, job %v", errFiles, errJob)
			}
		}
	})
}
