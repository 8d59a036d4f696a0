package fhirmap

import (
	"bytes"
	"encoding/json"
)

// ProvenanceJSON returns an encoder of the Provenance ProvenanceFor builds
// for organization org: the same bytes json.Marshal writes, produced by
// filling a template, for bulk exports that write one Provenance per
// clinical resource. A value with a byte outside plainJSON's set (which
// JSON would escape) is encoded the slow way.
func ProvenanceJSON(org string) func(targetType, targetID, recorded string) ([]byte, error) {
	const typ, id, rec = "TYPE0TYPE", "ID0ID", "REC0REC"
	tmpl, err := json.Marshal(ProvenanceFor(typ, id, rec, org))
	slow := func(t, i, r string) ([]byte, error) { return json.Marshal(ProvenanceFor(t, i, r, org)) }
	if err != nil || !plain(org) {
		return slow
	}
	// The template split at the placeholders: parts[k] is followed by the
	// value of holes[k].
	var parts [][]byte
	var holes []int // 0 type, 1 id, 2 recorded
	rest := tmpl
	for {
		at, which := -1, -1
		for k, p := range []string{typ, id, rec} {
			if i := bytes.Index(rest, []byte(p)); i >= 0 && (at < 0 || i < at) {
				at, which = i, k
			}
		}
		if at < 0 {
			parts = append(parts, rest)
			break
		}
		parts = append(parts, rest[:at])
		holes = append(holes, which)
		rest = rest[at+len([]string{typ, id, rec}[which]):]
	}
	if len(holes) != 6 { // type and id twice, recorded twice: else org held a placeholder
		return slow
	}
	size := len(tmpl)
	return func(t, i, r string) ([]byte, error) {
		if !plain(t) || !plain(i) || !plain(r) {
			return slow(t, i, r)
		}
		values := [3]string{t, i, r}
		out := make([]byte, 0, size+2*len(i)+2*len(r))
		for k, h := range holes {
			out = append(out, parts[k]...)
			out = append(out, values[h]...)
		}
		return append(out, parts[len(parts)-1]...), nil
	}
}

// plain reports whether s holds only bytes JSON writes as they are and
// no placeholder could be confused with: letters, digits and ".:-+".
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == ':' || c == '-' || c == '+') {
			return false
		}
	}
	return true
}
