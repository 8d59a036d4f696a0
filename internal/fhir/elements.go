package fhir

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// subsetTag marks a resource with elements left out (R4 search.html#elements).
const subsetTag = `{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"SUBSETTED","display":"subsetted"}`

// parseElements reads _elements: top-level element names of m's type.
func parseElements(v string) []string {
	var out []string
	for _, e := range strings.Split(v, ",") {
		e = strings.TrimSpace(e)
		if _, name, ok := strings.Cut(e, "."); ok { // "Patient.name" is allowed too
			e = name
		}
		if e != "" {
			out = append(out, e)
		}
	}
	return out
}

// subset keeps the named top-level elements of a JSON resource, with the
// ones every resource keeps (resourceType, id, meta), and tags it
// SUBSETTED so no client mistakes it for the whole.
func subset(body []byte, elements []string) []byte {
	var fields map[string]json.RawMessage
	if len(elements) == 0 || json.Unmarshal(body, &fields) != nil {
		return body
	}
	meta := map[string]json.RawMessage{}
	if raw, ok := fields["meta"]; ok {
		_ = json.Unmarshal(raw, &meta)
	}
	var tags []json.RawMessage
	if raw, ok := meta["tag"]; ok {
		_ = json.Unmarshal(raw, &tags)
	}
	tags = append(tags, json.RawMessage(subsetTag))
	meta["tag"], _ = json.Marshal(tags)
	fields["meta"], _ = json.Marshal(meta)

	var b bytes.Buffer
	b.WriteString(`{"resourceType":`)
	b.Write(fields["resourceType"])
	keys := make([]string, 0, len(fields))
	for k := range fields {
		if k == "id" || k == "meta" || slices.Contains(elements, strings.TrimPrefix(k, "_")) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.WriteString(`,"` + k + `":`)
		b.Write(fields[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}
