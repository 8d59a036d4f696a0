package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIROperationDefinition: the operations' definitions, read and
// searched with no token (as OpenEMR serves them), with HL7's canonical
// URLs, valid R4, and listed in the CapabilityStatement.
func TestFHIROperationDefinition(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		ids, r := fhirSearch(t, e, "", "OperationDefinition")
		want := []string{"export", "patient-export", "group-export", "bulkdata-status", "docref"}
		if !slices.Equal(ids, want) || r.Get("total") != float64(len(want)) {
			t.Fatalf("OperationDefinitions %v: %s", ids, r.Body)
		}
		canonical := map[string]string{
			"export":          "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
			"patient-export":  "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export",
			"group-export":    "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export",
			"bulkdata-status": e.URL + "/apis/default/fhir/OperationDefinition/bulkdata-status",
			"docref":          "http://hl7.org/fhir/us/core/OperationDefinition/docref",
		}
		for id, u := range canonical {
			od := e.Do("GET", "/fhir/OperationDefinition/"+id, "", nil).Want(t, 200)
			emrtest.ValidateFHIR(t, od.Body)
			if od.Str("url") != u || od.Str("kind") != "operation" || od.Str("status") != "active" || od.Str("name") == "" || od.Len("parameter") == 0 {
				t.Errorf("%s: %s", id, od.Body)
			}
			for i := 0; i < od.Len("parameter"); i++ {
				p := func(f string) string { return od.Str("parameter", i, f) }
				if p("name") == "" || (p("use") != "in" && p("use") != "out") || p("max") == "" || p("type") == "" || od.Get("parameter", i, "min") == nil {
					t.Errorf("%s parameter %d: %s", id, i, od.Body)
				}
			}
			mrWant(t, e, "", "OperationDefinition?url="+q(u), []string{id})
		}
		// Where each operation is invoked.
		level := func(id string) string {
			od := e.Do("GET", "/fhir/OperationDefinition/"+id, "", nil)
			return strings.Join([]string{od.Str("code"), od.Str("resource", 0), boolStr(od.Get("system")), boolStr(od.Get("type")), boolStr(od.Get("instance"))}, " ")
		}
		for id, want := range map[string]string{
			"export": "export  true false false", "patient-export": "export Patient false true false",
			"group-export": "export Group false false true", "bulkdata-status": "bulkdata-status  true false false",
			"docref": "docref DocumentReference false true false",
		} {
			if got := level(id); got != want {
				t.Errorf("%s: %q, want %q", id, got, want)
			}
		}
		status := e.Do("GET", "/fhir/OperationDefinition/$bulkdata-status", "", nil).Want(t, 200)
		if status.Str("id") != "bulkdata-status" || status.Str("parameter", 0, "name") != "job" || status.Get("parameter", 0, "min") != float64(1) {
			t.Errorf("OpenEMR's path: %s", status.Body)
		}

		for query, want := range map[string][]string{
			"OperationDefinition?_id=docref,export":                 {"docref", "export"},
			"OperationDefinition?name=bulkdata":                     {"export", "bulkdata-status"},
			"OperationDefinition?name:contains=export":              {"export", "patient-export", "group-export"},
			"OperationDefinition?name:exact=GroupLevelExport":       {"group-export"},
			"OperationDefinition?name:exact=grouplevelexport":       nil,
			"OperationDefinition?name=patient&name=PatientLevel":    {"patient-export"},
			"OperationDefinition?url=" + q("http://example.org/op"): nil,
		} {
			mrWant(t, e, "", query, want)
		}
		if sum := e.Do("GET", "/fhir/OperationDefinition?_summary=count", "", nil).Want(t, 200); sum.Len("entry") > 0 || sum.Get("total") != float64(len(want)) {
			t.Errorf("_summary=count: %s", sum.Body)
		}
		// A token changes nothing; POST _search is the same search.
		mrWant(t, e, e.Admin, "OperationDefinition?name=USCore", []string{"docref"})
		post := e.DoHeader("POST", "/fhir/OperationDefinition/_search", "", "name=USCore", "Content-Type", "application/x-www-form-urlencoded").Want(t, 200)
		if post.Len("entry") != 1 || post.Str("entry", 0, "resource", "id") != "docref" {
			t.Errorf("POST _search: %s", post.Body)
		}
		// Unknown parameters are reported, or refused when strict.
		_, lenient := fhirSearch(t, e, "", "OperationDefinition?kind=operation")
		if last := lenient.Len("entry") - 1; last < 0 || lenient.Str("entry", last, "search", "mode") != "outcome" {
			t.Errorf("unknown parameter: %s", lenient.Body)
		}
		e.DoHeader("GET", "/fhir/OperationDefinition?kind=operation", "", nil, "Prefer", "handling=strict").Want(t, 400)
		e.Do("GET", "/fhir/OperationDefinition?url:below=http", "", nil).Want(t, 400)
		if r := e.Do("GET", "/fhir/OperationDefinition/everything", "", nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown OperationDefinition: %d %s", r.Status, r.Body)
		}
		e.Do("DELETE", "/fhir/OperationDefinition/export", "", nil).Want(t, 405)

		// The CapabilityStatement lists the type with its interactions.
		md := e.Do("GET", "/fhir/metadata", "", nil).Want(t, 200)
		found := false
		for i := 0; i < md.Len("rest", 0, "resource"); i++ {
			if md.Str("rest", 0, "resource", i, "type") == "OperationDefinition" {
				found = md.Str("rest", 0, "resource", i, "interaction", 0, "code") == "read" &&
					md.Str("rest", 0, "resource", i, "interaction", 1, "code") == "search-type"
			}
		}
		if !found {
			t.Errorf("metadata lacks OperationDefinition read and search: %.300s", md.Body)
		}
	})
}

func boolStr(v any) string {
	if b, ok := v.(bool); ok && b {
		return "true"
	}
	return "false"
}
