package fhir

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/fhirmap"
)

// responseBundle is the batch-response or transaction-response of a run
// (R4 http.html#transaction-response): per entry, in the order sent, its
// status, and the location, etag and lastModified of what it wrote; the
// answer of a read; the OperationOutcome of a refusal.
func (s *Server) responseBundle(run *bundleRun) *r4.Bundle {
	typ := "transaction-response"
	if run.batch {
		typ = "batch-response"
	}
	b := &r4.Bundle{Type: ptr(typ), Timestamp: ptr(time.Now().UTC().Format(time.RFC3339))}
	stamps := s.stamps(run)
	for _, e := range run.entries {
		resp := &r4.BundleEntryResponse{Status: ptr(statusLine(e.status))}
		out := r4.BundleEntry{Response: resp}
		switch {
		case e.answer != nil:
			h := e.answer.header
			resp.Etag = nonEmpty(h.Get("ETag"))
			if t, err := http.ParseTime(h.Get("Last-Modified")); err == nil {
				resp.LastModified = ptr(t.UTC().Format(time.RFC3339))
			}
			if e.status < 300 && json.Valid(e.answer.body) {
				out.Resource = e.answer.body
			} else if json.Valid(e.answer.body) {
				resp.Outcome = e.answer.body
			}
		case e.failure() != nil:
			status, oo := entryOutcome(run.c.r, e, e.failure())
			resp.Status = ptr(statusLine(status))
			resp.Outcome, _ = json.Marshal(oo)
		default:
			st := stamps[e.typ+"/"+e.newID]
			loc := e.typ + "/" + e.newID
			if st.version != "" {
				loc += "/_history/" + st.version
				resp.Etag = ptr(`W/"` + st.version + `"`)
			}
			resp.Location = &loc
			if !st.updated.IsZero() {
				resp.LastModified = ptr(st.updated.UTC().Format(time.RFC3339))
			}
		}
		b.Entry = append(b.Entry, out)
	}
	return b
}

// failure is why the entry was refused, nil when it was not.
func (e *bundleEntry) failure() error {
	if e.planErr != nil {
		return e.planErr
	}
	return e.err
}

func statusLine(status int) string { return strconv.Itoa(status) + " " + http.StatusText(status) }

// stamp is a written resource's version and update time.
type stamp struct {
	version string
	updated time.Time
}

// stamps reads the versions and update times of what a run wrote: a
// query per type and hundred resources, not one per entry.
func (s *Server) stamps(run *bundleRun) map[string]stamp {
	ids := map[string][]string{}
	for _, e := range run.entries {
		if e.newID != "" && e.failure() == nil {
			ids[e.typ] = append(ids[e.typ], e.newID)
		}
	}
	out := map[string]stamp{}
	ctx := run.c.r.Context()
	for typ, list := range ids {
		m := s.mappings[typ]
		for start := 0; start < len(list); start += 100 {
			chunk := list[start:min(start+100, len(list))]
			match := emr.Cond{Field: m.ID, Match: emr.In, Value: chunk}
			if m.IDConds != nil {
				var any []emr.Cond
				for _, id := range chunk {
					any = append(any, emr.And(m.ByID(id)...))
				}
				match = emr.Or(any...)
			}
			where := append(append([]emr.Cond(nil), m.Where...), match)
			recs, err := s.o.Records.List(ctx, m.Def, emr.Query{Where: where, Limit: len(chunk)})
			var mc *fhirmap.Context
			if err == nil {
				mc, err = s.mapContext(run.c, m, recs)
			}
			if err != nil {
				// The writes are committed: answer without their versions.
				slog.WarnContext(ctx, "fhir: bundle response versions", "type", typ, "err", err)
				continue
			}
			for _, rec := range recs {
				out[typ+"/"+rec.Str(m.ID)] = stamp{m.VersionOf(rec, mc), lastUpdated(m, rec)}
			}
		}
	}
	return out
}

// entryOutcome is the status and OperationOutcome of a refused entry:
// the one a request of its own would get, naming the entry.
func entryOutcome(r *http.Request, e *bundleEntry, err error) (int, *r4.OperationOutcome) {
	rec := newRecorder()
	writeError(rec, r, err)
	oo, ok := decodeOutcome(rec.body)
	if !ok {
		oo = outcome("error", "exception", "the entry failed")
	}
	for i := range oo.Issue {
		is := &oo.Issue[i]
		is.Diagnostics = ptr(e.label() + ": " + strOf(is.Diagnostics))
		is.Expression = append(is.Expression, fmt.Sprintf("Bundle.entry[%d]", e.index))
	}
	return rec.status, oo
}

// reasonOf is the status and the diagnostics of a refusal, as a line.
func reasonOf(r *http.Request, err error) (int, string) {
	rec := newRecorder()
	writeError(rec, r, err)
	oo, ok := decodeOutcome(rec.body)
	if !ok {
		return rec.status, err.Error()
	}
	var lines []string
	for _, is := range oo.Issue {
		lines = append(lines, strOf(is.Diagnostics))
	}
	return rec.status, strings.Join(lines, "; ")
}

func decodeOutcome(body []byte) (*r4.OperationOutcome, bool) {
	res, err := r4.Decode(body, false)
	oo, ok := res.(*r4.OperationOutcome)
	return oo, err == nil && ok && len(oo.Issue) > 0
}
