package bulk

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"

	"goemr/internal/emr"
)

// Options configure a Service. Zero values take the defaults below.
type Options struct {
	Jobs emr.ExportJobs
	// Dir holds one folder of NDJSON files per job.
	Dir string
	// Workers is how many jobs this process runs at once.
	Workers int
	// PerClient and Total bound the active (queued or running) jobs of
	// one client and of all clients; beyond them a kick-off is refused
	// (429 with Retry-After). Negative means no limit.
	PerClient, Total int
	// FileLines splits a type's output into files of at most this many
	// resources.
	FileLines int
	// Expiry is how long a finished job's files are kept.
	Expiry time.Duration
	// Lease is how long a claim holds without renewal; a worker renews it
	// every Lease/3. Poll is how often idle workers look for jobs that
	// other processes queued.
	Lease, Poll time.Duration
	Log         *slog.Logger
}

// Defaults.
const (
	DefaultWorkers   = 2
	DefaultPerClient = 2
	DefaultTotal     = 8
	DefaultFileLines = 250_000
	DefaultExpiry    = 24 * time.Hour
	defaultLease     = time.Minute
	defaultPoll      = 2 * time.Second
)

// Service accepts export jobs and runs them.
type Service struct {
	o     Options
	owner string        // this process, as the lease owner
	wake  chan struct{} // a job was queued here: look now
}

// New returns a Service; Run starts its workers.
func New(o Options) *Service {
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.PerClient == 0 {
		o.PerClient = DefaultPerClient
	}
	if o.Total == 0 {
		o.Total = DefaultTotal
	}
	if o.FileLines <= 0 {
		o.FileLines = DefaultFileLines
	}
	if o.Expiry <= 0 {
		o.Expiry = DefaultExpiry
	}
	if o.Lease <= 0 {
		o.Lease = defaultLease
	}
	if o.Poll <= 0 {
		o.Poll = defaultPoll
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	host, _ := os.Hostname()
	return &Service{o: o, owner: host + "/" + uuid.NewString(), wake: make(chan struct{}, 1)}
}

// Expiry is how long finished jobs' files are kept.
func (s *Service) Expiry() time.Duration { return s.o.Expiry }

// Submit queues j (its ID, ClientID, Request and Params set) within the
// limits; an idle worker of this process takes it at once.
func (s *Service) Submit(ctx context.Context, j *emr.ExportJob) error {
	if err := s.o.Jobs.CreateExportJob(ctx, j, max(s.o.PerClient, 0), max(s.o.Total, 0)); err != nil {
		return err
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return nil
}

// Job returns the client's job id; another client's job is ENOTFOUND, as
// if it did not exist (export.html#bulk-data-status-request: a client
// sees only its own jobs).
func (s *Service) Job(ctx context.Context, id, clientID string) (*emr.ExportJob, error) {
	j, err := s.o.Jobs.ExportJob(ctx, id)
	if err != nil {
		return nil, err
	}
	if j.ClientID != clientID {
		return nil, emr.Errorf(emr.ENOTFOUND, "no export job %q", id)
	}
	return j, nil
}

// Cancel cancels the client's job id (export.html#bulk-data-delete-
// request); its worker stops at its next lease renewal and the janitor
// removes its files.
func (s *Service) Cancel(ctx context.Context, id, clientID string) error {
	if _, err := s.Job(ctx, id, clientID); err != nil {
		return err
	}
	if err := s.o.Jobs.CancelExportJob(ctx, id); err != nil {
		return err
	}
	go s.purge(context.WithoutCancel(ctx)) // free the disk now, not at the next sweep
	return nil
}

// Open opens file name of the client's completed job id for download.
func (s *Service) Open(ctx context.Context, id, clientID, name string) (*os.File, error) {
	j, err := s.Job(ctx, id, clientID)
	if err != nil {
		return nil, err
	}
	if j.Status != emr.ExportCompleted || time.Now().After(j.Expires) {
		return nil, emr.Errorf(emr.ENOTFOUND, "export job %q has no files to download", id)
	}
	for _, f := range j.Output {
		if f.Name == name {
			file, err := os.Open(filepath.Join(s.o.Dir, j.ID, f.Name))
			if os.IsNotExist(err) {
				return nil, emr.Errorf(emr.ENOTFOUND, "export file %q is gone", name)
			}
			return file, err
		}
	}
	return nil, emr.Errorf(emr.ENOTFOUND, "export job %q has no file %q", id, name)
}

// NewID returns a new job id: a time-ordered UUID (version 7), as every
// goemr key (DESIGN.md, scale-out).
func NewID() string {
	if id, err := uuid.NewV7(); err == nil {
		return id.String()
	}
	return uuid.NewString()
}
