package config

import (
	"errors"
	"flag"
	"time"
)

// Export configures bulk $export jobs (internal/bulk). Zero values take
// the package's defaults.
type Export struct {
	Workers   int           // jobs this process runs at once
	PerClient int           // active jobs a client may have; -1 no limit
	Total     int           // active jobs of all clients; -1 no limit
	FileLines int           // resources per NDJSON file before a new one
	Expiry    time.Duration // how long a finished job's files are kept
	// Lease is how long a job stays with a process that stops renewing
	// it: a crashed process's jobs run again after this.
	Lease time.Duration
}

// ExportFlags registers the bulk export flags.
func (c *Config) ExportFlags(fs *flag.FlagSet) {
	fs.IntVar(&c.Export.Workers, "export-workers", c.Export.Workers, "bulk export jobs this process runs at once (env GOEMR_EXPORT_WORKERS)")
	fs.IntVar(&c.Export.PerClient, "export-per-client", c.Export.PerClient, "active bulk export jobs one client may have; -1 for no limit (env GOEMR_EXPORT_PER_CLIENT)")
	fs.IntVar(&c.Export.Total, "export-total", c.Export.Total, "active bulk export jobs of all clients; -1 for no limit (env GOEMR_EXPORT_TOTAL)")
	fs.IntVar(&c.Export.FileLines, "export-file-lines", c.Export.FileLines, "resources per bulk export file before the next file (env GOEMR_EXPORT_FILE_LINES)")
	fs.DurationVar(&c.Export.Lease, "export-lease", c.Export.Lease, "how long a bulk export job stays with a process that stopped renewing it (a crash) before another runs it (env GOEMR_EXPORT_LEASE)")
	fs.DurationVar(&c.Export.Expiry, "export-expiry", c.Export.Expiry, "how long bulk export files are kept after the job ends (env GOEMR_EXPORT_EXPIRY)")
}

func (c *Config) validateExport() error {
	e := c.Export
	switch {
	case e.Workers < 0:
		return errors.New("--export-workers must not be negative")
	case e.PerClient < -1 || e.Total < -1:
		return errors.New("--export-per-client and --export-total take a count, or -1 for no limit")
	case e.FileLines < 0:
		return errors.New("--export-file-lines must not be negative")
	case e.Lease < 0 || (e.Lease > 0 && e.Lease < time.Second):
		return errors.New("--export-lease must be at least 1s")
	case e.Expiry < 0:
		return errors.New("--export-expiry must not be negative")
	}
	return nil
}
