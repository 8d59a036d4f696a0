package fhirmap

import "testing"

func TestOrganizationFromFHIR(t *testing.T) {
	const prov = `"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov"}]}]`
	const pay = `"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"pay"}]}]`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"synthea hospital", `{"resourceType":"Organization","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":27}],"identifier":[{"system":"https://github.com/synthetichealth/synthea","value":"ef58ea08-d883-3957-8300-150554edc8fb"}],"active":true,` + prov + `,"name":"HEALTHALLIANCE HOSPITALS, INC","telecom":[{"system":"phone","value":"9784662000"}],"address":[{"line":["60 HOSPITAL ROAD"],"city":"LEOMINSTER","state":"MA","postalCode":"01453","country":"US"}]}`,
			map[string]any{"kind": "prov", "name": "HEALTHALLIANCE HOSPITALS, INC", "inactive": "0", "facility_npi": "", "phone": "9784662000",
				"street": "60 HOSPITAL ROAD", "city": "LEOMINSTER", "state": "MA", "postal_code": "01453", "country_code": "US"}, ""},
		{"lab: NPI, CLIA, two lines", `{"resourceType":"Organization","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1144221847"},{"system":"urn:oid:2.16.840.1.113883.4.7","value":"12D4567890"},{"system":"urn:oid:2.16.840.1.113883.4.4","value":"12-3456789"}],"active":false,"name":"Acme Labs","telecom":[{"system":"email","value":"hq@acme.org"},{"system":"url","value":"https://acme.org"}],"address":[{"line":["3300 Washtenaw Avenue","Suite 227"]}]}`,
			map[string]any{"kind": "prov", "inactive": "1", "facility_npi": "1144221847", "domain_identifier": "12D4567890", "federal_ein": "12-3456789",
				"email": "hq@acme.org", "website": "https://acme.org", "street": "3300 Washtenaw Avenue, Suite 227"}, ""},
		{"payer", `{"resourceType":"Organization","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"NIIP"}]},"value":"60054"},{"system":"urn:oid:2.16.840.1.113883.6.300","value":"55555"}],` + pay + `,"name":"Acme Health Plan","telecom":[{"system":"phone","value":"(+1) 555-555-5555"},{"system":"email","value":"hq@acme.org"}],"address":[{"line":["100 Insurance Avenue","Floor 2"],"city":"Amherst"}]}`,
			map[string]any{"kind": "pay", "cms_id": "60054", "phone": "(+1) 555-555-5555", "street": "100 Insurance Avenue", "line2": "Floor 2", "city": "Amherst"}, ""},
		{"insurance company is a payer", `{"resourceType":"Organization","type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"ins"}]}],"name":"X"}`,
			map[string]any{"kind": "pay"}, ""},
		{"no type is a provider", `{"resourceType":"Organization","name":"X"}`, map[string]any{"kind": "prov"}, ""},
		{"a department", `{"resourceType":"Organization","type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"dept"}]}],"name":"X"}`, nil, "Organization.type"},
		{"provider and payer", `{"resourceType":"Organization",` + prov + `,"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov"},{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"pay"}]}],"name":"X"}`, nil, "Organization.type"},
		{"two NPIs", `{"resourceType":"Organization","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1144221847"},{"system":"http://hl7.org/fhir/sid/us-npi","value":"1407071236"}],"name":"X"}`, nil, "Organization.identifier"},
		{"not a CLIA number", `{"resourceType":"Organization","identifier":[{"system":"urn:oid:2.16.840.1.113883.4.7","value":"12345"}],"name":"X"}`, nil, "Organization.identifier"},
		{"a payer's short number", `{"resourceType":"Organization",` + pay + `,"name":"X","telecom":[{"system":"phone","value":"555-5555"}]}`, nil, "Organization.telecom"},
		{"a second phone", `{"resourceType":"Organization","name":"X","telecom":[{"system":"phone","value":"1"},{"system":"phone","value":"2"}]}`, nil, "Organization.telecom"},
		{"two addresses", `{"resourceType":"Organization","name":"X","address":[{"city":"A"},{"city":"B"}]}`, nil, "Organization.address"},
		{"not an organization", `{"resourceType":"Patient"}`, nil, "resourceType"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := organizationFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

func TestOrganizationFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "Organization", organizationFromFHIR) {
		if v["kind"] != "prov" || v["name"] == "" || v["city"] == "" {
			t.Errorf("a Synthea organization lost its type, name or city: %v", v)
		}
	}
}
