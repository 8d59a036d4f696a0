package fhirmap

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"goemr/internal/fhir/r4"
)

// The Synthea sample (100 patients as Synthea v2.5 writes them, with the
// practitioners and hospitals they refer to): every resource of a type a
// FromFHIR maps must be accepted, as an import stores them all.
const syntheaArchive = "../../../shared/data/synthea/synthea-100.tar.gz"

var synthea struct {
	once    sync.Once
	err     error
	entries []syntheaEntry    // every entry's resource
	types   map[string]string // entry id → its resource type
}

type syntheaEntry struct {
	typ string
	raw json.RawMessage
}

// urnRef is a reference to another entry by its fullUrl.
var urnRef = regexp.MustCompile(`"reference":\s*"urn:uuid:([0-9a-f-]{36})"`)

func loadSynthea() {
	f, err := os.Open(syntheaArchive)
	if err != nil {
		synthea.err = err
		return
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		synthea.err = err
		return
	}
	types := map[string]string{} // entry uuid → resource type
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			synthea.err = err
			return
		}
		if !strings.HasSuffix(h.Name, ".json") {
			continue
		}
		var b struct {
			Entry []struct {
				Resource json.RawMessage `json:"resource"`
			} `json:"entry"`
		}
		if err := json.NewDecoder(tr).Decode(&b); err != nil {
			synthea.err = err
			return
		}
		for _, e := range b.Entry {
			var head struct{ ResourceType, ID string }
			if json.Unmarshal(e.Resource, &head) == nil {
				types[head.ID] = head.ResourceType
			}
			synthea.entries = append(synthea.entries, syntheaEntry{head.ResourceType, e.Resource})
		}
	}
	synthea.types = types
}

// eachSynthea calls fn with the JSON of every Synthea resource of type typ
// and a WriteContext that resolves every resource the sample holds (to
// key "1"), as an import that wrote them before would.
func eachSynthea(t *testing.T, typ string, fn func(raw json.RawMessage, w *WriteContext)) {
	t.Helper()
	synthea.once.Do(loadSynthea)
	if synthea.err != nil {
		t.Fatal(synthea.err)
	}
	w := &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
		return "1", synthea.types[id] == typ, nil
	}}
	n := 0
	for _, e := range synthea.entries {
		if e.typ != typ {
			continue
		}
		n++
		// A reference to another entry by its fullUrl, as an import
		// rewrites it to the entry's type and id.
		fn(urnRef.ReplaceAllFunc(e.raw, func(m []byte) []byte {
			id := string(urnRef.FindSubmatch(m)[1])
			return []byte(`"reference":"` + synthea.types[id] + "/" + id + `"`)
		}), w)
	}
	if n == 0 {
		t.Fatalf("no %s in the Synthea sample", typ)
	}
}

// acceptsSynthea checks that from maps every Synthea resource of typ, and
// returns the values it mapped, for checks of their content.
func acceptsSynthea(t *testing.T, typ string, from func(r4.Resource, *WriteContext) (map[string]any, error)) []map[string]any {
	t.Helper()
	var out []map[string]any
	failed := 0
	eachSynthea(t, typ, func(raw json.RawMessage, w *WriteContext) {
		v, err := from(fromJSON(t, string(raw)), w)
		if err != nil {
			if failed++; failed <= 3 {
				t.Errorf("%v\n%s", err, raw)
			}
			return
		}
		out = append(out, v)
	})
	if failed > 0 {
		t.Errorf("%d of the Synthea %s refused", failed, typ)
	}
	return out
}
