package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"goemr/internal/emrtest"
)

const syntheaArchive = "../../../shared/data/synthea/synthea-100.tar.gz"

// syntheaCovered are the types of the Synthea files US Core covers: none
// may be refused. syntheaSkipped are the only types that may be skipped.
var (
	syntheaCovered = []string{"Patient", "Encounter", "Condition", "Observation", "MedicationRequest", "Immunization",
		"Procedure", "DiagnosticReport", "AllergyIntolerance", "CarePlan", "CareTeam", "Device", "Organization",
		"Practitioner", "DocumentReference"}
	syntheaSkipped = []string{"Claim", "ExplanationOfBenefit", "ImagingStudy", "Group", "Provenance"}
)

// TestImportSynthea: the 100 Synthea patients (103 files) import through
// the FHIR write path with no resource of a type US Core covers refused,
// and only the types goemr does not store skipped. Three patients read
// back through FHIR and the Standard API have as many resources of each
// type as their source Bundles. PostgreSQL, where each statement is a
// round trip (about 100 s for all of them), imports the organizations,
// the practitioners and the first 20 patients.
func TestImportSynthea(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 100 patients")
	}
	sources := syntheaPatients(t, 3)
	for _, d := range emrtest.DBs(t) {
		t.Run(d.Name, func(t *testing.T) {
			paths := []string{syntheaArchive}
			if d.Name == "postgres" {
				paths = syntheaSubset(t, 20)
			}
			ctx := context.Background()
			e := newAPIEnv(t, d)
			im, err := newImporter(ctx, e.Store, "default", importOptions{skipUnstored: true})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			rep, err := im.importPaths(ctx, paths, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d files imported in %.1fs", d.Name, rep.files, time.Since(start).Seconds())
			var out strings.Builder
			rep.print(&out)
			var problems []string
			for _, typ := range slices.Sorted(maps.Keys(rep.types)) {
				tc := rep.types[typ]
				if slices.Contains(syntheaCovered, typ) && tc.refused+tc.undone > 0 {
					problems = append(problems, fmt.Sprintf("%s: %d refused, %d undone", typ, tc.refused, tc.undone))
				}
				if tc.skipped > 0 && !slices.Contains(syntheaSkipped, typ) {
					problems = append(problems, fmt.Sprintf("%s: %d skipped", typ, tc.skipped))
				}
			}
			if len(problems) > 0 || len(rep.fileErrors) > 0 {
				t.Fatalf("%s\n\n%s", strings.Join(problems, "\n"), out.String())
			}
			for _, src := range sources {
				checkSyntheaPatient(t, e, im, src)
			}
		})
	}
}

// syntheaSource is one patient's source Bundle, counted.
type syntheaSource struct {
	file, id, family string
	counts           map[string]int
}

// syntheaPatients reads the first n patient Bundles of the archive.
func syntheaPatients(t *testing.T, n int) []syntheaSource {
	var out []syntheaSource
	eachArchived(t, syntheaArchive, func(name string, r io.Reader) bool {
		base := path.Base(name)
		if !strings.HasSuffix(base, ".json") || strings.Contains(base, "Information") {
			return true
		}
		var b struct {
			Entry []struct {
				Resource struct {
					ResourceType, ID string
					Name, Encounter  json.RawMessage
				}
			}
		}
		if err := json.NewDecoder(r).Decode(&b); err != nil {
			t.Fatal(err)
		}
		src := syntheaSource{file: base, counts: map[string]int{}}
		for _, e := range b.Entry {
			r := e.Resource
			src.counts[r.ResourceType]++
			if r.ResourceType == "Condition" && len(r.Encounter) > 0 {
				src.counts[diagnoses]++
			}
			var names []struct{ Family string }
			if r.ResourceType == "Patient" && json.Unmarshal(r.Name, &names) == nil && len(names) > 0 {
				src.id, src.family = r.ID, names[0].Family
			}
		}
		out = append(out, src)
		return len(out) < n
	})
	if len(out) < n {
		t.Fatalf("%s holds %d patients, not %d", syntheaArchive, len(out), n)
	}
	return out
}

// syntheaSubset unpacks the archive and returns its organizations,
// practitioners and first n patients (in archive order, as
// syntheaPatients reads them).
func syntheaSubset(t *testing.T, n int) []string {
	dir := t.TempDir()
	if err := untar(syntheaArchive, dir); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range syntheaPatients(t, n) {
		out = append(out, filepath.Join(dir, "synthea-100", p.file))
	}
	others, err := filepath.Glob(filepath.Join(dir, "synthea-100", "*Information*.json"))
	if err != nil || len(others) != 3 {
		t.Fatalf("%v %v", others, err)
	}
	return append(out, others...)
}

// diagnoses counts the source Conditions made at an encounter.
const diagnoses = "Condition?category=encounter-diagnosis"

// checkSyntheaPatient compares what the APIs serve of a patient with its
// source Bundle. A Synthea Condition (it has no category) is a problem,
// and when it names its encounter also that encounter's diagnosis: goemr,
// as OpenEMR, keeps it as a problem linked to the encounter, and serves
// both.
func checkSyntheaPatient(t *testing.T, e *apiEnv, im *importer, src syntheaSource) {
	t.Helper()
	id := strings.TrimPrefix(im.known["urn:uuid:"+src.id], "Patient/")
	if id == "" {
		t.Fatalf("%s: the patient was not imported", src.file)
	}
	if got := e.Do("GET", "/api/patient/"+id, e.Admin, nil).Want(t, 200).Str("data", "lname"); got != src.family {
		t.Errorf("%s: the Standard API's patient is %q, want %q", src.file, got, src.family)
	}
	for _, typ := range append(syntheaCovered, diagnoses) {
		search := typ + "?"
		switch typ {
		case "Patient", "Organization", "Practitioner":
			continue
		case "Condition":
			search = "Condition?category=problem-list-item&"
		case diagnoses:
			search = diagnoses + "&"
		}
		got := e.Do("GET", "/fhir/"+search+"_summary=count&patient="+id, e.Admin, nil).Want(t, 200).Str("total")
		if want := fmt.Sprint(src.counts[typ]); got != want {
			t.Errorf("%s: %s %s through FHIR, %s in the source", src.file, got, search, want)
		}
	}
	for list, typ := range map[string]string{"encounter": "Encounter", "allergy": "AllergyIntolerance", "medical_problem": "Condition"} {
		if got := e.Do("GET", "/api/patient/"+id+"/"+list, e.Admin, nil).Want(t, 200).Len("data"); max(got, 0) != src.counts[typ] {
			t.Errorf("%s: %d %s through the Standard API, %d %s in the source", src.file, got, list, src.counts[typ], typ)
		}
	}
}
