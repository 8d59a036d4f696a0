package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestOrganizationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"facility", emr.Record{"uuid": "f1", "kind": "prov", "name": "Riverside", "npi": "1234567893", "tax_id": "04-1234567",
			"clia": "22D0987654", "phone": "617-555-0140", "fax": "617-555-0141", "email": "a@b.org", "website": "https://x.org",
			"line1": "100 Riverside Avenue", "city": "Boston", "state": "MA", "postal_code": "02115", "country": "USA",
			"inactive": "0", "last_updated": "2025-01-01 00:00:00"},
			[]string{`"active":true`, `"code":"prov"`, `"name":"Riverside"`, `"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"`,
				`"system":"urn:oid:2.16.840.1.113883.4.7","value":"22D0987654"`, `"system":"urn:oid:2.16.840.1.113883.4.4","value":"04-1234567"`,
				`"system":"fax"`, `"system":"url"`, `"line":["100 Riverside Avenue"]`, `"country":"USA"`},
			[]string{"NIIP", "data-absent-reason"}},
		{"payer", emr.Record{"uuid": "p1", "kind": "pay", "name": "Blue Crest", "payer_id": "BCH01", "phone": "8005550133",
			"line1": "400 Commerce Plaza", "city": "Chicago", "inactive": "0"},
			[]string{`"code":"pay","display":"Payer"`, `"code":"NIIP"`, `"value":"BCH01"`, `"value":"8005550133"`},
			[]string{"us-npi", "lastUpdated"}},
		{"inactive, nameless, bad NPI and CLIA", emr.Record{"uuid": "f2", "kind": "prov", "npi": "123", "clia": "12345", "inactive": "1"},
			[]string{`"active":false`, `"_name":{"extension"`}, []string{"identifier", "address", "telecom"}},
	} {
		checkFragments(t, tc.name, organizationToFHIR(tc.rec, c), tc.want, tc.not)
	}
	if got := organizationIdentifier("", "x", false); len(got) != 4 {
		t.Errorf("identifier without system: %v", got)
	}
	if got := organizationIdentifier(systemNPI, "x", true); len(got) != 1 || got[0].Field != "npi" {
		t.Errorf("NPI identifier: %v", got)
	}
	if got := organizationType("", "ins", false); got != nil {
		t.Errorf("type ins: %v", got)
	}
}
