package ccda

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"goemr/internal/ccda/ccdacheck"
)

// TestValidCCDs builds the CCD of every patient of the US Core 6.1.0
// examples, and of Patient/example restricted to 2020, and checks each
// against the CDA R2 schema with the SDTC extensions (zero errors), the
// C-CDA R2.1 schematron's errors phase (zero failed asserts but the
// rules ccdacheck.Unrunnable lists, whose value sets are unavailable) and
// that every narrative reference points into the narrative.
func TestValidCCDs(t *testing.T) {
	c := ccdacheck.Require(t, shared)
	ins := examplePatients(t)
	ranged := *ins["example"]
	ranged.Start = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	ranged.End = time.Date(2020, 12, 31, 23, 59, 59, 0, time.UTC)
	ins["example-2020"] = &ranged
	dir := t.TempDir()
	var names, files []string
	for name := range ins {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		doc, err := CCD(ins[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := danglingRefs(parse(t, doc)); d != nil {
			t.Errorf("%s: references to no narrative ID: %v", name, d)
		}
		file := filepath.Join(dir, name+".xml")
		if err := os.WriteFile(file, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	problems, err := c.ValidateSchema(files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("schema: %s", p)
	}
	// The schematron takes seconds a document: two at a time.
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, file := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			fails, err := c.Errors(file)
			if err != nil {
				t.Errorf("%s: %v", names[i], err)
				return
			}
			for _, f := range fails {
				t.Errorf("%s: schematron: %s", names[i], f)
			}
		}()
	}
	wg.Wait()
}
