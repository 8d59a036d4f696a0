package r4

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// usCore is the US Core 6.1.0 package; its package/example/*.json are the
// official examples.
const usCore = "../../../../shared/data/fhir/us-core-6.1.0.tgz"

// readExamples returns the package's examples by file name.
func readExamples(t *testing.T) map[string][]byte {
	t.Helper()
	f, err := os.Open(usCore)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if dir, name := path.Split(h.Name); dir == "package/example/" && strings.HasSuffix(name, ".json") {
			if examples[name], err = io.ReadAll(tr); err != nil {
				t.Fatal(err)
			}
		}
	}
	return examples
}

// TestUSCoreExamplesRoundTrip decodes every US Core example of a generated
// resource type strictly, encodes it again and requires the same JSON,
// numbers compared digit for digit. Resources nested in an example
// (contained, Bundle entries) of a generated type are checked the same way.
func TestUSCoreExamplesRoundTrip(t *testing.T) {
	examples := readExamples(t)
	if len(examples) != 183 {
		t.Fatalf("%d examples in %s, want 183", len(examples), usCore)
	}
	var checked, nested int
	skipped := map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(examples)) {
		doc, err := parseJSON(examples[name])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		rt, _ := doc.(map[string]any)["resourceType"].(string)
		if _, ok := New(rt); !ok {
			skipped[rt]++
			continue
		}
		checked++
		if err := roundTrip(examples[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, sub := range nestedResources(doc, "") {
			if _, ok := New(sub.resourceType); !ok {
				skipped["nested "+sub.resourceType]++
				continue
			}
			nested++
			if err := roundTrip(sub.data); err != nil {
				t.Errorf("%s, %s: %v", name, sub.path, err)
			}
		}
	}
	t.Logf("round-tripped %d examples and %d nested resources; skipped types not generated: %v", checked, nested, skipped)
}

// roundTrip decodes data strictly, encodes the result and compares.
func roundTrip(data []byte) error {
	r, err := Decode(data, true)
	if err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	out, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	want, err := parseJSON(data)
	if err != nil {
		return err
	}
	got, err := parseJSON(out)
	if err != nil {
		return fmt.Errorf("encoded JSON: %w", err)
	}
	if d := firstDiff(want, got, "$"); d != "" {
		return fmt.Errorf("encoded differently: %s", d)
	}
	return nil
}

// parseJSON decodes data into any, keeping numbers as written.
func parseJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// nestedResource is a resource found inside another one.
type nestedResource struct {
	path, resourceType string
	data               []byte
}

// nestedResources returns the objects below v that have a resourceType,
// however deep (a contained resource inside a Bundle entry too).
func nestedResources(v any, at string) []nestedResource {
	var out []nestedResource
	visit := func(child any, p string) {
		if obj, ok := child.(map[string]any); ok {
			if rt, ok := obj["resourceType"].(string); ok {
				data, _ := json.Marshal(obj)
				out = append(out, nestedResource{p, rt, data})
			}
		}
		out = append(out, nestedResources(child, p)...)
	}
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			visit(v[k], at+"."+k)
		}
	case []any:
		for i, item := range v {
			visit(item, fmt.Sprintf("%s[%d]", at, i))
		}
	}
	return out
}

// firstDiff describes the first difference between two decoded JSON
// values, or returns "" when they are equal.
func firstDiff(want, got any, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want an object, got %T", at, got)
		}
		all := maps.Clone(w)
		maps.Copy(all, g)
		for _, k := range slices.Sorted(maps.Keys(all)) {
			wv, inW := w[k]
			gv, inG := g[k]
			switch {
			case !inG:
				return fmt.Sprintf("%s.%s: missing", at, k)
			case !inW:
				return fmt.Sprintf("%s.%s: unexpected %v", at, k, gv)
			}
			if d := firstDiff(wv, gv, at+"."+k); d != "" {
				return d
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: want %d items, got %v", at, len(w), got)
		}
		for i := range w {
			if d := firstDiff(w[i], g[i], fmt.Sprintf("%s[%d]", at, i)); d != "" {
				return d
			}
		}
	default: // string, json.Number, bool, nil: json.Number compares as its text
		if want != got {
			return fmt.Sprintf("%s: want %#v, got %#v", at, want, got)
		}
	}
	return ""
}
