package main

import (
	"net/url"
	"strings"
	"testing"
)

// TestFHIRBundleConditional: ifNoneExist creates once and finds the
// resource after; conditional references (Type?identifier=system|value)
// resolve to an entry of the same Bundle or to a stored resource, escaped
// or not; one that matches nothing fails the transaction.
func TestFHIRBundleConditional(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		ssn := "999-12-0003"
		byIdentifier := "identifier=" + ssnSystem + "|" + ssn
		body := testBundle("transaction",
			tbEntry{method: "POST", url: "Condition", resource: referringTo(newCondition, "Patient?"+byIdentifier)},
			tbEntry{method: "POST", url: "Patient", ifNoneExist: byIdentifier, resource: newPatientBody("Conditional", ssn)},
		)
		r := e.DoHeader("POST", "/fhir", e.Admin, body, fhirJSONHeader...).Want(t, 200)
		patient := created(t, r, 1)
		if got := e.Do("GET", "/fhir/"+created(t, r, 0), e.Admin, nil).Want(t, 200).Str("subject", "reference"); got != patient {
			t.Errorf("the conditional reference became %s, want %s", got, patient)
		}

		// Again: the Patient is found, not created twice.
		r = e.DoHeader("POST", "/fhir", e.Admin, body, fhirJSONHeader...).Want(t, 200)
		if r.Str("entry", 1, "response", "status") != "200 OK" || !strings.HasPrefix(r.Str("entry", 1, "response", "location"), patient+"/_history/") {
			t.Errorf("ifNoneExist on an existing patient: %s", r.Body)
		}
		if n := e.Do("GET", "/fhir/Patient?_summary=count&"+byIdentifier, e.Admin, nil).Want(t, 200).Str("total"); n != "1" {
			t.Errorf("%s patients with the identifier", n)
		}

		// A stored patient, by an escaped conditional reference.
		escaped := "Patient?identifier=" + url.QueryEscape(ssnSystem+"|"+ssn)
		r = e.DoHeader("POST", "/fhir", e.Admin, testBundle("transaction",
			tbEntry{method: "POST", url: "AllergyIntolerance", resource: referringTo(newAllergy, escaped)}), fhirJSONHeader...).Want(t, 200)
		if got := e.Do("GET", "/fhir/"+created(t, r, 0), e.Admin, nil).Want(t, 200).Str("patient", "reference"); got != patient {
			t.Errorf("the escaped conditional reference became %s, want %s", got, patient)
		}

		// Nothing matches: the transaction fails, naming the reference.
		r = e.DoHeader("POST", "/fhir", e.Admin, testBundle("transaction",
			tbEntry{method: "POST", url: "AllergyIntolerance", resource: referringTo(newAllergy, "Patient?identifier="+ssnSystem+"|000-00-0000")}), fhirJSONHeader...)
		if r.Status != 404 || !strings.Contains(r.Str("issue", 0, "diagnostics"), "000-00-0000") {
			t.Errorf("a conditional reference to nothing: %d %s", r.Status, r.Body)
		}
		// A search goemr cannot run leaves the reference to the mapping,
		// which refuses it where it matters; ifNoneExist must be honoured.
		for name, b := range map[string]string{
			"reference": testBundle("transaction", tbEntry{method: "POST", url: "AllergyIntolerance", resource: referringTo(newAllergy, "Patient?shoe-size=9")}),
			"ifNoneExist": testBundle("transaction", tbEntry{method: "POST", url: "Patient", ifNoneExist: "shoe-size=9",
				resource: newPatientBody("Unsearchable", "999-12-0004")}),
		} {
			if r := e.DoHeader("POST", "/fhir", e.Admin, b, fhirJSONHeader...); r.Status != 400 || !strings.Contains(string(r.Body), "shoe-size") {
				t.Errorf("an unsupported conditional %s: %d %s", name, r.Status, r.Body)
			}
		}
	})
}

// TestFHIRBundleUpdate: a PUT entry updates with ifMatch, its answer
// carries the new version, and a stale ifMatch fails with 412.
func TestFHIRBundleUpdate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		id := e.DoHeader("POST", "/fhir/Condition", e.Admin, forPatient(newCondition, demoPatient(2)), fhirJSONHeader...).Want(t, 201).Str("id")
		changed := strings.Replace(forPatient(newCondition, demoPatient(2)), `{"resourceType":"Condition",`, `{"resourceType":"Condition","id":"`+id+`",`, 1)
		changed = strings.Replace(changed, `"text":"Asthma"`, `"text":"Asthma, mild"`, 1)
		put := func(ifMatch string) *Resp {
			return e.DoHeader("POST", "/fhir", e.Admin, testBundle("transaction",
				tbEntry{method: "PUT", url: "Condition/" + id, resource: changed, ifMatch: ifMatch}), fhirJSONHeader...)
		}
		r := put(`W/"1"`).Want(t, 200)
		if r.Str("entry", 0, "response", "status") != "200 OK" || r.Str("entry", 0, "response", "etag") != `W/"2"` ||
			r.Str("entry", 0, "response", "location") != "Condition/"+id+"/_history/2" {
			t.Errorf("the update's answer: %s", r.Body)
		}
		if got := e.Do("GET", "/fhir/Condition/"+id, e.Admin, nil).Want(t, 200).Str("code", "text"); got != "Asthma, mild" {
			t.Errorf("code.text %q after the update", got)
		}
		if r := put(`W/"1"`); r.Status != 412 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("a stale ifMatch: %d %s", r.Status, r.Body)
		}
	})
}
