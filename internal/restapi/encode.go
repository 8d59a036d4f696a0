package restapi

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"

	"goemr/internal/emr"
)

// encode writes v as JSON. Records, lists of records and envelopes of
// them, which are nearly every response, are written directly from their
// own encoder; encoding/json would re-scan the encoder's output to check
// it, a third of the cost of a large record.
func encode(v any) ([]byte, error) {
	b := make([]byte, 0, 2048)
	return appendValue(b, v)
}

func appendValue(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case emr.Record:
		return x.AppendJSON(b, x.SortedKeys())
	case []emr.Record:
		b = append(b, '[')
		var keys []string
		for i, r := range x {
			if i > 0 {
				b = append(b, ',')
			}
			if !r.SameKeys(keys) {
				keys = r.SortedKeys()
			}
			var err error
			if b, err = r.AppendJSON(b, keys); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case *envelope:
		b = append(b, `{"validationErrors":`...)
		var err error
		for i, part := range []any{x.ValidationErrors, x.InternalErrors, x.Data, x.Links} {
			if i > 0 {
				b = append(b, []string{"", `,"internalErrors":`, `,"data":`, `,"links":`}[i]...)
			}
			if b, err = appendValue(b, part); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	raw, err := json.Marshal(v)
	return append(b, raw...), err
}

// writeJSON sends v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := encode(v)
	if err != nil {
		slog.Error("encode response", "err", err)
		body, status = []byte(`{"error":"Internal Server Error","message":"the response could not be encoded","code":500}`), http.StatusInternalServerError
	}
	writeBody(w, status, body)
}

// writeBody sends a JSON body with its length, so net/http writes it in
// one piece instead of chunks.
func writeBody(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	w.Write(body)
}

var jsonContentType = []string{"application/json"}
