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
	runNode(t, dir, node)
}

// TestClinicInBrowser runs clinic-browser.mjs: Chromium through the
// administration pages, the registration page, a patient chart and an EHR
// launch of a fhirclient app. It gets a server of its own because it
// switches manual app approval on, which would hold up the apps the other
// suites register at the same time.
func TestClinicInBrowser(t *testing.T) {
	dir, err := filepath.Abs(npmDir)
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(dir, "node_modules")); err != nil || serr != nil {
		if os.Getenv("GOEMR_REQUIRE_NPM") == "1" {
			t.Fatal("GOEMR_REQUIRE_NPM=1 but node or internal/e2e/npm/node_modules is missing")
		}
		t.Skip("node or the npm test clients are missing; run `npm ci` in internal/e2e/npm")
	}
	runNode(t, dir, node, "clinic-browser.mjs")
}

// runNode runs `node --test` (every *.test.mjs, or the files given) in dir
// against a fresh goemr on each backend.
func runNode(t *testing.T, dir, node string, files ...string) {
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := Start(t, b, "")
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, append([]string{"--test", "--test-reporter=spec"}, files...)...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOEMR_URL="+s.URL, "NO_COLOR=1")
			if shots := os.Getenv("GOEMR_SCREENSHOTS"); shots != "" { // one folder per backend
				cmd.Env = append(cmd.Env, "GOEMR_SCREENSHOTS="+filepath.Join(shots, b.Name))
			}
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
