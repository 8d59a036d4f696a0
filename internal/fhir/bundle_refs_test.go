package fhir

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestScanRefs: every "reference" member is found and replaced, wherever
// it stands and however it is spaced or escaped; strings that merely say
// "reference" are left alone.
func TestScanRefs(t *testing.T) {
	for _, c := range []struct {
		in, out string
		refs    []string
	}{
		{`{"subject":{"reference":"urn:a"}}`, `{"subject":{"reference":"Patient/1"}}`, []string{"urn:a"}},
		{`{"contained":[{"resourceType":"Coverage","payor":[{"reference" : "urn:a","display":"reference"}]}],` +
			`"extension":[{"url":"x","valueReference":{"reference":` + "\n" + `"urn:b"}}],"note":[{"text":"\"reference\": \"urn:a\""}]}`,
			`{"contained":[{"resourceType":"Coverage","payor":[{"reference" : "Patient/1","display":"reference"}]}],` +
				`"extension":[{"url":"x","valueReference":{"reference":` + "\n" + `"Patient/2"}}],"note":[{"text":"\"reference\": \"urn:a\""}]}`,
			[]string{"urn:a", "urn:b"}},
		{`{"subject":{"reference":"Patient?identifier=a\u007cb"},"x":"\\"}`, `{"subject":{"reference":"Patient/3"},"x":"\\"}`, []string{"Patient?identifier=a|b"}},
		{`{"subject":{"reference":"#contained"},"list":["reference"]}`, `{"subject":{"reference":"#contained"},"list":["reference"]}`, []string{"#contained"}},
	} {
		var refs []string
		out, err := scanRefs([]byte(c.in), func(ref string) string {
			refs = append(refs, ref)
			if to, ok := map[string]string{"urn:a": "Patient/1", "urn:b": "Patient/2", "Patient?identifier=a|b": "Patient/3"}[ref]; ok {
				return to
			}
			return ref
		})
		if err != nil || string(out) != c.out || !reflect.DeepEqual(refs, c.refs) || !json.Valid(out) {
			t.Errorf("%s:\n got %s %q %v\nwant %s %q", c.in, out, refs, err, c.out, c.refs)
		}
	}
	if _, err := scanRefs([]byte(`{"subject":{"reference":"urn:a`), func(s string) string { return s }); err == nil {
		t.Error("an unterminated string is not JSON")
	}
}

// TestRefKey: conditional references on one identifier are looked up
// unescaped; anything else as it is.
func TestRefKey(t *testing.T) {
	for in, want := range map[string]string{
		"Patient?identifier=http%3A%2F%2Fx%7C1": "Patient?identifier=http://x|1",
		"Patient?identifier=http://x|1":         "Patient?identifier=http://x|1",
		"Patient?name=x":                        "Patient?name=x",
		"urn:uuid:1":                            "urn:uuid:1",
		"http://x/fhir/Patient?identifier=a|b":  "http://x/fhir/Patient?identifier=a|b",
	} {
		if got := refKey(in); got != want {
			t.Errorf("refKey(%q) = %q, want %q", in, got, want)
		}
	}
}
