package bulk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"goemr/internal/emr"
)

func TestWriterSplitsFiles(t *testing.T) {
	dir := t.TempDir()
	w, err := NewWriter(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct{ typ, line string }{
		{"Patient", `{"resourceType":"Patient","id":"1"}`},
		{"Observation", `{"resourceType":"Observation","id":"a"}`},
		{"Patient", `{"resourceType":"Patient","id":"2"}`},
		{"Patient", `{"resourceType":"Patient","id":"3"}`},
		{"Observation", `{"resourceType":"Observation","id":"b"}`},
	} {
		if err := w.Write(l.typ, []byte(l.line)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Error([]byte(`{"resourceType":"OperationOutcome"}`)); err != nil {
		t.Fatal(err)
	}
	if w.Written() != 5 {
		t.Errorf("Written = %d, want 5 (errors are not resources)", w.Written())
	}
	files, err := w.finish()
	if err != nil {
		t.Fatal(err)
	}
	want := []emr.ExportFile{
		{Type: "Patient", Name: "Patient-1.ndjson", Count: 2},
		{Type: "Patient", Name: "Patient-2.ndjson", Count: 1},
		{Type: "Observation", Name: "Observation-1.ndjson", Count: 2},
		{Type: "OperationOutcome", Name: "error-1.ndjson", Count: 1, Error: true},
	}
	if d := cmp.Diff(want, files); d != "" {
		t.Fatalf("files (-want +got):\n%s", d)
	}
	for _, f := range files {
		raw, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
		if int64(len(lines)) != f.Count || !strings.HasSuffix(string(raw), "\n") {
			t.Errorf("%s holds %d lines %q, manifest says %d", f.Name, len(lines), raw, f.Count)
		}
		for _, l := range lines {
			if !strings.Contains(l, `"resourceType":"`+f.Type+`"`) {
				t.Errorf("%s holds a line of another type: %s", f.Name, l)
			}
		}
	}
}
