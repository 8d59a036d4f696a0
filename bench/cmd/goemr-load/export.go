package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"

	"goemr/internal/e2e"
)

// Bulk export scenarios: not a closed-loop load but one export at a time,
// timed from the kick-off to the status URL's 200. The figure is
// resources written per second (the manifest's counts over that time) and
// goemr's peak resident memory during the export: VmHWM (reset before
// each run through /proc/PID/clear_refs), which counts the pages of the
// SQLite file mapped into memory, and the highest RssAnon sampled while
// polling, the process's own memory (Go heap, SQLite page caches).
const (
	scExportSystem = "export_system"
	scExportGroup  = "export_group"
)

var exportScenarios = []string{scExportSystem, scExportGroup}

// Goal (issue 5): 50,000 resources/s with peak memory under 256 MiB.
const exportGoal = 50_000

const bulkScope = "system/*.$export system/*.$bulkdata-status system/*.rs"

// exportResult is one timed export.
type exportResult struct {
	resources int64
	files     int
	took      time.Duration
	peakRSS   int64 // bytes: VmHWM, file-backed pages (SQLite's mmap) included
	peakAnon  int64 // bytes: the highest RssAnon seen (heap, SQLite caches)
}

func (r *exportResult) rate() float64 { return float64(r.resources) / r.took.Seconds() }

// bulkTokens registers a backend services client for exports and returns
// a source of its tokens: system tokens live 5 minutes, and a long export
// outlives several, so each request takes a fresh one when the last is
// four minutes old (as a Bulk Data client re-authenticates).
func bulkTokens(s *setup) (func() (string, error), error) {
	srv := &e2e.Server{URL: s.base}
	key, jwks := e2e.RSAKey("bench-bulk")
	reg, _, err := srv.Register(map[string]any{
		"application_type": "private", "client_name": "bench bulk export",
		"redirect_uris":              []string{"https://bench.example.org/cb"},
		"token_endpoint_auth_method": "private_key_jwt", "jwks": jwks, "scope": bulkScope,
	})
	if err != nil {
		return nil, err
	}
	var tok string
	var at time.Time
	return func() (string, error) {
		if tok != "" && time.Since(at) < 4*time.Minute {
			return tok, nil
		}
		code, body, err := e2e.PostForm(s.tokenURL(), url.Values{"grant_type": {"client_credentials"}, "scope": {bulkScope},
			"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
			"client_assertion":      {e2e.Assertion(key, jose.RS384, reg.ClientID, s.tokenURL(), nil)}}, "", "")
		t, _ := body["access_token"].(string)
		if err != nil || code != 200 || t == "" {
			return "", fmt.Errorf("bulk token: %d %v %v", code, body, err)
		}
		tok, at = t, time.Now()
		return tok, nil
	}, nil
}

// exportPath is the kick-off path of a scenario: the whole system, or the
// largest group (a provider's patients).
func exportPath(sc string, s *setup, token string) (string, int, error) {
	if sc == scExportSystem {
		return "/apis/default/fhir/$export", 0, nil
	}
	var bundle struct {
		Entry []struct {
			Resource struct {
				ID       string `json:"id"`
				Quantity int    `json:"quantity"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := getJSON(s.base+"/apis/default/fhir/Group?_count=1000&_elements=quantity", token, &bundle); err != nil {
		return "", 0, err
	}
	best, n := "", 0
	for _, e := range bundle.Entry {
		if e.Resource.Quantity > n {
			best, n = e.Resource.ID, e.Resource.Quantity
		}
	}
	if best == "" {
		return "", 0, fmt.Errorf("no group to export")
	}
	return "/apis/default/fhir/Group/" + best + "/$export", n, nil
}

// runExport times one export of path by goemr process pid.
func runExport(s *setup, tokens func() (string, error), path string, pid int) (*exportResult, error) {
	token, err := tokens()
	if err != nil {
		return nil, err
	}
	os.WriteFile("/proc/"+strconv.Itoa(pid)+"/clear_refs", []byte("5"), 0) // reset VmHWM
	req, _ := http.NewRequest("GET", s.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/fhir+json")
	req.Header.Set("Prefer", "respond-async")
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	status := resp.Header.Get("Content-Location")
	if resp.StatusCode != http.StatusAccepted || status == "" {
		return nil, fmt.Errorf("kick-off: %d", resp.StatusCode)
	}
	var peakAnon int64
	for {
		time.Sleep(20 * time.Millisecond) // finer than Retry-After: the bench times the job
		peakAnon = max(peakAnon, procStatus(pid, "RssAnon:"))
		if token, err = tokens(); err != nil {
			return nil, err
		}
		req, _ := http.NewRequest("GET", status, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusAccepted {
			continue
		}
		took := time.Since(start)
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("status: %d %s", resp.StatusCode, raw)
		}
		var m struct {
			Output []struct{ Count int64 } `json:"output"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		r := &exportResult{took: took, files: len(m.Output), peakRSS: procStatus(pid, "VmHWM:"), peakAnon: peakAnon}
		for _, o := range m.Output {
			r.resources += o.Count
		}
		// Free the disk for the next run.
		del, _ := http.NewRequest("DELETE", status, nil)
		del.Header.Set("Authorization", "Bearer "+token)
		if resp, err := http.DefaultClient.Do(del); err == nil {
			resp.Body.Close()
		}
		return r, nil
	}
}

// procStatus reads a memory figure of /proc/PID/status, in bytes.
func procStatus(pid int, field string) int64 {
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
