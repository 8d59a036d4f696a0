package restapi

import (
	"encoding/json"
	"testing"

	"goemr/internal/emr"
)

// TestEncode: the direct encoder writes what encoding/json writes.
func TestEncode(t *testing.T) {
	rec := emr.Record{"a": "x<y", "b": nil, "c": map[string]any{"I10": "y"}}
	env := newEnvelope([]emr.Record{rec, {"z": "1"}})
	env.Links = map[string]string{"first": "http://h/x?a=1&b=2"}
	for _, v := range []any{rec, []emr.Record{rec}, []emr.Record{}, env, newEnvelope(nil), newEnvelope(rec), map[string]int{"id": 3}, true} {
		got, err := encode(v)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(v)
		if string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}
