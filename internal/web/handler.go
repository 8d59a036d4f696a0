package web

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

// ErrorWriter writes err in a protocol's own shape (OAuth2 JSON, OpenEMR
// envelope, FHIR OperationOutcome). Each protocol has exactly one.
type ErrorWriter func(w http.ResponseWriter, r *http.Request, err error)

// HandlerFunc is an HTTP handler that returns its failure instead of writing
// it, so that every error of a protocol is shaped in one place (the habit of
// golang/pkgsite's handlers).
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Handle adapts h to http.Handler, writing any returned error with ew.
func Handle(ew ErrorWriter, h HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			ew(w, r, err)
		}
	})
}

// WriteJSON writes v as JSON with the given status and Content-Type.
func WriteJSON(w http.ResponseWriter, status int, contentType string, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		slog.Error("encode response", "err", err)
		http.Error(w, `{"error":"server_error"}`, http.StatusInternalServerError)
		return
	}
	if contentType == "" {
		contentType = "application/json"
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write(body)
}

// NoStore marks a response as never cacheable (RFC 6749 §5.1 for tokens and
// credentials).
func NoStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
}
