package main

import (
	"fmt"
	"net/url"

	"goemr/internal/e2e"
)

// FHIR scenarios (issue: benchmarks of the FHIR server), on the same
// sample of patients as the Standard API scenarios.
const (
	scFHIRRead      = "fhir_patient_read"   // GET /fhir/Patient/{id}
	scFHIRSearch    = "fhir_patient_search" // GET /fhir/Patient?name=…
	scFHIRVitals    = "fhir_vitals"         // GET /fhir/Observation?patient=…&category=vital-signs&_count=20
	scFHIRCondition = "fhir_condition"      // GET /fhir/Condition?patient=…
	scFHIRMatrix    = "fhir_uscore_matrix"  // the US Core SHALL searches of one patient, round robin
)

var fhirScenarios = []string{scFHIRRead, scFHIRSearch, scFHIRVitals, scFHIRCondition, scFHIRMatrix}

// fhirTypes are the types the FHIR token may read.
var fhirTypes = []string{"Patient", "AllergyIntolerance", "Condition", "Observation", "Encounter", "Immunization",
	"MedicationRequest", "Procedure", "DiagnosticReport", "DocumentReference", "Coverage", "Practitioner",
	"Organization", "Location", "Provenance"}

// fhirToken gets a staff token with user/T.rs for every benchmarked type.
func fhirToken(s *setup) (string, error) {
	scope := "openid"
	for _, t := range fhirTypes {
		scope += " user/" + t + ".rs"
	}
	reg, _, err := (&e2e.Server{URL: s.base}).Register(map[string]any{
		"application_type": "private", "client_name": "bench fhir",
		"redirect_uris":              []string{"https://bench.example.org/cb"},
		"token_endpoint_auth_method": "client_secret_basic", "scope": scope,
	})
	if err != nil {
		return "", err
	}
	form := url.Values{"grant_type": {"password"}, "user_role": {"users"}, "username": {"admin"}, "password": {"pass"}, "scope": {scope}}
	code, body, err := e2e.PostForm(s.tokenURL(), form, reg.ClientID, reg.ClientSecret)
	tok, _ := body["access_token"].(string)
	if err != nil || code != 200 || tok == "" {
		return "", fmt.Errorf("fhir token: %d %v %v", code, body, err)
	}
	return tok, nil
}

// usCoreMatrix are the US Core 6.1.0 SHALL searches for one patient
// (conformance-targets.md), with the first _count page of each.
func usCoreMatrix(p, lname string) []string {
	q := url.QueryEscape
	return []string{
		"Patient?_id=" + p, "Patient?name=" + q(lname),
		"AllergyIntolerance?patient=" + p,
		"Condition?patient=" + p, "Condition?patient=" + p + "&category=problem-list-item",
		"Encounter?patient=" + p, "Immunization?patient=" + p,
		"MedicationRequest?patient=" + p + "&intent=order,plan",
		"Observation?patient=" + p + "&category=vital-signs", "Observation?patient=" + p + "&category=laboratory",
		"Observation?patient=" + p + "&code=" + q("http://loinc.org|8867-4"),
		"Procedure?patient=" + p, "DiagnosticReport?patient=" + p + "&category=LAB",
		"DocumentReference?patient=" + p, "Coverage?patient=" + p,
	}
}

// fhirRequests builds the requests of a FHIR scenario.
func fhirRequests(sc string, s *setup, host string) source {
	a := s.api
	base := "/apis/default/fhir/"
	var reqs [][]byte
	for i, u := range a.uuids {
		var paths []string
		switch sc {
		case scFHIRRead:
			paths = []string{"Patient/" + u}
		case scFHIRSearch:
			if i < len(a.lnames) {
				paths = []string{"Patient?name=" + url.QueryEscape(a.lnames[i])}
			}
		case scFHIRVitals:
			paths = []string{"Observation?patient=" + u + "&category=vital-signs&_count=20"}
		case scFHIRCondition:
			paths = []string{"Condition?patient=" + u}
		case scFHIRMatrix:
			if i == 0 { // one patient's matrix, as the issue measures it
				paths = usCoreMatrix(u, a.lnames[0])
			}
		}
		for _, p := range paths {
			reqs = append(reqs, fhirGet(host, base+p, a.fhirToken))
		}
	}
	return &cycle{reqs: reqs}
}

// fhirGet is a FHIR read as FHIR clients send it.
func fhirGet(host, path, token string) []byte {
	return []byte("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/fhir+json\r\nAccept-Encoding: gzip\r\nAuthorization: Bearer " + token + "\r\n\r\n")
}
