package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"goemr/internal/fhir/r4/internal/gen"
)

const definitionsDir = "../../../../../shared/data/fhir/r4"

// TestRunWritesGeneratedFiles runs the command's work into a temporary
// directory: it must write exactly what Generate returns and remove a
// stale *.gen.go file, leaving other files alone.
func TestRunWritesGeneratedFiles(t *testing.T) {
	types, resources := definitionsDir+"/profiles-types.json", definitionsDir+"/profiles-resources.json.gz"
	dir := t.TempDir()
	for _, name := range []string{"claim.gen.go", "doc.go"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("package r4\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(types, resources, dir); err != nil {
		t.Fatal(err)
	}
	want, err := gen.Generate(types, resources)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: not written as generated (%v)", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "claim.gen.go")); !os.IsNotExist(err) {
		t.Errorf("stale claim.gen.go was not removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "doc.go")); err != nil {
		t.Errorf("doc.go was removed: %v", err)
	}
}
