package openapi

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/openapi.golden.json")

// TestDocumentGolden pins the whole document; after a deliberate change
// to the resource table, regenerate it with go test ./internal/openapi -update.
func TestDocumentGolden(t *testing.T) {
	got, err := Document(testBase)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "openapi.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/openapi -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("document differs from %s (run go test ./internal/openapi -update after a deliberate change):\n%s", golden, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line with its neighbours.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		if i < len(g) && i < len(w) && g[i] == w[i] {
			continue
		}
		from := max(0, i-3)
		return "line " + strconv.Itoa(i+1) + "\n got: " + strings.Join(window(g, from, i+3), "\n      ") +
			"\nwant: " + strings.Join(window(w, from, i+3), "\n      ")
	}
	return ""
}

func window(lines []string, from, to int) []string {
	return lines[min(from, len(lines)):min(to+1, len(lines))]
}
