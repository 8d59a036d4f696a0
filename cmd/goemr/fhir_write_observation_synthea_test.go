package main

import (
	"encoding/json"
	"io"
	"path"
	"strings"
	"testing"
)

// syntheaVisit is the Observations and DiagnosticReports of one Synthea
// encounter, in the Bundle's order, as JSON with their fullUrls.
type syntheaVisit struct {
	urls   []string
	bodies []map[string]any
}

// syntheaEncounter reads the resources of the encounter at index n (in
// Bundle order) of the Synthea patient file.
func syntheaEncounter(t *testing.T, file string, n int) syntheaVisit {
	t.Helper()
	var out syntheaVisit
	found := false
	eachArchived(t, syntheaArchive, func(name string, r io.Reader) bool {
		if path.Base(name) != file {
			return true
		}
		found = true
		var b struct {
			Entry []struct {
				FullURL  string
				Resource map[string]any
			}
		}
		if err := json.NewDecoder(r).Decode(&b); err != nil {
			t.Fatal(err)
		}
		var enc string
		for _, e := range b.Entry {
			typ := e.Resource["resourceType"]
			if typ == "Encounter" {
				if n--; n == -1 {
					enc = e.FullURL
				}
				continue
			}
			ref, _ := e.Resource["encounter"].(map[string]any)
			if enc != "" && ref["reference"] == enc && (typ == "Observation" || typ == "DiagnosticReport") {
				out.urls = append(out.urls, e.FullURL)
				out.bodies = append(out.bodies, e.Resource)
			}
		}
		return false
	})
	if !found {
		t.Fatalf("no %s in %s", file, syntheaArchive)
	}
	return out
}

// TestFHIRObservationWriteSynthea: a Synthea visit's observations of every
// kind (vital signs, pain severity, laboratory results, the smoking status
// survey) and its laboratory reports are created as Synthea sends them,
// results first, with references to goemr's patient and encounter, and
// read back as sent; the visit's vitals are one vitals form, its reports
// claim their results.
func TestFHIRObservationWriteSynthea(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		patient := demoPatient(4)
		euuid, eid, pid := stdEncounter(t, e, patient)
		visit := syntheaEncounter(t, "Abram_Lemke_6c5d9ca9-54d7-42f5-bfae-a7c19cd217f2.json", 2)
		if len(visit.bodies) < 20 {
			t.Fatalf("the Synthea visit has %d observations and reports", len(visit.bodies))
		}
		ids := map[string]string{}
		counts := map[string]int{}
		for i, res := range visit.bodies {
			raw, _ := json.Marshal(res)
			body := string(raw)
			body = strings.Replace(body, `"reference":"`+res["subject"].(map[string]any)["reference"].(string)+`"`, `"reference":"Patient/`+patient+`"`, 1)
			body = strings.Replace(body, `"reference":"`+res["encounter"].(map[string]any)["reference"].(string)+`"`, `"reference":"Encounter/`+euuid+`"`, 1)
			for url, id := range ids {
				body = strings.ReplaceAll(body, `"`+url+`"`, `"Observation/`+id+`"`)
			}
			typ := res["resourceType"].(string)
			id := postFHIR(t, e, typ, body)
			ids[visit.urls[i]] = id
			counts[typ]++
			skip := []string{"issued"}
			if typ == "DiagnosticReport" || res["category"].([]any)[0].(map[string]any)["coding"].([]any)[0].(map[string]any)["code"] == "laboratory" {
				skip = nil
			}
			sameClinicalContent(t, typ+" "+visit.urls[i], body, e.Do("GET", "/fhir/"+typ+"/"+id, e.Admin, nil).Want(t, 200), skip...)
		}
		for typ, n := range counts {
			found, _ := fhirSearch(t, e, e.Admin, typ+"?patient="+patient+"&_count=200")
			if len(found) != n {
				t.Errorf("%d %s read back, %d written", len(found), typ, n)
			}
		}
		std := e.Do("GET", "/api/patient/"+pid+"/encounter/"+eid+"/vital", e.Admin, nil).Want(t, 200)
		checkVitalsForm(t, std, map[string]string{"bps": "", "bpd": "", "weight": "", "height": "", "pulse": "", "respiration": "", "BMI": ""})
	})
}
