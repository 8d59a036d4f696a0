package main

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"goemr/internal/emr"
)

const bulkScopes = "system/*.$export system/*.$bulkdata-status system/*.rs"

// TestBulkExportSystem runs a whole system-level export (Bulk Data 2.0
// export.html): kick-off, polling, the manifest, authorized downloads of
// files whose every line is a resource of the file's type.
func TestBulkExportSystem(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		kick := c.kickOff(t, "/$export").Want(t, http.StatusAccepted)
		status := kick.Header.Get("Content-Location")
		if !strings.HasPrefix(status, e.URL+"/apis/default/fhir/$bulkdata-status?job=") {
			t.Fatalf("Content-Location = %q", status)
		}
		manifest, lines := c.export(t, "/$export")
		if manifest["requiresAccessToken"] != true || !strings.HasSuffix(manifest["request"].(string), "/fhir/$export") {
			t.Errorf("manifest = %v", manifest)
		}
		if tt, _ := manifest["transactionTime"].(string); len(tt) < 20 || !strings.HasSuffix(tt, "Z") {
			t.Errorf("transactionTime %q is not an instant", manifest["transactionTime"])
		}
		for typ, rs := range lines {
			seen := map[string]bool{}
			for _, r := range rs {
				if r["resourceType"] != typ {
					t.Fatalf("a %s line in the %s file", r["resourceType"], typ)
				}
				if id := r["id"].(string); seen[id] {
					t.Errorf("%s/%s written twice", typ, id)
				} else {
					seen[id] = true
				}
			}
		}
		// Every type with data is there, each resource once: compare
		// with searches.
		for _, typ := range []string{"Patient", "Condition", "Observation", "Encounter", "Practitioner", "Organization", "Group", "ValueSet", "Provenance"} {
			if len(lines[typ]) == 0 {
				t.Errorf("no %s exported", typ)
			}
		}
		for _, typ := range []string{"Patient", "Condition", "AllergyIntolerance", "Immunization", "Practitioner", "Observation", "Encounter", "MedicationRequest"} {
			n := e.Do("GET", "/fhir/"+typ+"?_summary=count", e.Admin, nil).Want(t, 200).Get("total").(float64)
			if int(n) != len(lines[typ]) {
				t.Errorf("%s: %d exported, %v searchable", typ, len(lines[typ]), n)
			}
		}
		if lines["Binary"] != nil || lines["OperationDefinition"] != nil {
			t.Error("Binary or OperationDefinition exported")
		}
		// The status URL keeps answering 200 until the files expire.
		c.poll(t, status).Want(t, http.StatusOK)
	})
}

// TestBulkExportParameters checks _type, _since, _typeFilter, _elements
// and _outputFormat.
func TestBulkExportParameters(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		_, lines := c.export(t, "/$export?_type=Patient,Condition&_outputFormat=application%2Fndjson")
		if len(lines) != 2 || len(lines["Patient"]) == 0 || len(lines["Condition"]) == 0 {
			t.Errorf("_type=Patient,Condition exported %v", keysOf(lines))
		}
		for _, f := range []string{"ndjson", "application/fhir%2Bndjson"} {
			// Each job is waited for: a client may run two at once.
			r := c.kickOff(t, "/Patient/$export?_type=Patient&_outputFormat="+f).Want(t, http.StatusAccepted)
			c.poll(t, r.Header.Get("Content-Location")).Want(t, http.StatusOK)
		}
		_, lines = c.export(t, "/$export?_type=Patient&_since=2999-01-01T00:00:00Z")
		if len(lines) != 0 {
			t.Errorf("_since in the future exported %v", keysOf(lines))
		}
		_, lines = c.export(t, "/$export?_type=Patient&_since=2000-01-01T00:00:00%2B02:00")
		if len(lines["Patient"]) == 0 {
			t.Error("_since in the past exported no patients")
		}
		_, lines = c.export(t, "/$export?_type=Observation&_typeFilter=Observation%3Fcategory%3Dvital-signs")
		if len(lines["Observation"]) == 0 {
			t.Fatal("no vital signs exported")
		}
		for _, o := range lines["Observation"] {
			if !strings.Contains(mustJSON(o["category"]), "vital-signs") {
				t.Fatalf("_typeFilter let through %v", o["category"])
			}
		}
		_, lines = c.export(t, "/$export?_type=Patient&_elements=Patient.gender")
		for _, p := range lines["Patient"] {
			if p["name"] != nil || p["gender"] == nil || !strings.Contains(mustJSON(p["meta"]), "SUBSETTED") {
				t.Fatalf("_elements=Patient.gender gave %v", p)
			}
		}
	})
}

// TestBulkExportErrors checks refused kick-offs: each a 4xx
// OperationOutcome, and no job.
func TestBulkExportErrors(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		for _, tc := range []struct {
			name, path string
			header     []string
			status     int
		}{
			{"no Prefer", "/$export", []string{"Prefer", ""}, 400},
			{"Accept XML", "/$export", []string{"Accept", "application/fhir+xml"}, 400},
			{"bad format", "/$export?_outputFormat=text/csv", nil, 400},
			{"bad since", "/$export?_since=yesterday", nil, 400},
			{"unknown type", "/$export?_type=Spaceship", nil, 400},
			{"not exported", "/$export?_type=Binary", nil, 400},
			{"outside compartment", "/Patient/$export?_type=ValueSet", nil, 400},
			{"filter on a type not exported", "/$export?_type=Patient&_typeFilter=Condition%3Fcategory%3Dproblem-list-item", nil, 400},
			{"filter with unknown parameter", "/$export?_type=Patient&_typeFilter=Patient%3Fshoe-size%3D3", nil, 400},
			{"bad element", "/$export?_elements=na%20me", nil, 400},
			{"patient at system level", "/$export?patient=Patient/x", nil, 400},
			{"unknown patient", "/Patient/$export?patient=Patient/nobody", nil, 400},
			{"unknown group", "/Group/no-such-group/$export", nil, 404},
			{"strict unknown parameter", "/$export?_spaceship=1", []string{"Prefer", "respond-async, handling=strict"}, 400},
			{"POST a non-Parameters body", "/$export", nil, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var r *Resp
				if tc.status == 0 {
					r = e.DoHeader("POST", "/fhir/$export", c.Token, `{"resourceType":"Patient"}`,
						"Content-Type", "application/fhir+json", "Prefer", "respond-async")
					tc.status = 400
				} else {
					r = c.kickOff(t, tc.path, tc.header...)
				}
				r.Want(t, tc.status)
				if r.Str("resourceType") != "OperationOutcome" || r.Header.Get("Content-Location") != "" {
					t.Errorf("%d %s", r.Status, r.Body)
				}
			})
		}
		e.DoHeader("GET", "/fhir/$export", "", nil, "Prefer", "respond-async").Want(t, http.StatusUnauthorized)
		e.DoHeader("GET", "/fhir/$export", e.Admin, nil, "Prefer", "respond-async").Want(t, http.StatusForbidden)
		narrow := newBulkClient(t, e, "system/Patient.$export system/Patient.rs")
		narrow.kickOff(t, "/$export").Want(t, http.StatusForbidden)
		narrow.kickOff(t, "/Patient/$export?_type=Condition").Want(t, http.StatusForbidden)
		narrow.kickOff(t, "/Patient/$export").Want(t, http.StatusAccepted)
	})
}

// TestBulkExportJobs checks that a job is its client's alone and that
// DELETE cancels it.
func TestBulkExportJobs(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		other := newBulkClient(t, e, bulkScopes)
		status := c.kickOff(t, "/Patient/$export?_type=Patient").Want(t, http.StatusAccepted).Header.Get("Content-Location")
		done := c.poll(t, status).Want(t, http.StatusOK)
		fileURL := done.Get("output", 0, "url").(string)
		path := strings.TrimPrefix(status, e.URL)

		// Another client sees no such job and no such file.
		e.DoHeader("GET", path, other.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("DELETE", path, other.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("GET", strings.TrimPrefix(fileURL, e.URL), other.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("GET", strings.TrimPrefix(fileURL, e.URL), "", nil).Want(t, http.StatusUnauthorized)

		// gzip and plain downloads hold the same lines.
		if plain, gz := c.download(t, fileURL, false), c.download(t, fileURL, true); len(plain) == 0 || len(plain) != len(gz) {
			t.Errorf("plain %d lines, gzip %d", len(plain), len(gz))
		}

		// DELETE cancels: 202, then the job and its files are gone.
		e.DoHeader("DELETE", path, c.Token, nil).Want(t, http.StatusAccepted)
		e.DoHeader("GET", path, c.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("GET", strings.TrimPrefix(fileURL, e.URL), c.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("DELETE", path, c.Token, nil).Want(t, http.StatusNotFound)
		e.DoHeader("GET", "/fhir/$bulkdata-status?job=nope", c.Token, nil).Want(t, http.StatusNotFound)
	})
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func mustJSON(v any) string {
	raw, _ := json.Marshal(v)
	return string(raw)
}

// TestBulkExportPostAndLimits: a POST kick-off with a Parameters body, and
// the per-client limit (two active jobs; a third is a 429 with
// Retry-After).
func TestBulkExportPostAndLimits(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		c := newBulkClient(t, e, bulkScopes)
		patient := demoPatient(1)
		body := `{"resourceType":"Parameters","parameter":[
			{"name":"_type","valueString":"Patient,Condition"},
			{"name":"_outputFormat","valueString":"application/fhir+ndjson"},
			{"name":"patient","valueReference":{"reference":"Patient/` + patient + `"}}]}`
		r := e.DoHeader("POST", "/fhir/Patient/$export", c.Token, body,
			"Content-Type", "application/fhir+json", "Accept", "application/fhir+json", "Prefer", "respond-async").Want(t, http.StatusAccepted)
		done := c.poll(t, r.Header.Get("Content-Location")).Want(t, http.StatusOK)
		for i := range done.Len("output") {
			for _, res := range c.download(t, done.Str("output", i, "url"), false) {
				if !strings.Contains(mustJSON(res), patient) {
					t.Fatalf("patient=%s exported %s", patient, mustJSON(res))
				}
			}
		}
		if done.Len("output") != 2 {
			t.Errorf("output %s", done.Body)
		}

		// Two jobs held by another process (claimed, running) fill the
		// client's slots.
		for _, id := range []string{"held-1", "held-2"} {
			j := &emr.ExportJob{ID: id, ClientID: c.id, Request: "r"}
			if err := e.Store.CreateExportJob(context.Background(), j, 0, 0); err != nil {
				t.Fatal(err)
			}
			if _, err := e.Store.ClaimExportJob(context.Background(), "another-process", time.Hour, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		r = c.kickOff(t, "/$export").Want(t, http.StatusTooManyRequests)
		if r.Header.Get("Retry-After") == "" || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("429 without Retry-After or OperationOutcome: %v %s", r.Header, r.Body)
		}
	})
}
