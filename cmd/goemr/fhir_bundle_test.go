package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// A tbEntry is an entry of a test Bundle.
type tbEntry struct {
	method, url, fullURL, resource, ifNoneExist, ifMatch string
}

// testBundle is a Bundle of type typ with entries, as JSON.
func testBundle(typ string, entries ...tbEntry) string {
	var es []any
	for _, e := range entries {
		req := map[string]any{"method": e.method, "url": e.url}
		if e.ifNoneExist != "" {
			req["ifNoneExist"] = e.ifNoneExist
		}
		if e.ifMatch != "" {
			req["ifMatch"] = e.ifMatch
		}
		m := map[string]any{"request": req}
		if e.fullURL != "" {
			m["fullUrl"] = e.fullURL
		}
		if e.resource != "" {
			m["resource"] = json.RawMessage(e.resource)
		}
		es = append(es, m)
	}
	raw, _ := json.Marshal(map[string]any{"resourceType": "Bundle", "type": typ, "entry": es})
	return string(raw)
}

const (
	ssnSystem     = "http://hl7.org/fhir/sid/us-ssn"
	bundlePatient = `{"resourceType":"Patient","name":[{"family":"FAMILY","given":["Tess"]}],"gender":"female",
 "birthDate":"1980-02-03","identifier":[{"system":"` + ssnSystem + `","value":"SSN"}]}`
)

// newPatientBody is a Patient named family with social security number ssn.
func newPatientBody(family, ssn string) string {
	return strings.NewReplacer("FAMILY", family, "SSN", ssn).Replace(bundlePatient)
}

// referringTo puts ref in for a body's patient reference.
func referringTo(body, ref string) string {
	return strings.Replace(body, `"Patient/PATIENT"`, `"`+ref+`"`, 1)
}

var locationRE = regexp.MustCompile(`^([A-Za-z]+)/([^/]+)/_history/1$`)

// created checks that entry i of a response created its resource and
// returns the resource's Type/id.
func created(t *testing.T, r *Resp, i int) string {
	t.Helper()
	loc := r.Str("entry", i, "response", "location")
	if r.Str("entry", i, "response", "status") != "201 Created" || !locationRE.MatchString(loc) ||
		r.Str("entry", i, "response", "etag") != `W/"1"` || r.Str("entry", i, "response", "lastModified") == "" {
		t.Fatalf("entry %d: %s", i, r.Body)
	}
	return strings.TrimSuffix(loc, "/_history/1")
}

// TestFHIRBundleTransaction: a transaction creates its entries in the
// order their references need (a Condition sent before the Patient it
// refers to by urn:uuid), answers reads, and the Standard API sees it all.
func TestFHIRBundleTransaction(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		pat := "urn:uuid:5a0f1c1e-0000-4000-8000-000000000001"
		body := testBundle("transaction",
			tbEntry{method: "POST", url: "Condition", fullURL: "urn:uuid:5a0f1c1e-0000-4000-8000-000000000002", resource: referringTo(newCondition, pat)},
			tbEntry{method: "POST", url: "Patient", fullURL: pat, resource: newPatientBody("Bundleton", "999-12-0001")},
			tbEntry{method: "POST", url: "AllergyIntolerance", resource: referringTo(newAllergy, pat)},
			tbEntry{method: "GET", url: "Patient/" + demoPatient(1)},
		)
		r := e.DoHeader("POST", "/fhir", e.Admin, body, fhirJSONHeader...).Want(t, 200)
		if r.Str("resourceType") != "Bundle" || r.Str("type") != "transaction-response" || r.Len("entry") != 4 {
			t.Fatalf("%s", r.Body)
		}
		cond, patient, allergy := created(t, r, 0), created(t, r, 1), created(t, r, 2)
		if !strings.HasPrefix(patient, "Patient/") || !strings.HasPrefix(cond, "Condition/") {
			t.Fatalf("locations %s %s", patient, cond)
		}
		if got := e.Do("GET", "/fhir/"+cond, e.Admin, nil).Want(t, 200).Str("subject", "reference"); got != patient {
			t.Errorf("the Condition refers to %s, want %s", got, patient)
		}
		if got := e.Do("GET", "/fhir/"+allergy, e.Admin, nil).Want(t, 200).Str("patient", "reference"); got != patient {
			t.Errorf("the AllergyIntolerance refers to %s, want %s", got, patient)
		}
		if r.Str("entry", 3, "response", "status") != "200 OK" || r.Str("entry", 3, "resource", "id") != demoPatient(1) {
			t.Errorf("the read entry: %s", r.Body)
		}
		puuid := strings.TrimPrefix(patient, "Patient/")
		if e.Do("GET", "/api/patient/"+puuid, e.Admin, nil).Want(t, 200).Str("data", "lname") != "Bundleton" {
			t.Error("the Standard API does not see the patient")
		}
		problems := e.Do("GET", "/api/patient/"+puuid+"/medical_problem", e.Admin, nil).Want(t, 200)
		if problems.Len("data") != 1 || problems.Str("data", 0, "uuid") != strings.TrimPrefix(cond, "Condition/") {
			t.Errorf("the Standard API's medical problems: %s", problems.Body)
		}

		// All or nothing: a Condition without a code fails the Patient
		// created before it, and the answer names the entry.
		noCode := `{"resourceType":"Condition",` + conditionActive + `,"category":[{"coding":[{"system":` +
			`"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],"subject":{"reference":"` + pat + `"}}`
		body = testBundle("transaction",
			tbEntry{method: "POST", url: "Patient", fullURL: pat, resource: newPatientBody("Atomica", "999-12-0002")},
			tbEntry{method: "POST", url: "Condition", resource: noCode},
		)
		r = e.DoHeader("POST", "/fhir", e.Admin, body, fhirJSONHeader...).Want(t, 400)
		if r.Str("resourceType") != "OperationOutcome" || !strings.Contains(r.Str("issue", 0, "diagnostics"), "Bundle.entry[1]") ||
			!strings.Contains(string(r.Body), `"Bundle.entry[1]"`) {
			t.Errorf("the failed transaction's outcome: %s", r.Body)
		}
		if n := e.Do("GET", "/fhir/Patient?family=Atomica&_summary=count", e.Admin, nil).Want(t, 200).Str("total"); n != "0" {
			t.Errorf("a failed transaction left %s patients behind", n)
		}
	})
}

// TestFHIRBundleBatch: each entry of a batch stands alone; a refused one
// is answered in its place and the others are written.
func TestFHIRBundleBatch(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		count := func() string {
			return e.Do("GET", "/fhir/Condition?_summary=count&patient="+demoPatient(2), e.Admin, nil).Want(t, 200).Str("total")
		}
		before := count()
		body := testBundle("batch",
			tbEntry{method: "POST", url: "Condition", resource: forPatient(newCondition, demoPatient(2))},
			tbEntry{method: "POST", url: "Condition", resource: forPatient(strings.Replace(newCondition, `"code":"active"`, `"code":"bogus"`, 1), demoPatient(2))},
			tbEntry{method: "DELETE", url: "Condition/" + demoPatient(2)},
		)
		r := e.DoHeader("POST", "/fhir", e.Admin, body, fhirJSONHeader...).Want(t, 200)
		if r.Str("type") != "batch-response" || r.Len("entry") != 3 {
			t.Fatalf("%s", r.Body)
		}
		created(t, r, 0)
		if r.Str("entry", 1, "response", "status") != "400 Bad Request" || r.Str("entry", 1, "response", "outcome", "resourceType") != "OperationOutcome" {
			t.Errorf("the refused entry: %s", r.Body)
		}
		if r.Str("entry", 2, "response", "status") != "405 Method Not Allowed" {
			t.Errorf("the DELETE entry: %s", r.Body)
		}
		if after := count(); after == before {
			t.Errorf("the batch's good entry was not written (%s conditions)", after)
		}
	})
}
