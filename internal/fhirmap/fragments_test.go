package fhirmap

import (
	"encoding/json"
	"strings"
	"testing"

	"goemr/internal/fhir/r4"
)

// checkFragments checks that res, as JSON, has every fragment of want and
// none of not: the mapping tests state what a record must and must not
// become.
func checkFragments(t *testing.T, name string, res r4.Resource, want, not []string) {
	t.Helper()
	body, err := json.Marshal(res)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, w := range want {
		if !strings.Contains(string(body), w) {
			t.Errorf("%s: no %s in %s", name, w, body)
		}
	}
	for _, n := range not {
		if strings.Contains(string(body), n) {
			t.Errorf("%s: unexpected %s in %s", name, n, body)
		}
	}
}
