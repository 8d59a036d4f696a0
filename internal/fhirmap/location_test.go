package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestLocationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"facility", emr.Record{"uuid": "f1", "name": "Riverside", "facility_npi": "1234567893", "phone": "617-555-0140",
			"street": "100 Riverside Avenue", "city": "Boston", "state": "MA", "postal_code": "02115", "country_code": "USA",
			"inactive": "0", "last_updated": "2025-01-01 00:00:00"},
			[]string{`"status":"active"`, `"name":"Riverside"`, `"address":{"use":"work","line":["100 Riverside Avenue"],"city":"Boston","state":"MA","postalCode":"02115","country":"USA"}`,
				`"managingOrganization":{"reference":"Organization/f1"}`, `"value":"1234567893"`, `"lastUpdated":"2025-01-01T00:00:00Z"`},
			nil},
		{"inactive, nameless, no address", emr.Record{"uuid": "f2", "inactive": "1"},
			[]string{`"status":"inactive"`, `"_name":{"extension"`}, []string{"address", "identifier", "telecom"}},
	} {
		checkFragments(t, tc.name, locationToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
