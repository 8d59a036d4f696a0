package fhir

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"goemr/internal/fhir/r4"
)

// writeBundle writes a searchset. Its entries' resources are JSON already
// (they were encoded once, by entry); encoding/json would validate and
// copy each again, a quarter of a search's time, so the entries are
// spliced in as they are and only the rest goes through encoding/json.
func writeBundle(w http.ResponseWriter, b *r4.Bundle) {
	entries := b.Entry
	b.Entry = nil
	head, err := json.Marshal(b)
	b.Entry = entries
	if err != nil || len(entries) == 0 {
		writeResource(w, http.StatusOK, b)
		return
	}
	var out bytes.Buffer
	out.Grow(len(head) + 512*len(entries))
	out.Write(head[:len(head)-1]) // without its closing brace
	out.WriteString(`,"entry":[`)
	for i, e := range entries {
		if i > 0 {
			out.WriteByte(',')
		}
		out.WriteByte('{')
		if e.FullUrl != nil {
			out.WriteString(`"fullUrl":`)
			writeString(&out, *e.FullUrl)
			out.WriteByte(',')
		}
		out.WriteString(`"resource":`)
		out.Write(e.Resource)
		if e.Search != nil && e.Search.Mode != nil {
			out.WriteString(`,"search":{"mode":`)
			writeString(&out, *e.Search.Mode)
			out.WriteByte('}')
		}
		out.WriteByte('}')
	}
	out.WriteString("]}")
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", fhirJSON+"; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(out.Len()))
	w.WriteHeader(http.StatusOK)
	w.Write(out.Bytes())
}

// writeString writes s as a JSON string.
func writeString(out *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	out.Write(q)
}
