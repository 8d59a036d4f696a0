package fhirmap

import (
	"encoding/json"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

func TestPatientToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("practitioner", "7", "prac-uuid")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string // fragments of the JSON
		not  []string
	}{
		{"full", emr.Record{"uuid": "u1", "pid": "1", "pubpid": "P1", "fname": "Ann", "mname": "B", "lname": "Lee", "sex": "Female",
			"DOB": "1980-02-03", "race": "Asian", "ethnicity": "not_hisp_or_latin", "language": "Spanish", "status": "married",
			"providerID": "7", "ss": "123-45-6789", "last_updated": "2026-01-02 03:04:05", "street": "1 Main", "city": "X", "email": "a@b.c"},
			[]string{`"gender":"female"`, `"birthDate":"1980-02-03"`, `"code":"2028-9"`, `"code":"2186-5"`, `"valueCode":"F"`,
				`"code":"es"`, `"code":"M"`, `"reference":"Practitioner/prac-uuid"`, `"system":"http://hl7.org/fhir/sid/us-ssn"`,
				`"lastUpdated":"2026-01-02T03:04:05Z"`, `"given":["Ann","B"]`, `"value":"P1"`}, nil},
		{"declined race, no name", emr.Record{"uuid": "u2", "pid": "2", "race": "declne_to_specfy", "sex": "", "DOB": "0000-00-00"},
			[]string{`"code":"ASKU"`, `"gender":"unknown"`, `"valueCode":"UNK"`, "data-absent-reason", `"value":"2"`},
			[]string{"birthDate", "us-core-ethnicity", "generalPractitioner", "address"}},
		{"unknown race, unresolved provider", emr.Record{"uuid": "u3", "pid": "3", "lname": "Z", "sex": "Male", "providerID": "99"},
			[]string{`"code":"UNK"`, `"gender":"male"`}, []string{"generalPractitioner"}},
	} {
		res := patientToFHIR(tc.rec, c).(*r4.Patient)
		body, _ := json.Marshal(res)
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: no %s in %s", tc.name, w, body)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(string(body), n) {
				t.Errorf("%s: unexpected %s in %s", tc.name, n, body)
			}
		}
	}
}

func TestPatientTokens(t *testing.T) {
	for _, tc := range []struct {
		system, code string
		has          bool
		n            int
	}{
		{"", "male", false, 1}, {systemGender, "female", true, 1}, {"urn:x", "male", true, 0},
		{"", "unknown", false, 3}, {"", "bogus", false, 0},
	} {
		if got := patientGender(tc.system, tc.code, tc.has); len(got) != tc.n {
			t.Errorf("gender %s|%s: %v", tc.system, tc.code, got)
		}
	}
	if got := patientIdentifier(systemSSN, "1", true); len(got) != 1 || got[0].Field != "ss" {
		t.Errorf("SSN identifier: %v", got)
	}
	if got := patientIdentifier("", "1", false); len(got) != 2 {
		t.Errorf("identifier without system: %v", got)
	}
}
