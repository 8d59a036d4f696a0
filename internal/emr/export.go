package emr

import (
	"context"
	"time"
)

// Export job states (Bulk Data Access 2.0, export.html#bulk-data-status-
// request): a job waits queued until a worker claims it, runs, and ends
// completed or failed; a client's DELETE makes it cancelled, after which
// the status URL answers 404 and its files are removed.
const (
	ExportQueued    = "queued"
	ExportRunning   = "running"
	ExportCompleted = "completed"
	ExportFailed    = "failed"
	ExportCancelled = "cancelled"
)

// Export levels: the three kick-off endpoints.
const (
	ExportSystem  = "system"  // [base]/$export
	ExportPatient = "patient" // [base]/Patient/$export
	ExportGroup   = "group"   // [base]/Group/[id]/$export
)

// ExportJob is one $export request and its result.
type ExportJob struct {
	ID       string // the job's uuid, named by its status URL
	ClientID string // only this client may poll, cancel or download
	Subject  string // the token's subject at kick-off
	Request  string // the kick-off URL, as the manifest repeats it
	Params   ExportParams
	Status   string
	Created  time.Time
	// Started is when the current run began: the manifest's
	// transactionTime, since the run reads the data as of then.
	Started  time.Time
	Finished time.Time
	Expires  time.Time // files are deleted after this
	// Owner is the process running the job, which holds it until
	// LeaseUntil and renews the lease while it works; a lapsed lease lets
	// another process (or this one, restarted) run the job again.
	Owner      string
	LeaseUntil time.Time
	Attempts   int
	Progress   string // for X-Progress
	Output     []ExportFile
	Error      string // why a failed job failed
}

// ExportParams are the kick-off parameters a worker needs to run a job.
type ExportParams struct {
	Site         string   `json:"site"`
	Level        string   `json:"level"`
	Group        string   `json:"group,omitempty"`    // the Group's id at group level
	Patients     []string `json:"patients,omitempty"` // patient ids the "patient" parameter named
	Types        []string `json:"types"`              // the types to write, in order
	Since        string   `json:"since,omitempty"`    // _since as given (a FHIR instant)
	TypeFilters  []string `json:"typeFilters,omitempty"`
	Elements     []string `json:"elements,omitempty"`
	OutputFormat string   `json:"outputFormat"`
	// Scopes are the token's scopes at kick-off and Context the scope
	// context that let it in ("system" or "user"): the job reads what
	// they allow (granular ?category= limits included), never more.
	Scopes  string `json:"scopes"`
	Context string `json:"context"`
}

// ExportFile is one NDJSON file of a job's output.
type ExportFile struct {
	Type  string `json:"type"`
	Name  string `json:"name"` // file name within the job
	Count int64  `json:"count"`
	Error bool   `json:"error,omitempty"` // an OperationOutcome file of the error list
}

// ExportJobs keeps export jobs. On PostgreSQL many processes share them:
// a claim is one statement, so two processes never run a job at once.
type ExportJobs interface {
	// CreateExportJob stores a queued job unless the client already has
	// perClient active (queued or running) jobs or all clients total:
	// then it is EUNAVAILABLE and nothing is stored. Zero means no limit.
	CreateExportJob(ctx context.Context, j *ExportJob, perClient, total int) error
	// ExportJob returns a job that is not cancelled, or ENOTFOUND.
	ExportJob(ctx context.Context, id string) (*ExportJob, error)
	// ClaimExportJob leases the oldest queued job, or a running one whose
	// lease lapsed, to owner until now+lease, and marks it running with
	// Started = now. It returns nil when there is none.
	ClaimExportJob(ctx context.Context, owner string, lease time.Duration, now time.Time) (*ExportJob, error)
	// RenewExportJob extends owner's lease and records progress. It
	// reports false when the job is no longer owner's to run (cancelled,
	// or taken over after a lapse): the worker must stop.
	RenewExportJob(ctx context.Context, id, owner string, until time.Time, progress string) (bool, error)
	// FinishExportJob records the outcome of owner's run (Status
	// completed or failed, Finished, Expires, Output, Error). It reports
	// false when the job is no longer owner's.
	FinishExportJob(ctx context.Context, j *ExportJob) (bool, error)
	// CancelExportJob marks a job cancelled; ENOTFOUND when there is no
	// such job or it is already cancelled.
	CancelExportJob(ctx context.Context, id string) error
	// ExportJobsToPurge lists the jobs whose files should go: cancelled
	// ones and finished ones expired by now.
	ExportJobsToPurge(ctx context.Context, now time.Time) ([]string, error)
	// DeleteExportJob removes a job's row, once its files are gone.
	DeleteExportJob(ctx context.Context, id string) error
}
