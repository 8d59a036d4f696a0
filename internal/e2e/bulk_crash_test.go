package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestBulkExportSurvivesCrash kills goemr (SIGKILL) while an export runs:
// after the restart the job runs again once its lease lapses, and its
// manifest holds exactly what an export run without a crash holds.
func TestBulkExportSurvivesCrash(t *testing.T) {
	ForEachBackend(t, func(t *testing.T, b Backend) {
		dir := t.TempDir()
		s := Start(t, b, dir, "--export-lease", "2s")
		goemrCLI(t, s, "", "demo", "--patients", "200")
		c := newBulkClient(t, s)
		status := c.kickOff(t, "/$export")
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
			resp, _ := c.do(t, "GET", status, true)
			if strings.HasPrefix(resp.Header.Get("X-Progress"), "running") {
				break
			}
			if resp.StatusCode != 202 || time.Now().After(deadline) {
				t.Fatalf("the export ended (%d) before it could be interrupted", resp.StatusCode)
			}
		}
		s.Kill()

		// The same address: the client's token names this issuer.
		s = Start(t, b, dir, "--export-lease", "2s", "--listen", strings.TrimPrefix(s.URL, "http://"))
		c.s = s
		crashed := c.wait(t, status, 2*time.Minute)
		clean := c.wait(t, c.kickOff(t, "/$export"), 2*time.Minute)
		counts := func(m *manifest) map[string]int {
			out := map[string]int{}
			for _, o := range m.Output {
				out[o.Type] += o.Count
			}
			return out
		}
		got, want := counts(crashed), counts(clean)
		if len(want) < 10 || len(got) != len(want) {
			t.Fatalf("after the crash %v, without %v", got, want)
		}
		for typ, n := range want {
			if got[typ] != n {
				t.Errorf("%s: %d after the crash, %d without", typ, got[typ], n)
			}
		}
		// The files of the interrupted run are whole: every line parses.
		for _, o := range crashed.Output {
			if len(c.ndjson(t, o.URL)) != o.Count {
				t.Errorf("%s holds other than %d lines", o.URL, o.Count)
			}
		}
	})
}
