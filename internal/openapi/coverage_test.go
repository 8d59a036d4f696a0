package openapi

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"goemr/internal/resource"
)

// openemrYAML is OpenEMR's own OpenAPI file, byte-identical to upstream's
// swagger/openemr-api.yaml (openemr-standard-api.md §5).
const openemrYAML = "../../../shared/data/openemr/openemr-api.yaml"

// loadOpenEMR reads OpenEMR's document. Its security requirements are
// written "openemr_auth: {  }" (PHP's empty array as a map), which OpenAPI
// does not allow and kin-openapi rejects; they mean no scopes, "[]".
func loadOpenEMR(t *testing.T) *openapi3.T {
	t.Helper()
	data, err := os.ReadFile(openemrYAML)
	if err != nil {
		t.Fatalf("OpenEMR's document: %v", err)
	}
	return load(t, bytes.ReplaceAll(data, []byte("openemr_auth: {  }"), []byte("openemr_auth: []")))
}

// wantOperations is the number of Standard (98) and Portal (5) operations
// OpenEMR documents (§2.1, §5).
const wantOperations = 103

// TestCoversOpenEMRDocument compares the route table with the operations
// OpenEMR's document tags standard or standard-patient, by method and path
// with parameter names blanked: every OpenEMR operation must be served and
// every route must be one of them.
func TestCoversOpenEMRDocument(t *testing.T) {
	doc := loadOpenEMR(t)
	theirs := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if slices.Contains(op.Tags, "standard") || slices.Contains(op.Tags, "standard-patient") {
				theirs[method+" "+shape(path)] = true
			}
		}
	}
	if len(theirs) != wantOperations {
		t.Fatalf("OpenEMR's document has %d standard and standard-patient operations, want %d", len(theirs), wantOperations)
	}
	ours := map[string]bool{}
	for _, r := range resource.Routes {
		ours[r.Method+" "+shape(openAPIPath(r.Path))] = true
	}
	for _, k := range sortedKeys(theirs) {
		if !ours[k] {
			t.Errorf("OpenEMR operation %s has no route in resource.Routes", k)
		}
	}
	for _, k := range sortedKeys(ours) {
		if !theirs[k] {
			t.Errorf("route %s is not in OpenEMR's document", k)
		}
	}
	if len(ours) != wantOperations || len(resource.Routes) != wantOperations {
		t.Errorf("resource.Routes has %d routes (%d distinct), want %d", len(resource.Routes), len(ours), wantOperations)
	}
}

// TestDocumentMatchesOpenEMRPaths checks the generated document the same
// way: its operations, without the /apis/{site} prefix, are OpenEMR's.
func TestDocumentMatchesOpenEMRPaths(t *testing.T) {
	theirs := operations(loadOpenEMR(t))
	ours := operations(generated(t))
	if len(ours) != wantOperations {
		t.Errorf("generated document has %d operations, want %d", len(ours), wantOperations)
	}
	for k, op := range ours {
		method, path, _ := strings.Cut(k, " ")
		if theirs[method+" "+strings.TrimPrefix(path, "/apis/{}")] == nil {
			t.Errorf("generated operation %s (%s) is not in OpenEMR's document", k, op.OperationID)
		}
	}
}
