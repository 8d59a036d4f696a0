package main

import (
	"testing"

	"goemr/internal/emrtest"
)

const newPractitioner = `{"resourceType":"Practitioner",
 "identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"active":true,
 "name":[{"use":"official","family":"Fielding","given":["Kathy","Ann"],"prefix":["Dr"]}],
 "telecom":[{"system":"phone","value":"757-555-0100","use":"work"},{"system":"phone","value":"757-555-0101","use":"mobile"},
  {"system":"fax","value":"757-555-0102"},{"system":"email","value":"kathy.fielding@example.org","use":"work"}],
 "address":[{"use":"work","line":["1080 First Colonial Rd","Suite 200"],"city":"Virginia Beach","state":"VA","postalCode":"23454"}],
 "gender":"female"}`

// Practitioners as Synthea v2.5 writes them (practitionerInformation*.json):
// an NPI that fails the check digit, a Synthea extension, a country and a
// gender, which users has no column for.
var syntheaPractitioners = map[string]string{
	"9999999999": `{"resourceType":"Practitioner","id":"4edac2d9-adb7-3723-a5d2-40ca35ae9e17","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":27}],"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"9999999999"}],"active":true,"name":[{"family":"Christiansen","given":["Darlena"],"prefix":["Dr."]}],"telecom":[{"system":"email","value":"Darlena.Christiansen@example.com","use":"work"}],"address":[{"line":["60 HOSPITAL ROAD"],"city":"LEOMINSTER","state":"MA","postalCode":"01453","country":"US"}],"gender":"female"}`,
	"9999999989": `{"resourceType":"Practitioner","id":"1fefb415-9db9-3acc-af20-eb8c751c0de3","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":116}],"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"9999999989"}],"active":true,"name":[{"family":"Abshire","given":["Jacinto"],"prefix":["Dr."]}],"telecom":[{"system":"email","value":"Jacinto.Abshire@example.com","use":"work"}],"address":[{"line":["330 MOUNT AUBURN STREET"],"city":"CAMBRIDGE","state":"MA","postalCode":"02138","country":"US"}],"gender":"male"}`,
}

// TestFHIRPractitionerWrite: Practitioner create and update land in users,
// listed by the Standard API's practitioners, with versions; staff only.
func TestFHIRPractitionerWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const name = `{"family":"Bone"}`
		runDirectoryWriteCase(t, e, writeCase{
			typ: "Practitioner", body: newPractitioner, std: "/api/practitioner",
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"identifier.0.system": "http://hl7.org/fhir/sid/us-npi", "identifier.0.value": "1245319599", "active": "true",
					"name.0.family": "Fielding", "name.0.given.0": "Kathy", "name.0.given.1": "Ann", "name.0.prefix.0": "Dr",
					"telecom.0.value": "757-555-0100", "telecom.0.use": "work", "telecom.1.value": "757-555-0101", "telecom.1.use": "mobile",
					"telecom.2.system": "fax", "telecom.3.value": "kathy.fielding@example.org",
					"address.0.line.0": "1080 First Colonial Rd", "address.0.line.1": "Suite 200", "address.0.city": "Virginia Beach",
					"address.0.state": "VA", "address.0.postalCode": "23454",
				})
			},
			update: [2]string{`"active":true`, `"active":false`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"active": "false", "name.0.family": "Fielding"})
			},
			bad: map[string]string{
				"no NPI":             `{"resourceType":"Practitioner","name":[{"family":"Bone","given":["Ronald"]}]}`,
				"NPI not a number":   `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"12-34"}],"name":[{"family":"Bone","given":["Ronald"]}]}`,
				"no name":            `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}]}`,
				"no given name":      `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"name":[` + name + `]}`,
				"a pager":            `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"name":[{"family":"Bone","given":["Ronald"]}],"telecom":[{"system":"pager","value":"1"}]}`,
				"bad e-mail":         `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"name":[{"family":"Bone","given":["Ronald"]}],"telecom":[{"system":"email","value":"not an address"}]}`,
				"unknown element":    `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"name":[{"family":"Bone","given":["Ronald"]}],"shoeSize":9}`,
				"two addresses":      `{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1245319599"}],"name":[{"family":"Bone","given":["Ronald"]}],"address":[{"city":"A"},{"city":"B"}]}`,
				"not a Practitioner": `{"resourceType":"Organization","name":"Acme"}`,
			},
		})

		// The official examples: NPI, name, address and e-mail read back.
		for file, want := range map[string]map[string]string{
			"Practitioner-practitioner-1.json": {"identifier.0.value": "9941339100", "name.0.family": "Bone", "name.0.given.0": "Ronald",
				"name.0.prefix.0": "Dr", "address.0.line.0": "1003 Healthcare Drive", "address.0.city": "Amherst", "address.0.postalCode": "01002"},
			"Practitioner-practitioner-2.json": {"identifier.0.value": "1245319599", "name.0.family": "Kathy", "name.0.given.0": "Fielding",
				"telecom.0.system": "email", "telecom.0.value": "Kathy.Fielding@direct.ExampleMedicalPractice.net", "address.0.state": "VA",
				"address.0.postalCode": "21454-2406"},
			"Practitioner-practitioner-pharmacist.json": {"identifier.0.value": "3412549073", "name.0.family": "Douglas",
				"name.0.prefix.0": "PharmD", "address.0.line.0": "1015 Healthcare Drive"},
		} {
			r := e.DoHeader("POST", "/fhir/Practitioner", e.Admin, usCoreExample(t, file, ""), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Practitioner/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			want["identifier.0.system"] = "http://hl7.org/fhir/sid/us-npi"
			checkPaths(t, r, want)
		}

		// Synthea's (the id a create ignores, R4 http.html#create): stored,
		// and found by their NPI although the read cannot claim a number
		// failing the check digit is one.
		for npi, s := range syntheaPractitioners {
			r := e.DoHeader("POST", "/fhir/Practitioner", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			ids, _ := fhirSearch(t, e, e.Admin, "Practitioner?identifier="+npi)
			if len(ids) != 1 || ids[0] != r.Str("id") || r.Str("identifier", 0, "system") != "urn:ietf:rfc:3986" ||
				r.Str("name", 0, "prefix", 0) != "Dr." || r.Str("address", 0, "city") == "" || r.Str("telecom", 0, "system") != "email" {
				t.Errorf("Synthea practitioner %s: found %v; %s", npi, ids, r.Body)
			}
		}
	})
}
