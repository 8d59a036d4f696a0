package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestBulkExportTwoProcesses runs two goemr processes on one PostgreSQL
// database and one data folder, as behind a load balancer (one site
// address): jobs kicked off at either run in whichever claims them, and
// either answers the status and the files of any job.
func TestBulkExportTwoProcesses(t *testing.T) {
	for _, b := range Backends(t) {
		if b.DSN == "" {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			dir := t.TempDir()
			a := Start(t, b, dir, "--export-workers", "1", "--export-per-client", "8")
			other := Start(t, b, dir, "--export-workers", "1", "--export-per-client", "8", "--base-url", a.URL)
			c := newBulkClient(t, a)
			var statuses []string
			for range 4 {
				statuses = append(statuses, c.kickOff(t, "/Patient/$export?_type=Patient,Condition,Observation"))
			}
			// Ask the other process about every job.
			c.s = other
			onOther := func(u string) string { return other.URL + strings.TrimPrefix(u, a.URL) }
			var want map[string]int
			for _, st := range statuses {
				m := c.wait(t, onOther(st), time.Minute)
				got := map[string]int{}
				for _, o := range m.Output {
					if n := len(c.ndjson(t, onOther(o.URL))); n != o.Count {
						t.Errorf("%s: %d lines, count %d", o.URL, n, o.Count)
					}
					got[o.Type] += o.Count
				}
				if want == nil {
					want = got
				}
				if len(got) != 3 || got["Observation"] != want["Observation"] || got["Patient"] != want["Patient"] {
					t.Errorf("job output %v, first job's %v", got, want)
				}
			}
		})
	}
}
