package fhirmap

import (
	"encoding/json"
	"testing"
)

func TestProvenanceJSON(t *testing.T) {
	for _, org := range []string{"9b1d2c3e-0000-4000-8000-000000000001", `odd"org`} {
		enc := ProvenanceJSON(org)
		for _, tc := range [][3]string{
			{"Observation", "0190f3a4-5b6c-7d8e-9f00-112233445566-bp", "2026-01-02T03:04:05Z"},
			{"Patient", "1", "2026-11-29T00:00:00Z"},
			{"Condition", "TYPE0TYPE", "ID0ID"},          // the placeholders themselves
			{"Condition", "a&b", "2026-11-29T00:00:00Z"}, // escaped by JSON: the slow way
		} {
			got, err := enc(tc[0], tc[1], tc[2])
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(ProvenanceFor(tc[0], tc[1], tc[2], org))
			if string(got) != string(want) {
				t.Errorf("org %q, %v:\n got %s\nwant %s", org, tc, got, want)
			}
		}
	}
}
