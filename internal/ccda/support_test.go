package ccda

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"goemr/internal/fhir/r4"
)

// shared is the project's shared/data folder, seen from this package.
const shared = "../../../shared/data"

// usCoreExamples decodes the official examples of the US Core 6.1.0
// package (package/example/*.json), Bundles left out, by id.
func usCoreExamples(t testing.TB) []r4.Resource {
	t.Helper()
	f, err := os.Open(shared + "/fhir/us-core-6.1.0.tgz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []r4.Resource
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if path.Dir(h.Name) != "package/example" || !strings.HasSuffix(h.Name, ".json") || strings.Contains(h.Name, "/Bundle-") {
			continue
		}
		raw, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		r, err := r4.Decode(raw, false)
		if err != nil {
			t.Fatalf("%s: %v", h.Name, err)
		}
		out = append(out, r)
	}
	return out
}

// patientRef matches the patient a resource's JSON refers to.
var patientRef = regexp.MustCompile(`"reference":"Patient/([^"]+)"`)

// examplePatients groups the examples into one Input per patient: the
// patient, the resources that refer to them, and every resource that
// belongs to no patient (practitioners, organizations, locations,
// medications). The custodian is Organization/example-organization-2.
func examplePatients(t testing.TB) map[string]*Input {
	t.Helper()
	all := usCoreExamples(t)
	ins := map[string]*Input{}
	var shared []r4.Resource
	var custodian *r4.Organization
	owner := map[int]string{}
	for i, r := range all {
		raw, _ := json.Marshal(r)
		switch p := r.(type) {
		case *r4.Patient:
			ins[deref(p.ID)] = &Input{Patient: p, Now: time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC), ID: "7c0e5a3e-1b7d-4e57-9a53-0f6f3a7b2c11"}
			continue
		case *r4.Organization:
			if deref(p.ID) == "example-organization-2" {
				custodian = p
			}
		}
		if m := patientRef.FindSubmatch(raw); m != nil {
			owner[i] = string(m[1])
		} else {
			shared = append(shared, r)
		}
	}
	for i, r := range all {
		if in := ins[owner[i]]; in != nil {
			in.Resources = append(in.Resources, r)
		}
	}
	for _, in := range ins {
		in.Resources = append(in.Resources, shared...)
		in.Custodian = custodian
	}
	if custodian == nil || ins["example"] == nil {
		t.Fatal("the US Core examples lack Patient/example or Organization/example-organization-2")
	}
	return ins
}
