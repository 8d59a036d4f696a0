package restapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func init() {
	builtin["background_service.list"] = listServices
	builtin["background_service.read"] = readService
	builtin["background_service.run"] = runService
	builtin["background_service.run_due"] = runDueServices
}

// serviceLeases is the hand SQL behind running background services
// (store/background.go): a lease on the service's row, so that one process
// at a time runs it.
type serviceLeases interface {
	AcquireService(ctx context.Context, name string, interval time.Duration, force bool, now time.Time) (acquired, held bool, err error)
	ReleaseService(ctx context.Context, name string) error
}

// Outcomes of a run, as OpenEMR's BackgroundServiceRunner names them.
const (
	runExecuted       = "executed"
	runSkipped        = "skipped" // inactive, or manual (interval 0) without force
	runAlreadyRunning = "already_running"
	runNotDue         = "not_due"
	runError          = "error"
)

// listServices is GET /api/background_service (openemr-standard-api.md
// §3.20), in sort order.
func listServices(c *Call) error {
	recs, err := c.Records().List(c.Ctx(), resource.BackgroundService, emr.Query{})
	if err != nil {
		return err
	}
	out := make([]map[string]any, len(recs))
	now := time.Now()
	for i, r := range recs {
		out[i] = serviceJSON(r, now)
	}
	return c.Reply(http.StatusOK, out)
}

// readService is GET /api/background_service/:name.
func readService(c *Call) error {
	r, err := c.service()
	if err != nil || r == nil {
		return err
	}
	return c.Reply(http.StatusOK, serviceJSON(r, time.Now()))
}

// runService is POST /api/background_service/:name/run with an optional
// body {"force": true}: 200 when the service ran, 409 when it was skipped,
// already running or not due, 500 when it failed, 404 when unknown.
func runService(c *Call) error {
	raw, err := io.ReadAll(c.R.Body)
	if err != nil {
		return err
	}
	var body map[string]any
	if strings.TrimSpace(string(raw)) != "" {
		if json.Unmarshal(raw, &body) != nil || body == nil {
			return c.Reply(http.StatusBadRequest, map[string]string{"error": "Invalid JSON payload"})
		}
	}
	r, err := c.service()
	if err != nil || r == nil {
		return err
	}
	force, _ := body["force"].(bool)
	outcome := c.run(r, force)
	code := http.StatusOK
	switch outcome {
	case runSkipped, runAlreadyRunning, runNotDue:
		code = http.StatusConflict
	case runError:
		code = http.StatusInternalServerError
	}
	return c.Reply(code, map[string]string{"service": r.Str("name"), "status": outcome})
}

// runDueServices is POST /api/background_service/$run: every scheduled
// service (interval above 0), in sort order, unforced. Always 200 with each
// service's outcome.
func runDueServices(c *Call) error {
	recs, err := c.Records().List(c.Ctx(), resource.BackgroundService, emr.Query{})
	if err != nil {
		return err
	}
	results := []map[string]string{}
	for _, r := range recs {
		if serviceInt(r, "execute_interval") > 0 {
			results = append(results, map[string]string{"name": r.Str("name"), "status": c.run(r, false)})
		}
	}
	return c.Reply(http.StatusOK, map[string]any{"results": results})
}

// service reads the service the path names; an unknown one is answered
// here with OpenEMR's 404 {"error": "Service not found"} (nil record).
func (c *Call) service() (emr.Record, error) {
	r, err := c.Records().Get(c.Ctx(), resource.BackgroundService, emr.Eq("name", c.Params["name"]))
	if emr.IsNotFound(err) {
		return nil, c.Reply(http.StatusNotFound, map[string]string{"error": "Service not found"})
	}
	return r, err
}

// serviceJSON is a service as OpenEMR lists it. running is true while a
// run holds an unexpired lease.
func serviceJSON(r emr.Record, now time.Time) map[string]any {
	lease := r.Str("lock_expires_at")
	return map[string]any{
		"name": r["name"], "title": r["title"],
		"active":           serviceInt(r, "active") != 0,
		"running":          serviceInt(r, "running") > 0 && lease > now.UTC().Format("2006-01-02 15:04:05"),
		"execute_interval": serviceInt(r, "execute_interval"),
		"next_run":         r["next_run"],
	}
}

// serviceInt is a whole-number column of a service row (0 when empty).
func serviceInt(r emr.Record, k string) int64 {
	n, _ := strconv.ParseInt(r.Str(k), 10, 64)
	return n
}
