package ccdacheck

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// skeletonDirs are where Debian's python3-lxml (and pip's lxml) keep the
// ISO Schematron skeleton for XSLT 1.
var skeletonDirs = []string{
	"/usr/lib/python3/dist-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1",
	"/usr/lib/python3*/site-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1",
	"/usr/local/lib/python3*/dist-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1",
	"/usr/local/lib/python3*/site-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1",
}

// Checker runs the schema and schematron checks with the tools it found.
type Checker struct {
	xmllint, xsltproc, skeleton string
	// Schema is the CDA_SDTC.xsd wrapper; Schematron the C-CDA R2.1 .sch.
	Schema, Schematron string

	once     sync.Once
	compiled string // the schematron as XSLT, phase errors
	err      error
}

// Find locates the tools and the reference files below shared, the
// project's shared/data folder.
func Find(shared string) (*Checker, error) {
	shared, err := filepath.Abs(shared)
	if err != nil {
		return nil, err
	}
	c := &Checker{
		Schema:     filepath.Join(shared, "ccda", "schema", "CDA_SDTC.xsd"),
		Schematron: filepath.Join(shared, "ccda", "schematron", "Consolidated_CDA_R2.1.sch"),
	}
	var missing []string
	for _, tool := range []struct {
		name string
		at   *string
	}{{"xmllint", &c.xmllint}, {"xsltproc", &c.xsltproc}} {
		p, err := exec.LookPath(tool.name)
		if err != nil {
			missing = append(missing, tool.name)
		}
		*tool.at = p
	}
	for _, pattern := range skeletonDirs {
		dirs, _ := filepath.Glob(pattern)
		for _, d := range dirs {
			if _, err := os.Stat(filepath.Join(d, "iso_svrl_for_xslt1.xsl")); err == nil && c.skeleton == "" {
				c.skeleton = d
			}
		}
	}
	if c.skeleton == "" {
		missing = append(missing, "the ISO Schematron XSLT 1 skeleton (python3-lxml)")
	}
	for _, f := range []string{c.Schema, c.Schematron} {
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f)
		}
	}
	if missing != nil {
		return nil, fmt.Errorf("missing %s (apt-get install libxml2-utils xsltproc python3-lxml)", strings.Join(missing, ", "))
	}
	return c, nil
}

// checkers holds one Checker per shared folder, so that a test process
// compiles the schematron once.
var checkers sync.Map

// Require returns the Checker for shared, or skips the test when a tool is
// missing; with GOEMR_REQUIRE_CCDA_TOOLS=1 a missing tool fails it.
func Require(t testing.TB, shared string) *Checker {
	t.Helper()
	if c, ok := checkers.Load(shared); ok {
		return c.(*Checker)
	}
	c, err := Find(shared)
	if err != nil {
		if os.Getenv("GOEMR_REQUIRE_CCDA_TOOLS") == "1" {
			t.Fatalf("GOEMR_REQUIRE_CCDA_TOOLS=1 but %v", err)
		}
		t.Skip(err)
	}
	got, _ := checkers.LoadOrStore(shared, c)
	return got.(*Checker)
}

// ValidateSchema runs xmllint --schema over files and returns its error
// lines; none means every file validates.
func (c *Checker) ValidateSchema(files ...string) ([]string, error) {
	if len(files) == 0 {
		return nil, errors.New("ccdacheck: no files")
	}
	cmd := exec.Command(c.xmllint, append([]string{"--noout", "--schema", c.Schema}, files...)...)
	out, err := cmd.CombinedOutput()
	var problems []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" && !strings.HasSuffix(line, " validates") {
			problems = append(problems, line)
		}
	}
	if err != nil && problems == nil {
		return nil, fmt.Errorf("xmllint: %v", err)
	}
	return problems, nil
}
