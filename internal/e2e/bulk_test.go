package e2e

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestBulkDataGroupExport runs a Bulk Data client against the real binary
// and repeats the Bulk Data test kit's checks (conformance-targets.md,
// "Bulk Data test kit checks"): the CapabilityStatement, kick-off without
// and with a token, polling with Retry-After, the manifest, authorized
// NDJSON downloads whose every line is a valid US Core resource of the
// file's type, the group's patients and no others, _outputFormat and
// _since variants, and cancel.
func TestBulkDataGroupExport(t *testing.T) {
	requireNPM(t)
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		c := newBulkClient(t, s)

		// The CapabilityStatement declares export on the system, Patient
		// and Group, and instantiates the bulk-data statement.
		_, body := c.do(t, "GET", s.FHIRBase()+"/metadata", false)
		var cs struct {
			Instantiates []string `json:"instantiates"`
			Rest         []struct {
				Operation []struct{ Name, Definition string } `json:"operation"`
				Resource  []struct {
					Type      string                              `json:"type"`
					Operation []struct{ Name, Definition string } `json:"operation"`
				} `json:"resource"`
			} `json:"rest"`
		}
		json.Unmarshal(body, &cs)
		if !slices.Contains(cs.Instantiates, "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data") ||
			len(cs.Rest) == 0 || len(cs.Rest[0].Operation) == 0 || cs.Rest[0].Operation[0].Name != "export" {
			t.Fatalf("CapabilityStatement does not declare bulk export: %.500s", body)
		}
		for _, r := range cs.Rest[0].Resource {
			if (r.Type == "Group" || r.Type == "Patient") && (len(r.Operation) == 0 || r.Operation[0].Name != "export") {
				t.Errorf("%s does not declare export", r.Type)
			}
		}

		// A group of at least two patients.
		_, body = c.do(t, "GET", s.FHIRBase()+"/Group?_count=100", true)
		var groups struct {
			Entry []struct {
				Resource struct {
					ID     string `json:"id"`
					Member []struct {
						Entity struct{ Reference string } `json:"entity"`
					} `json:"member"`
				} `json:"resource"`
			} `json:"entry"`
		}
		json.Unmarshal(body, &groups)
		var group string
		var members []string
		for _, g := range groups.Entry {
			if len(g.Resource.Member) >= 2 && len(g.Resource.Member) > len(members) {
				group, members = g.Resource.ID, nil
				for _, m := range g.Resource.Member {
					members = append(members, strings.TrimPrefix(m.Entity.Reference, "Patient/"))
				}
			}
		}
		if group == "" {
			t.Fatalf("no group of two or more patients: %.500s", body)
		}
		slices.Sort(members)
		kick := s.FHIRBase() + "/Group/" + group + "/$export"

		// Without a token: 401, no job.
		if resp, _ := c.do(t, "GET", kick, false, "Accept", "application/fhir+json", "Prefer", "respond-async"); resp.StatusCode != 401 {
			t.Errorf("kick-off without a token: %d", resp.StatusCode)
		}

		status := c.kickOff(t, "/Group/"+group+"/$export")
		m := c.wait(t, status, 2*time.Minute)
		if m.Request != kick || !m.RequiresAccessToken || m.Error == nil {
			t.Errorf("manifest: request %q, requiresAccessToken %v, error %v", m.Request, m.RequiresAccessToken, m.Error)
		}
		if _, err := time.Parse(time.RFC3339Nano, m.TransactionTime); err != nil {
			t.Errorf("transactionTime %q is not an instant", m.TransactionTime)
		}
		var all []json.RawMessage
		var patients []string
		byType := map[string]int{}
		for _, o := range m.Output {
			if !strings.HasPrefix(o.URL, s.URL+"/") {
				t.Fatalf("output url %q is not absolute on the server", o.URL)
			}
			if resp, _ := c.do(t, "GET", o.URL, false); resp.StatusCode != 401 {
				t.Errorf("download without the token: %d", resp.StatusCode)
			}
			lines := c.ndjson(t, o.URL)
			if len(lines) != o.Count {
				t.Errorf("%s: count %d, %d lines", o.URL, o.Count, len(lines))
			}
			for _, l := range lines {
				typ, id := resourceType(t, l)
				if typ != o.Type {
					t.Fatalf("a %s in the %s file %s", typ, o.Type, o.URL)
				}
				if typ == "Patient" {
					patients = append(patients, id)
				}
				byType[typ]++
			}
			all = append(all, lines...)
		}
		slices.Sort(patients)
		if !slices.Equal(patients, members) {
			t.Errorf("exported patients %v, group members %v", patients, members)
		}
		// Each compartment type holds exactly what a search per member
		// finds, and the referenced directory types are there.
		compartment := 0
		for _, typ := range bulkTypes {
			if slices.Contains([]string{"Patient", "Provenance", "Practitioner", "Organization", "Location", "Medication"}, typ) {
				continue
			}
			want := 0
			for _, p := range members {
				resp, body := c.do(t, "GET", s.FHIRBase()+"/"+typ+"?patient="+p+"&_summary=count", true)
				var n struct{ Total int }
				if resp.StatusCode != 200 || json.Unmarshal(body, &n) != nil {
					t.Fatalf("%s?patient=%s: %d %s", typ, p, resp.StatusCode, body)
				}
				want += n.Total
			}
			if byType[typ] != want {
				t.Errorf("%s: %d exported, %d found by searching each member", typ, byType[typ], want)
			}
			compartment += want
		}
		if byType["Provenance"] != compartment+len(members) {
			t.Errorf("%d Provenance for %d compartment resources", byType["Provenance"], compartment+len(members))
		}
		for _, typ := range []string{"Condition", "Observation", "Encounter", "Practitioner", "Organization"} {
			if byType[typ] == 0 {
				t.Errorf("no %s in the group export (%v)", typ, byType)
			}
		}
		for _, typ := range []string{"Group", "ValueSet", "Person"} {
			if byType[typ] > 0 {
				t.Errorf("%d %s in a group export", byType[typ], typ)
			}
		}
		// Every line is a valid US Core resource of its type.
		memberRef := regexp.MustCompile(`"reference":"Patient/([^"]+)"`)
		for _, raw := range all {
			for _, ref := range memberRef.FindAllStringSubmatch(string(raw), -1) {
				if !slices.Contains(members, ref[1]) {
					t.Fatalf("a resource of another patient: %.300s", raw)
				}
			}
		}
		failed := 0
		for i, v := range ValidateUSCore(t, all) {
			if len(v.Errors) > 0 && failed < 10 {
				typ, id := resourceType(t, all[i])
				t.Errorf("%s/%s: %v", typ, id, v.Errors)
				failed++
			}
		}
		t.Logf("%d resources in %d files validated: %v", len(all), len(m.Output), byType)

		// Bulk Data 2.0 parameter variants are accepted.
		for _, q := range []string{"_outputFormat=application%2Ffhir%2Bndjson", "_outputFormat=application%2Fndjson",
			"_outputFormat=ndjson", "_since=2020-01-01T00:00:00Z"} {
			c.wait(t, c.kickOff(t, "/Group/"+group+"/$export?_type=Patient&"+q), time.Minute)
		}

		// Cancel: 202, then the status URL is a 404 OperationOutcome.
		status = c.kickOff(t, "/Group/"+group+"/$export")
		if resp, body := c.do(t, "DELETE", status, true); resp.StatusCode != http.StatusAccepted {
			t.Fatalf("cancel: %d %s", resp.StatusCode, body)
		}
		resp, body := c.do(t, "GET", status, true, "Accept", "application/json")
		if resp.StatusCode != 404 || !strings.Contains(string(body), `"OperationOutcome"`) {
			t.Errorf("status after cancel: %d %s", resp.StatusCode, body)
		}
	})
}
