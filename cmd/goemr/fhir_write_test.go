package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

const newPatient = `{"resourceType":"Patient",
 "extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[{"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2054-5"}},{"url":"text","valueString":"Black or African American"}]}],
 "identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"999-12-3456"}],
 "name":[{"use":"official","family":"Okonkwo","given":["Ada","Ngozi"]}],
 "telecom":[{"system":"phone","value":"617-555-0199","use":"mobile"},{"system":"email","value":"ada@example.org"}],
 "gender":"female","birthDate":"1984-03-09",
 "address":[{"line":["12 Elm St","Apt 3"],"city":"Boston","state":"MA","postalCode":"02118"}]}`

// TestFHIRPatientWrite: create and update through FHIR land in
// patient_data (seen by the Standard API), with versions, Location and
// ETag, If-Match, and 4xx OperationOutcomes for bad input that change
// nothing.
func TestFHIRPatientWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		fhirJSON := []string{"Content-Type", "application/fhir+json"}
		r := e.DoHeader("POST", "/fhir/Patient", e.Admin, newPatient, fhirJSON...).Want(t, 201)
		emrtest.ValidateFHIR(t, r.Body)
		id := r.Str("id")
		if loc := r.Header.Get("Location"); !strings.HasSuffix(loc, "/fhir/Patient/"+id+"/_history/1") {
			t.Errorf("Location %q", loc)
		}
		if et := r.Header.Get("ETag"); et != `W/"1"` || r.Str("meta", "versionId") != "1" {
			t.Errorf("ETag %q, versionId %q", et, r.Str("meta", "versionId"))
		}
		std := e.Do("GET", "/api/patient/"+id, e.Admin, nil).Want(t, 200)
		for field, want := range map[string]string{"fname": "Ada", "mname": "Ngozi", "lname": "Okonkwo", "DOB": "1984-03-09",
			"sex": "Female", "ss": "999-12-3456", "phone_cell": "617-555-0199", "email": "ada@example.org",
			"street": "12 Elm St", "street_line_2": "Apt 3", "race": "black_or_afri_amer"} {
			if got := std.Str("data", field); got != want {
				t.Errorf("Standard API %s = %q, want %q", field, got, want)
			}
		}

		// Update: the whole resource is replaced; the version moves.
		updated := strings.Replace(strings.Replace(newPatient, `"Okonkwo"`, `"Okonkwo-Reyes"`, 1), `{"resourceType":"Patient",`, `{"resourceType":"Patient","id":"`+id+`",`, 1)
		put := func(ifMatch string) *Resp {
			h := fhirJSON
			if ifMatch != "" {
				h = append(h, "If-Match", ifMatch)
			}
			return e.DoHeader("PUT", "/fhir/Patient/"+id, e.Admin, updated, h...)
		}
		r = put(`W/"1"`).Want(t, 200)
		if r.Str("name", 0, "family") != "Okonkwo-Reyes" || r.Str("meta", "versionId") != "2" || r.Header.Get("ETag") != `W/"2"` {
			t.Errorf("update: %s %s", r.Header.Get("ETag"), r.Body)
		}
		if r := put(`W/"1"`); r.Status != 412 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("stale If-Match: %d %s", r.Status, r.Body)
		}
		put("").Want(t, 200)
		if got := e.Do("GET", "/fhir/Patient/"+id, e.Admin, nil).Want(t, 200).Header.Get("ETag"); got != `W/"3"` {
			t.Errorf("after two updates ETag %q", got)
		}
		// A Standard API update moves the version too.
		e.Do("PUT", "/api/patient/"+id, e.Admin, map[string]any{"fname": "Adaeze"}).Want(t, 200)
		if got := e.Do("GET", "/fhir/Patient/"+id, e.Admin, nil).Str("meta", "versionId"); got != "4" {
			t.Errorf("after a Standard API update versionId %q", got)
		}

		before := e.Do("GET", "/fhir/Patient?_summary=count", e.Admin, nil).Get("total")
		for _, tc := range []struct {
			name, method, path, body, ct string
			status                       int
		}{
			{"not JSON", "POST", "/fhir/Patient", `{"resourceType":`, "application/fhir+json", 400},
			{"unknown element", "POST", "/fhir/Patient", `{"resourceType":"Patient","gender":"male","name":[{"family":"X"}],"shoeSize":9}`, "application/fhir+json", 400},
			{"wrong type", "POST", "/fhir/Patient", `{"resourceType":"Observation","status":"final"}`, "application/fhir+json", 400},
			{"no gender", "POST", "/fhir/Patient", `{"resourceType":"Patient","name":[{"family":"Smith","given":["Jo"]}],"birthDate":"1990-01-01"}`, "application/fhir+json", 400},
			{"partial birth date", "POST", "/fhir/Patient", `{"resourceType":"Patient","gender":"male","name":[{"family":"Smith","given":["Jo"]}],"birthDate":"1990"}`, "application/fhir+json", 400},
			{"table rule (short family name)", "POST", "/fhir/Patient", `{"resourceType":"Patient","gender":"male","name":[{"family":"S","given":["Jo"]}],"birthDate":"1990-01-01"}`, "application/fhir+json", 400},
			{"XML", "POST", "/fhir/Patient", `<Patient/>`, "application/fhir+xml", 415},
			{"id mismatch", "PUT", "/fhir/Patient/" + id, strings.Replace(updated, id, demoPatient(2), 1), "application/fhir+json", 400},
			{"unknown id", "PUT", "/fhir/Patient/00000000-0000-0000-0000-000000000000", strings.Replace(updated, id, "00000000-0000-0000-0000-000000000000", 1), "application/fhir+json", 404},
			{"unknown practitioner", "POST", "/fhir/Patient", `{"resourceType":"Patient","gender":"male","name":[{"family":"Smith","given":["Jo"]}],"birthDate":"1990-01-01","generalPractitioner":[{"reference":"Practitioner/nope"}]}`, "application/fhir+json", 400},
		} {
			r := e.DoHeader(tc.method, tc.path, e.Admin, tc.body, "Content-Type", tc.ct)
			if r.Status != tc.status || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("%s: %d %s, want %d", tc.name, r.Status, r.Body, tc.status)
			}
		}
		if after := e.Do("GET", "/fhir/Patient?_summary=count", e.Admin, nil).Get("total"); after != before {
			t.Errorf("refused writes changed the patient count from %v to %v", before, after)
		}

		// Scopes: read-only tokens cannot write; a patient cannot create one.
		if r := e.DoHeader("POST", "/fhir/Patient", e.Token("users", "openid user/Patient.rs"), newPatient, fhirJSON...); r.Status != 403 {
			t.Errorf("create with user/Patient.rs: %d", r.Status)
		}
		if r := e.DoHeader("POST", "/fhir/Patient", e.Token("patient", "openid patient/Patient.rs"), newPatient, fhirJSON...); r.Status != 403 {
			t.Errorf("create by a patient: %d %s", r.Status, r.Body)
		}
	})
}
