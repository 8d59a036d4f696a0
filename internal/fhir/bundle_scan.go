package fhir

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// scanRefs calls fn with every "reference" member's string in raw, a
// resource's JSON, and returns raw with each replaced by what fn returns
// (raw itself when nothing changes). It scans the bytes rather than
// decoding: a key cannot hold an unescaped quote, so `"reference"`
// followed by a colon is a member named reference wherever it stands.
func scanRefs(raw []byte, fn func(ref string) string) ([]byte, error) {
	var out []byte
	key := []byte(`"reference"`)
	done := 0 // raw[:done] is in out already
	for at := 0; ; {
		i := bytes.Index(raw[at:], key)
		if i < 0 {
			break
		}
		at += i + len(key)
		j := at
		for j < len(raw) && isSpace(raw[j]) {
			j++
		}
		if j >= len(raw) || raw[j] != ':' {
			continue // a string value "reference", not a member
		}
		for j++; j < len(raw) && isSpace(raw[j]); j++ {
		}
		if j >= len(raw) || raw[j] != '"' {
			continue // not a string: not a Reference.reference
		}
		end := stringEnd(raw, j)
		if end < 0 {
			return nil, fail(http.StatusBadRequest, "structure", "the resource is not JSON: an unterminated string")
		}
		var ref string
		if err := json.Unmarshal(raw[j:end], &ref); err != nil {
			return nil, fail(http.StatusBadRequest, "structure", "the resource is not JSON: %v", err)
		}
		if to := fn(ref); to != ref {
			q, _ := json.Marshal(to)
			out = append(append(out, raw[done:j]...), q...)
			done = end
		}
		at = end
	}
	if out == nil {
		return raw, nil
	}
	return append(out, raw[done:]...), nil
}

// stringEnd is the index after the JSON string starting at raw[start]
// (a quote), -1 when it does not end.
func stringEnd(raw []byte, start int) int {
	for k := start + 1; k < len(raw); k++ {
		switch raw[k] {
		case '\\':
			k++
		case '"':
			return k + 1
		}
	}
	return -1
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// collectRefs lists the reference strings of a resource.
func collectRefs(raw json.RawMessage) ([]string, error) {
	var refs []string
	_, err := scanRefs(raw, func(ref string) string { refs = append(refs, ref); return ref })
	return refs, err
}
