package fhirmap

import (
	"testing"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

func TestPractitionerToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"full", emr.Record{"uuid": "u1", "title": "Dr.", "fname": "Helen", "lname": "Carver", "npi": "1234567893", "active": "1",
			"email": "h@c.org", "phonew1": "617-555-0140", "phone": "617-555-0140", "phonecell": "617-555-9999",
			"street": "1 Main", "city": "Boston", "state": "MA", "zip": "02115", "last_updated": "2026-01-02 03:04:05"},
			[]string{`"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"`, `"family":"Carver"`, `"given":["Helen"]`,
				`"prefix":["Dr."]`, `"active":true`, `"system":"email","value":"h@c.org","use":"work"`,
				`"system":"phone","value":"617-555-9999","use":"mobile"`, `"postalCode":"02115"`, `"lastUpdated":"2026-01-02T03:04:05Z"`},
			[]string{"data-absent-reason", "urn:uuid"}},
		{"mistyped NPI, no family name, inactive", emr.Record{"uuid": "u2", "fname": "Ann", "npi": "1234567890", "active": "0"},
			[]string{`"value":"urn:uuid:u2"`, `"_family":{"extension"`, `"active":false`},
			[]string{"us-npi", "address", "telecom"}},
	} {
		checkFragments(t, tc.name, practitionerToFHIR(tc.rec, c), tc.want, tc.not)
	}
	// A repeated number is one contact point.
	p := practitionerToFHIR(emr.Record{"uuid": "u", "npi": "1234567893", "phone": "1", "phonew1": "1"}, c).(*r4.Practitioner)
	if len(p.Telecom) != 1 {
		t.Errorf("telecom %v", p.Telecom)
	}
}

func TestValidNPI(t *testing.T) {
	for npi, want := range map[string]bool{
		"1234567893": true, "1245319599": true, "1234567890": false, "123456789": false, "12345678931": false, "12345678a3": false, "": false,
	} {
		if validNPI(npi) != want {
			t.Errorf("validNPI(%q) = %v", npi, !want)
		}
	}
}

func TestPractitionerTokens(t *testing.T) {
	for _, tc := range []struct {
		system, code string
		has          bool
		field        string // of the one condition, "" for none
	}{
		{"", "1234567893", false, "npi"}, {systemNPI, "1234567893", true, "npi"}, {"urn:x", "1", true, ""},
		{"", "urn:uuid:abc", false, "uuid"}, {identifierSystemURI, "urn:uuid:abc", true, "uuid"},
	} {
		got := practitionerIdentifier(tc.system, tc.code, tc.has)
		if tc.field == "" && len(got) != 0 || tc.field != "" && (len(got) != 1 || got[0].Field != tc.field) {
			t.Errorf("identifier %s|%s: %v", tc.system, tc.code, got)
		}
	}
	if got := practitionerActive("", "true", false); len(got) != 1 || got[0].Value != "1" {
		t.Errorf("active=true: %v", got)
	}
	if got := practitionerActive("", "yes", false); got != nil {
		t.Errorf("active=yes: %v", got)
	}
}
