package e2e

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// usCorePackage is the US Core 6.1.0 npm package the validator reads.
const usCorePackage = "../../../shared/data/fhir/us-core-6.1.0.tgz"

// Validation is the verdict of Medplum's validator on one resource.
type Validation struct {
	Profiles  []string `json:"profiles"`
	Unchecked []struct {
		Profile, Why string
	} `json:"unchecked"`
	Errors []struct {
		Profile    string   `json:"profile"`
		Text       string   `json:"text"`
		Expression []string `json:"expression"`
	} `json:"errors"`
}

// ValidateUSCore runs npm/validate.mjs (@medplum/core 4.5.2 with the US
// Core 6.1.0 package) over resources, one verdict each, in order.
func ValidateUSCore(t *testing.T, resources []json.RawMessage) []Validation {
	t.Helper()
	node := requireNPM(t)
	pkg := extractPackage(t, usCorePackage)
	dir, _ := filepath.Abs(npmDir)
	cmd := exec.Command(node, "validate.mjs", pkg)
	cmd.Dir = dir
	var in strings.Builder
	for _, r := range resources {
		in.Write(compact(r))
		in.WriteByte('\n')
	}
	cmd.Stdin = strings.NewReader(in.String())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("validate.mjs: %v\n%s", err, stderr.String())
	}
	var verdicts []Validation
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var v Validation
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("validate.mjs said %q: %v", sc.Text(), err)
		}
		verdicts = append(verdicts, v)
	}
	if len(verdicts) != len(resources) {
		t.Fatalf("validate.mjs answered %d of %d resources\n%s", len(verdicts), len(resources), stderr.String())
	}
	return verdicts
}

// compact puts a resource on one line, as validate.mjs reads them.
func compact(r json.RawMessage) []byte {
	var b bytes.Buffer
	if json.Compact(&b, r) != nil {
		return r
	}
	return b.Bytes()
}

// requireNPM returns node's path, or skips (fails with GOEMR_REQUIRE_NPM=1)
// when node or the npm packages are missing.
func requireNPM(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		if os.Getenv("GOEMR_REQUIRE_NPM") == "1" {
			t.Fatal("GOEMR_REQUIRE_NPM=1 but " + why)
		}
		t.Skip(why + "; run `npm ci` in internal/e2e/npm")
	}
	if _, err := os.Stat(filepath.Join(npmDir, "node_modules", "@medplum", "core")); err != nil {
		missing("the npm packages are not installed")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not on PATH")
	}
	return node
}

// extractPackage unpacks an npm .tgz into a temporary folder and returns
// its package/ directory.
func extractPackage(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Clean(h.Name)
		if h.Typeflag != tar.TypeReg || !strings.HasPrefix(name, "package/") || strings.Contains(name, "..") {
			continue
		}
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "package", "package.json")); err != nil {
		t.Fatal(fmt.Errorf("%s is not an npm package: %w", path, err))
	}
	return filepath.Join(dir, "package")
}
