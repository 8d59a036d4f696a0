package fhir

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// maxResource bounds a create or update body.
const maxResource = 4 << 20

// readResource reads the body of a create or update: FHIR JSON (415
// otherwise), one resource of the call's type, every element one R4
// defines (strict decoding: a misspelt element is an error, not lost).
func readResource(c *call) (r4.Resource, error) {
	mt, _, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || mt != fhirJSON && mt != plainJSON {
		return nil, fail(http.StatusUnsupportedMediaType, "not-supported", "a %s must be sent as application/fhir+json", c.m.Type)
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, c.r.Body, maxResource))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, fail(http.StatusRequestEntityTooLarge, "too-costly", "a resource may have at most %d bytes", maxResource)
	}
	if err != nil {
		return nil, emr.Errorf(emr.EINVALID, "the body cannot be read: %v", err)
	}
	res, err := r4.Decode(body, true)
	if err != nil {
		return nil, fail(http.StatusBadRequest, "structure", "the body is not a FHIR R4 resource: %s", strings.TrimPrefix(err.Error(), "r4: "))
	}
	if res.ResourceType() != c.m.Type {
		return nil, fail(http.StatusBadRequest, "invalid", "a %s was sent to the %s endpoint", res.ResourceType(), c.m.Type)
	}
	return res, nil
}

// invalidInput is a 400 with one issue per rule a write broke.
type invalidInput struct {
	issues []r4.OperationOutcomeIssue
}

func (e *invalidInput) Error() string { return fmt.Sprintf("%d validation errors", len(e.issues)) }

// validate checks the mapped values against the table's own rules, the
// same ones the Standard API applies (resource.Validate), and names each
// failure by the FHIR element it came from.
func (s *Server) validate(c *call, r resource.Reader, values map[string]any, create bool) error {
	in := resource.Input{}
	for k, v := range values {
		if sv, ok := v.(string); ok && sv == "" && !create {
			in[k] = ""
			continue
		}
		in[k] = v
	}
	errs := resource.Errors{}
	if err := resource.Validate(c.r.Context(), c.m.Writes(), in, create, r, errs); err != nil {
		return err
	}
	if len(errs) == 0 {
		return nil
	}
	fields := make([]string, 0, len(errs))
	for f := range errs {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	bad := &invalidInput{}
	for _, f := range fields {
		path := c.m.Type + "." + f
		if p, ok := c.m.Paths[f]; ok {
			path = p
		}
		rules, _ := errs[f].(map[string]string)
		for _, msg := range rules {
			bad.issues = append(bad.issues, r4.OperationOutcomeIssue{
				Severity: ptr("error"), Code: ptr("invalid"), Diagnostics: ptr(msg), Expression: []string{path},
			})
		}
	}
	return bad
}

// ifMatch reads If-Match (R4 http.html#concurrency): W/"3", "3" or 3;
// 0 when absent.
func ifMatch(r *http.Request) (int64, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, nil
	}
	v := strings.Trim(strings.TrimPrefix(h, "W/"), `"`)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, fail(http.StatusBadRequest, "invalid", "If-Match must name a version, as W/\"3\", not %q", h)
	}
	return n, nil
}

// resourceID is the id a resource carries, "" when none.
func resourceID(res r4.Resource) string {
	body, _ := json.Marshal(res)
	var head struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &head)
	return head.ID
}
