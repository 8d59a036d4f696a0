package e2e

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// npmDir holds the Node test suites (package.json, package-lock.json and
// the *.test.mjs files) that drive goemr with real npm clients.
const npmDir = "npm"

// TestNPMClients runs the Node suites in internal/e2e/npm against the real
// binary: openid-client v6 (discovery, dynamic registration, authorization
// code + PKCE with private_key_jwt, ID token, UserInfo, refresh,
// introspection, revocation, client_credentials), fhirclient (a SMART
// standalone launch of a public app) and, in headless Chromium, the sign-in
// pages and Swagger UI's Authorize and "Try it out". They need `npm ci` in that folder;
// without node_modules the test is skipped, unless GOEMR_REQUIRE_NPM=1.
func TestNPMClients(t *testing.T) {
	dir, err := filepath.Abs(npmDir)
	if err != nil {
		t.Fatal(err)
	}
	require := os.Getenv("GOEMR_REQUIRE_NPM") == "1"
	missing := func(why string) {
		if require {
			t.Fatal("GOEMR_REQUIRE_NPM=1 but " + why)
		}
		t.Skip(why + "; run `npm ci` in internal/e2e/npm (GOEMR_REQUIRE_NPM=1 makes this a failure)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		missing("the npm test clients are not installed (no internal/e2e/npm/node_modules)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, b, "")
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, "--test", "--test-reporter=spec")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOEMR_URL="+s.URL, "NO_COLOR=1")
			cmd.WaitDelay = 5 * time.Second
			start := time.Now()
			out, err := cmd.CombinedOutput()
			if err != nil {
				var exit *exec.ExitError
				if errors.As(err, &exit) || ctx.Err() != nil {
					t.Fatalf("node --test failed (%v, after %v):\n%s\n--- goemr output ---\n%s",
						err, time.Since(start).Round(time.Millisecond), out, s.Output())
				}
				t.Fatal(err)
			}
			t.Logf("node --test passed in %v:\n%s", time.Since(start).Round(time.Millisecond), nodeSummary(string(out)))
		})
	}
}

// nodeSummary keeps the totals at the end of the spec reporter's output.
func nodeSummary(out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "ℹ ") {
			keep = append(keep, strings.TrimSpace(line))
		}
	}
	if len(keep) == 0 {
		return out
	}
	return strings.Join(keep, "\n")
}
