package fhir

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
)

// exportFile answers a file request (export.html#file-request): the NDJSON
// of one output file of the caller's completed job, gzip-compressed when
// the client accepts it (export.html: "servers SHOULD support
// Accept-Encoding: gzip").
func (s *Server) exportFile(c *call, id, name string) error {
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodHead {
		return methodNotAllowed(c, "GET")
	}
	if _, err := s.exportJob(c, id); err != nil {
		return err
	}
	f, err := s.o.Exports.Open(c.r.Context(), id, c.p.ClientID, name)
	if err != nil {
		return err
	}
	defer f.Close()
	h := c.w.Header()
	h.Set("Content-Type", "application/fhir+ndjson")
	h.Set("Cache-Control", "private, no-store")
	h.Add("Vary", "Accept-Encoding")
	if !acceptsGzip(c.r) {
		if st, err := f.Stat(); err == nil {
			http.ServeContent(c.w, c.r, name, st.ModTime(), f)
			return nil
		}
	}
	h.Set("Content-Encoding", "gzip")
	c.w.WriteHeader(http.StatusOK)
	if c.r.Method == http.MethodHead {
		return nil
	}
	zw, _ := gzip.NewWriterLevel(c.w, gzip.BestSpeed)
	if _, err := io.Copy(zw, f); err != nil {
		return nil // the client went away mid-file; the status is sent
	}
	zw.Close()
	return nil
}

// acceptsGzip reports whether Accept-Encoding admits gzip (RFC 9110
// §12.5.3; q=0 refuses it).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") || strings.Contains(params, "q=0.")
	}
	return false
}
