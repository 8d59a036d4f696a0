package fhirmap

import (
	"slices"
	"testing"

	"goemr/internal/emr"
)

func TestPersonToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"practitioner", emr.Record{"uuid": "u1", "title": "Dr.", "fname": "Helen", "lname": "Carver", "npi": "1234567893", "active": "1",
			"email": "h@c.org", "phonecell": "617-555-9999", "street": "1 Main", "city": "Boston", "state": "MA", "zip": "02115",
			"last_updated": "2026-01-02 03:04:05"},
			[]string{`"resourceType":"Person"`, `"id":"u1"`, `"lastUpdated":"2026-01-02T03:04:05Z"`, `"active":true`,
				`"family":"Carver","given":["Helen"],"prefix":["Dr."]`, `"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"`,
				`"system":"email","value":"h@c.org","use":"work"`, `"system":"phone","value":"617-555-9999","use":"mobile"`,
				`"city":"Boston"`, `"link":[{"target":{"reference":"Practitioner/u1"}}]`},
			[]string{"profile", "us-core", "data-absent-reason"}},
		{"front desk login without NPI or family name", emr.Record{"uuid": "u2", "fname": "Ann", "active": "0"},
			[]string{`"given":["Ann"]`, `"value":"urn:uuid:u2"`, `"active":false`},
			[]string{"link", "_family", "address", "telecom"}},
		{"no name at all", emr.Record{"uuid": "u3", "active": "1"}, []string{`"id":"u3"`}, []string{`"name"`}},
	} {
		checkFragments(t, tc.name, personToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

// TestPersonParams: OpenEMR's Person parameters, Practitioner's but the
// NPI identifier.
func TestPersonParams(t *testing.T) {
	var codes []string
	for _, p := range Person.Params {
		codes = append(codes, p.Code)
	}
	slices.Sort(codes)
	want := []string{"active", "address", "address-city", "address-postalcode", "address-state", "email", "family", "given", "name", "phone", "telecom"}
	if !slices.Equal(codes, want) {
		t.Errorf("Person parameters %v, want %v", codes, want)
	}
}
