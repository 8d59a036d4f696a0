package fhir

import "net/http"

// runReads answers the GET entries as the same requests on their own
// would be answered, with the Bundle's token.
func (s *Server) runReads(run *bundleRun) {
	c := run.c
	for _, e := range run.entries {
		if e.method != http.MethodGet || e.planErr != nil {
			continue
		}
		rec := newRecorder()
		req, err := http.NewRequestWithContext(c.r.Context(), http.MethodGet, "/apis/"+c.site+"/fhir/"+e.url, nil)
		if err != nil {
			e.planErr = fail(http.StatusBadRequest, "invalid", "request.url %q is not a URL", e.url)
			continue
		}
		sub := &call{w: rec, r: req, site: c.site, base: c.base, p: c.p}
		if err := s.serve(sub); err != nil {
			writeError(rec, req, err)
		}
		e.answer, e.status = rec, rec.status
	}
}

// recorder keeps a response in memory: a GET entry's answer.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	r.body = append(r.body, p...)
	return len(p), nil
}
