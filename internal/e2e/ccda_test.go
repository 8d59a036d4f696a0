package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"goemr/internal/ccda/ccdacheck"
)

// sharedData is the project's shared/data folder, seen from this package.
const sharedData = "../../../shared/data"

// TestCCDAForDemoPatients asks the real binary (--demo, SQLite) for the
// CCD of every demo patient by POST DocumentReference/$docref (whose
// DocumentReference must pass the US Core 6.1.0 profile), downloads each
// from its Binary URL and checks it three ways: the CDA schema with
// SDTC (zero errors), the C-CDA R2.1 schematron's errors phase (zero
// failed asserts but ccdacheck.Unrunnable), and Medplum's C-CDA parser
// (@medplum/ccda), whose FHIR must hold, section by section, what
// goemr's FHIR search returns for the patient (expectedCounts). A CCD of
// a date range holds only entries dated in it.
func TestCCDAForDemoPatients(t *testing.T) {
	check := ccdacheck.Require(t, sharedData)
	node := requireNPM(t)
	if _, err := os.Stat(filepath.Join(npmDir, "node_modules", "@medplum", "ccda")); err != nil {
		t.Skip("@medplum/ccda is not installed; run `npm ci` in internal/e2e/npm")
	}
	s := Start(t, Backend{Name: "sqlite"}, "")
	c := fhirClient(t, s)
	dir := t.TempDir()
	var files []string
	var refs []json.RawMessage
	want := map[string]map[string]sectionCount{}
	for _, p := range c.search("Patient?_count=100") {
		file, ref := c.docref(p.id, "", dir)
		files, refs = append(files, file), append(refs, ref)
		want[p.id] = expectedCounts(c, p)
	}
	for i, v := range ValidateUSCore(t, refs) {
		for _, e := range v.Errors {
			t.Errorf("%s: DocumentReference against %s: %s at %v", filepath.Base(files[i]), e.Profile, e.Text, e.Expression)
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d demo patients", len(files))
	}
	problems, err := check.ValidateSchema(files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("schema: %s", p)
	}
	schematron(t, check, files)

	cmd := exec.Command(node, append([]string{"ccda.mjs"}, files...)...)
	cmd.Dir = npmDir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ccda.mjs: %v\n%s", err, stderr.String())
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	read, totals := 0, map[string]int{}
	for sc.Scan() {
		var doc struct {
			Patient  string
			Sections map[string]struct {
				Entries []string
				Members int
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		read++
		for code, w := range want[doc.Patient] {
			got := doc.Sections[code]
			totals[code] += len(got.Entries) + got.Members
			if len(got.Entries) != w.entries || got.Members != w.members {
				t.Errorf("patient %s, section %s: Medplum read %d entries %v with %d members, FHIR search gives %d and %d",
					doc.Patient, code, len(got.Entries), got.Entries, got.Members, w.entries, w.members)
			}
		}
	}
	if read != len(files) {
		t.Errorf("Medplum read %d of %d CCDs", read, len(files))
	}
	t.Logf("%d CCDs valid; resources Medplum read back, by section: %v", read, totals)
	checkRange(t, c, dir)
}

// schematron runs the errors phase over files, two at a time.
func schematron(t *testing.T, check *ccdacheck.Checker, files []string) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			fails, err := check.Errors(f)
			if err != nil {
				t.Error(err)
			}
			for _, e := range fails {
				t.Errorf("%s: schematron: %s", filepath.Base(f), e)
			}
		}()
	}
	wg.Wait()
}
