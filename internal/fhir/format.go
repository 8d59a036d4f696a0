package fhir

import (
	"encoding/json"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// Media types (R4 http.html#2.21.0.6 "Content Types and encodings").
const (
	fhirJSON  = "application/fhir+json"
	plainJSON = "application/json"
)

// negotiate picks the response's media type from _format, then Accept,
// and sets it on w. JSON is the only format goemr writes: asking for XML
// (or anything else no JSON type satisfies) is a 406.
func negotiate(w http.ResponseWriter, r *http.Request) error {
	ct := fhirJSON
	if f := r.URL.Query().Get("_format"); f != "" {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case "json", fhirJSON, plainJSON:
			if strings.EqualFold(f, plainJSON) {
				ct = plainJSON
			}
		default:
			return fail(http.StatusNotAcceptable, "not-supported", "_format %q is not supported: goemr answers in JSON only (_format=json)", f)
		}
	} else if accept := r.Header.Get("Accept"); accept != "" {
		var ok bool
		if ct, ok = fromAccept(accept); !ok {
			return fail(http.StatusNotAcceptable, "not-supported", "none of the media types in Accept (%s) is one goemr writes: use application/fhir+json or application/json", accept)
		}
	}
	w.Header().Set("Content-Type", ct+"; charset=utf-8")
	return nil
}

// fromAccept returns the JSON type an Accept header admits, preferring
// FHIR's own; q=0 excludes a type (RFC 9110 §12.5.1).
func fromAccept(accept string) (string, bool) {
	plain := false
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		if q, err := strconv.ParseFloat(params["q"], 64); err == nil && q == 0 {
			continue
		}
		switch mt {
		case fhirJSON, "*/*", "application/*":
			return fhirJSON, true
		case plainJSON:
			plain = true
		}
	}
	if plain {
		return plainJSON, true
	}
	return "", false
}

// writeResource writes v as the response body, in the media type
// negotiate chose (FHIR JSON when it did not run).
func writeResource(w http.ResponseWriter, status int, v any) {
	body, err := encode(v)
	if err != nil {
		slog.Error("fhir: encode response", "err", err)
		status, body = http.StatusInternalServerError, []byte(`{"resourceType":"OperationOutcome","issue":[{"severity":"fatal","code":"exception","diagnostics":"the response could not be encoded"}]}`)
	}
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", fhirJSON+"; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// encode is json.Marshal without its second pass over a Marshaler's
// output: every r4 resource marshals itself (to put resourceType first),
// and json.Marshal would then re-scan and compact those bytes, which
// costs as much again as encoding them.
func encode(v any) ([]byte, error) {
	if m, ok := v.(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return json.Marshal(v)
}
