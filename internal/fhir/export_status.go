package fhir

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"goemr/internal/emr"
)

// serveBulk routes the Bulk Data endpoints; handled is false for any
// other path.
func (s *Server) serveBulk(c *call, parts []string) (handled bool, err error) {
	switch {
	case len(parts) == 1 && parts[0] == "$export":
		return true, s.kickOff(c, emr.ExportSystem, "")
	case len(parts) == 2 && parts[0] == "Patient" && parts[1] == "$export":
		return true, s.kickOff(c, emr.ExportPatient, "")
	case len(parts) == 3 && parts[0] == "Group" && parts[2] == "$export":
		return true, s.kickOff(c, emr.ExportGroup, parts[1])
	case len(parts) == 1 && parts[0] == "$bulkdata-status":
		return true, s.exportStatus(c)
	case len(parts) == 3 && parts[0] == "$bulkdata-file":
		return true, s.exportFile(c, parts[1], parts[2])
	}
	return false, nil
}

// exportJob authenticates the caller and finds its job; another client's
// job is a 404, as one that does not exist.
func (s *Server) exportJob(c *call, id string) (*emr.ExportJob, error) {
	c.m = exportOperation
	if s.o.Exports == nil {
		return nil, fail(http.StatusNotImplemented, "not-supported", "bulk export is not enabled on this server")
	}
	p, err := s.o.Auth.Authenticate(c.r.Context(), c.r, c.site)
	if err != nil {
		return nil, err
	}
	c.p = p
	if id == "" {
		return nil, emr.Errorf(emr.EINVALID, "the status URL needs the job parameter")
	}
	return s.o.Exports.Job(c.r.Context(), id, p.ClientID)
}

// exportStatus answers a status request (export.html#bulk-data-status-
// request): 202 with X-Progress and Retry-After while the job runs, 200
// with the manifest when it is done, a 500 OperationOutcome when it failed;
// DELETE cancels it (export.html#bulk-data-delete-request).
func (s *Server) exportStatus(c *call) error {
	if c.r.Method != http.MethodGet && c.r.Method != http.MethodDelete {
		return methodNotAllowed(c, "GET, DELETE")
	}
	id := c.r.URL.Query().Get("job")
	j, err := s.exportJob(c, id)
	if err != nil {
		return err
	}
	if c.r.Method == http.MethodDelete {
		if err := s.o.Exports.Cancel(c.r.Context(), j.ID, c.p.ClientID); err != nil {
			return err
		}
		c.w.Header().Set("Content-Type", fhirJSON+"; charset=utf-8")
		writeResource(c.w, http.StatusAccepted, outcome("information", "informational", "export job "+j.ID+" cancelled"))
		return nil
	}
	c.w.Header().Set("Cache-Control", "no-store")
	switch j.Status {
	case emr.ExportQueued, emr.ExportRunning:
		progress := "queued"
		if j.Status == emr.ExportRunning {
			progress = "running"
			if j.Progress != "" {
				progress += ": " + j.Progress
			}
		}
		c.w.Header().Set("X-Progress", progress)
		c.w.Header().Set("Retry-After", strconv.Itoa(retryAfter(j)))
		c.w.WriteHeader(http.StatusAccepted)
		return nil
	case emr.ExportFailed:
		return fail(http.StatusInternalServerError, "exception", "export job %s failed: %s", j.ID, j.Error)
	}
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.Header().Set("Expires", j.Expires.UTC().Format(http.TimeFormat))
	c.w.WriteHeader(http.StatusOK)
	return json.NewEncoder(c.w).Encode(s.manifest(c, j))
}

// retryAfter suggests when to poll again: soon for a job just queued,
// less often for a long one.
func retryAfter(j *emr.ExportJob) int {
	if j.Status == emr.ExportQueued || j.Started.IsZero() {
		return 1
	}
	return 2
}

// manifest is the complete-status body (export.html#response---complete-
// status).
type manifest struct {
	TransactionTime     string          `json:"transactionTime"`
	Request             string          `json:"request"`
	RequiresAccessToken bool            `json:"requiresAccessToken"`
	Output              []manifestEntry `json:"output"`
	Error               []manifestEntry `json:"error"`
}

type manifestEntry struct {
	Type  string `json:"type"`
	URL   string `json:"url"`
	Count int64  `json:"count"`
}

func (s *Server) manifest(c *call, j *emr.ExportJob) *manifest {
	m := &manifest{TransactionTime: exportTime(j.Started), Request: j.Request, RequiresAccessToken: true,
		Output: []manifestEntry{}, Error: []manifestEntry{}}
	for _, f := range j.Output {
		e := manifestEntry{Type: f.Type, URL: c.base + "/$bulkdata-file/" + url.PathEscape(j.ID) + "/" + url.PathEscape(f.Name), Count: f.Count}
		if f.Error {
			m.Error = append(m.Error, e)
		} else {
			m.Output = append(m.Output, e)
		}
	}
	return m
}
