package r4

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"goemr/internal/fhir/r4/internal/gen"
)

// The FHIR R4 definitions the types are generated from (doc.go).
const (
	definitionsDir = "../../../../shared/data/fhir/r4"
	typesJSON      = definitionsDir + "/profiles-types.json"
	resourcesJSON  = definitionsDir + "/profiles-resources.json.gz"
)

// TestGeneratedFilesUpToDate regenerates the types and compares them byte
// for byte with the committed *.gen.go files, so that neither the
// generator nor the generated code can change without the other.
func TestGeneratedFilesUpToDate(t *testing.T) {
	files, err := gen.Generate(typesJSON, resourcesJSON)
	if err != nil {
		t.Fatal(err)
	}
	const fix = "run go generate ./internal/fhir/r4"
	for name, want := range files {
		got, err := os.ReadFile(name)
		switch {
		case err != nil:
			t.Errorf("%s: %v; %s", name, err, fix)
		case !bytes.Equal(got, want):
			t.Errorf("%s differs from what the generator writes; %s", name, fix)
		}
	}
	onDisk, err := filepath.Glob("*.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range onDisk {
		if _, ok := files[name]; !ok {
			t.Errorf("%s is no longer generated; %s", name, fix)
		}
	}
}
