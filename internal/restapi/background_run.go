package restapi

import (
	"context"
	"log/slog"
	"time"

	"goemr/internal/emr"
)

// run runs service r once if it may: it must be active, scheduled or
// forced, and win the lease (which also moves its next run on). goemr has
// no PHP functions: a service runs the job of its name in Options.Jobs, and
// an active service without one fails rather than pretending to run.
func (c *Call) run(r emr.Record, force bool) string {
	name := r.Str("name")
	interval := serviceInt(r, "execute_interval")
	if serviceInt(r, "active") == 0 || interval == 0 && !force {
		return runSkipped
	}
	leases, ok := c.Records().(serviceLeases)
	if !ok {
		slog.ErrorContext(c.Ctx(), "background services need the store's leases", "service", name)
		return runError
	}
	ctx := c.Ctx()
	acquired, held, err := leases.AcquireService(ctx, name, time.Duration(interval)*time.Minute, force, time.Now())
	if err != nil {
		slog.ErrorContext(ctx, "background service lease", "service", name, "err", err)
		return runError
	}
	if !acquired {
		if held || force {
			return runAlreadyRunning
		}
		return runNotDue
	}
	defer func() {
		if err := leases.ReleaseService(context.WithoutCancel(ctx), name); err != nil {
			slog.ErrorContext(ctx, "background service release", "service", name, "err", err)
		}
	}()
	job := c.s.o.Jobs[name]
	if job == nil {
		slog.ErrorContext(ctx, "background service has no job in goemr", "service", name)
		return runError
	}
	if err := job(ctx); err != nil {
		slog.ErrorContext(ctx, "background service failed", "service", name, "err", err)
		return runError
	}
	return runExecuted
}
