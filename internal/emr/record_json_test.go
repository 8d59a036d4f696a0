package emr

import (
	"encoding/json"
	"testing"
)

// TestRecordJSON: the fast encoder writes exactly what encoding/json
// writes for the same map.
func TestRecordJSON(t *testing.T) {
	r := Record{
		"plain": "abc", "null": nil, "quote": `a"b\c`, "ctl": "a\nb\tc\rd\x01\x1f", "html": "<a href='x'>&</a>",
		"utf8": "Zoë 日本 \u2028\u2029", "bad": "a\xffb", "map": map[string]any{"I10": map[string]string{"code": "I10"}},
		"list": []any{1, "x"}, "bool": true, "num": 12.5, "": "empty key", "é": "key",
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(map[string]any(r))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var back map[string]any
	if err := json.Unmarshal(got, &back); err != nil || back["quote"] != `a"b\c` {
		t.Errorf("round trip: %v %v", err, back)
	}
}
