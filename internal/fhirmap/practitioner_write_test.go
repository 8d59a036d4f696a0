package fhirmap

import "testing"

func TestPractitionerFromFHIR(t *testing.T) {
	const npi = `"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"9999999999"}]`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"synthea", `{"resourceType":"Practitioner","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":27}],` + npi + `,"active":true,"name":[{"family":"Christiansen","given":["Darlena"],"prefix":["Dr."]}],"telecom":[{"system":"email","value":"Darlena.Christiansen@example.com","use":"work"}],"address":[{"line":["60 HOSPITAL ROAD"],"city":"LEOMINSTER","state":"MA","postalCode":"01453","country":"US"}],"gender":"female"}`,
			map[string]any{"npi": "9999999999", "active": "1", "lname": "Christiansen", "fname": "Darlena", "mname": "", "title": "Dr.",
				"email": "Darlena.Christiansen@example.com", "phone": "", "phonecell": "", "street": "60 HOSPITAL ROAD", "streetb": "",
				"city": "LEOMINSTER", "state": "MA", "zip": "01453"}, ""},
		{"official name, phones, two lines, inactive", `{"resourceType":"Practitioner",` + npi + `,"active":false,"name":[{"use":"usual","family":"Bo"},{"use":"official","family":"Bone","given":["Ronald","J","K"]}],"telecom":[{"system":"phone","value":"1","use":"work"},{"system":"phone","value":"2","use":"mobile"},{"system":"phone","value":"3"},{"system":"fax","value":"4"},{"system":"email"}],"address":[{"line":["1 A St","Suite 2","Floor 3"],"city":"X"}]}`,
			map[string]any{"active": "0", "lname": "Bone", "fname": "Ronald", "mname": "J K", "phonew1": "1", "phonecell": "2", "phone": "3",
				"fax": "4", "email": "", "street": "1 A St", "streetb": "Suite 2, Floor 3"}, ""},
		{"no NPI: the table's rule decides", `{"resourceType":"Practitioner","identifier":[{"system":"http://www.acme.org/practitioners","value":"25456"}],"name":[{"family":"Bone"}]}`,
			map[string]any{"lname": "Bone"}, ""},
		{"two NPIs", `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1"},{"system":"http://hl7.org/fhir/sid/us-npi","value":"2"}],"name":[{"family":"Bone"}]}`, nil, "Practitioner.identifier"},
		{"no name", `{"resourceType":"Practitioner",` + npi + `}`, nil, "Practitioner.name"},
		{"no family name", `{"resourceType":"Practitioner",` + npi + `,"name":[{"given":["Ron"]}]}`, nil, "Practitioner.name.family"},
		{"a third phone", `{"resourceType":"Practitioner",` + npi + `,"name":[{"family":"Bone"}],"telecom":[{"system":"phone","value":"1"},{"system":"phone","value":"2"},{"system":"phone","value":"3"},{"system":"phone","value":"4"}]}`, nil, "Practitioner.telecom"},
		{"a pager", `{"resourceType":"Practitioner",` + npi + `,"name":[{"family":"Bone"}],"telecom":[{"system":"pager","value":"1"}]}`, nil, "Practitioner.telecom"},
		{"two addresses", `{"resourceType":"Practitioner",` + npi + `,"name":[{"family":"Bone"}],"address":[{"city":"A"},{"city":"B"}]}`, nil, "Practitioner.address"},
		{"not a practitioner", `{"resourceType":"Patient"}`, nil, "resourceType"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := practitionerFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
			if tc.name == "no NPI: the table's rule decides" && got != nil {
				if _, ok := got["npi"]; ok {
					t.Errorf("npi set without an NPI identifier: %v", got["npi"])
				}
			}
		})
	}
}

func TestPractitionerFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "Practitioner", practitionerFromFHIR) {
		if v["npi"] == "" || v["lname"] == "" || v["email"] == "" || v["city"] == "" {
			t.Errorf("a Synthea practitioner lost its NPI, name, e-mail or city: %v", v)
		}
	}
}
