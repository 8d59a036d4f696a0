package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

const newOrganization = `{"resourceType":"Organization",
 "identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1407071236"},{"system":"urn:oid:2.16.840.1.113883.4.7","value":"12D4567890"}],
 "active":true,"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov"}]}],
 "name":"Acme Clinic","telecom":[{"system":"phone","value":"734-677-7777"},{"system":"fax","value":"734-677-7778"},
  {"system":"email","value":"desk@acme-clinic.org"},{"system":"url","value":"https://acme-clinic.org"}],
 "address":[{"line":["3300 Washtenaw Avenue","Suite 227"],"city":"Amherst","state":"MA","postalCode":"01002","country":"US"}]}`

// Hospitals as Synthea v2.5 writes them (hospitalInformation*.json): no
// NPI, Synthea's own identifier and extensions, one phone or none.
var syntheaHospitals = map[string]string{
	"HEALTHALLIANCE HOSPITALS, INC": `{"resourceType":"Organization","id":"ef58ea08-d883-3957-8300-150554edc8fb","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":27},{"url":"http://synthetichealth.github.io/synthea/utilization-procedures-extension","valueInteger":0},{"url":"http://synthetichealth.github.io/synthea/utilization-labs-extension","valueInteger":0},{"url":"http://synthetichealth.github.io/synthea/utilization-prescriptions-extension","valueInteger":0}],"identifier":[{"system":"https://github.com/synthetichealth/synthea","value":"ef58ea08-d883-3957-8300-150554edc8fb"}],"active":true,"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov","display":"Healthcare Provider"}],"text":"Healthcare Provider"}],"name":"HEALTHALLIANCE HOSPITALS, INC","telecom":[{"system":"phone","value":"9784662000"}],"address":[{"line":["60 HOSPITAL ROAD"],"city":"LEOMINSTER","state":"MA","postalCode":"01453","country":"US"}]}`,
	"PCP95496":                      `{"resourceType":"Organization","id":"f9d686d4-0133-30a3-ab72-80c9e93921f4","extension":[{"url":"http://synthetichealth.github.io/synthea/utilization-encounters-extension","valueInteger":111},{"url":"http://synthetichealth.github.io/synthea/utilization-procedures-extension","valueInteger":111},{"url":"http://synthetichealth.github.io/synthea/utilization-labs-extension","valueInteger":299},{"url":"http://synthetichealth.github.io/synthea/utilization-prescriptions-extension","valueInteger":379}],"identifier":[{"system":"https://github.com/synthetichealth/synthea","value":"f9d686d4-0133-30a3-ab72-80c9e93921f4"}],"active":true,"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"prov","display":"Healthcare Provider"}],"text":"Healthcare Provider"}],"name":"PCP95496","address":[{"line":["169 N FRANKLIN ST"],"city":"HOLBROOK","state":"MA","postalCode":"02343-1111","country":"US"}]}`,
}

// TestFHIROrganizationWrite: Organization create and update land in
// facility (listed by the Standard API's facilities) or, for a payer, in
// insurance_companies with its address and numbers; staff only.
func TestFHIROrganizationWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const named = `"name":"Acme Clinic"`
		id := runDirectoryWriteCase(t, e, writeCase{
			typ: "Organization", body: newOrganization, std: "/api/facility",
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"identifier.0.value": "1407071236", "identifier.1.system": "urn:oid:2.16.840.1.113883.4.7", "identifier.1.value": "12D4567890",
					"active": "true", "type.0.coding.0.code": "prov", "name": "Acme Clinic",
					"telecom.0.value": "734-677-7777", "telecom.1.system": "fax", "telecom.2.value": "desk@acme-clinic.org",
					"telecom.3.system": "url", "telecom.3.value": "https://acme-clinic.org",
					"address.0.line.0": "3300 Washtenaw Avenue, Suite 227", "address.0.city": "Amherst", "address.0.postalCode": "01002",
					"address.0.country": "US",
				})
			},
			update: [2]string{named, `"name":"Acme Clinic North"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"name": "Acme Clinic North", "identifier.0.value": "1407071236"})
			},
			bad: map[string]string{
				"no name":         `{"resourceType":"Organization","active":true}`,
				"a department":    `{"resourceType":"Organization",` + named + `,"type":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/organization-type","code":"dept"}]}]}`,
				"bad e-mail":      `{"resourceType":"Organization",` + named + `,"telecom":[{"system":"email","value":"not an address"}]}`,
				"not a web site":  `{"resourceType":"Organization",` + named + `,"telecom":[{"system":"other","value":"ask at the desk"}]}`,
				"NPI not digits":  `{"resourceType":"Organization",` + named + `,"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"12-34"}]}`,
				"two addresses":   `{"resourceType":"Organization",` + named + `,"address":[{"city":"A"},{"city":"B"}]}`,
				"unknown element": `{"resourceType":"Organization",` + named + `,"shoeSize":9}`,
			},
		})
		// A facility does not become a payer.
		payer := strings.Replace(strings.Replace(newOrganization, `"code":"prov"`, `"code":"pay"`, 1), `{"resourceType":"Organization",`, `{"resourceType":"Organization","id":"`+id+`",`, 1)
		if r := e.DoHeader("PUT", "/fhir/Organization/"+id, e.Admin, payer, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a facility updated into a payer: %d %s", r.Status, r.Body)
		}

		// A payer is an insurance company with its address and numbers.
		body := usCoreExample(t, "Organization-acme-payer.json", "")
		r := e.DoHeader("POST", "/fhir/Organization", e.Admin, body, fhirJSONHeader...).Want(t, 201)
		pid := r.Str("id")
		checkPaths(t, r, map[string]string{"type.0.coding.0.code": "pay", "name": "Acme Health Plan", "telecom.0.value": "5555555555",
			"address.0.line.0": "100 Insurance Avenue", "address.0.city": "Amherst", "address.0.postalCode": "01002", "meta.versionId": "1"})
		std := e.Do("GET", "/api/insurance_company", e.Admin, nil).Want(t, 200)
		found := false
		for i := 0; i < std.Len(); i++ {
			found = found || std.Str(i, "uuid") == pid && std.Str(i, "city") == "Amherst" && std.Str(i, "work_number") == "+15555555555"
		}
		if !found {
			t.Errorf("the Standard API's insurance companies do not list %s: %s", pid, std.Body)
		}
		moved := strings.Replace(strings.Replace(body, `"city":"Amherst"`, `"city":"Northampton"`, 1), `"id":"acme-payer"`, `"id":"`+pid+`"`, 1)
		r = e.DoHeader("PUT", "/fhir/Organization/"+pid, e.Admin, moved, append([]string{"If-Match", `W/"1"`}, fhirJSONHeader...)...).Want(t, 200)
		checkPaths(t, r, map[string]string{"address.0.city": "Northampton", "meta.versionId": "2", "telecom.0.value": "5555555555"})
		emrtest.ValidateFHIR(t, r.Body)

		// The official examples round-trip their name, type, NPI, address
		// and contacts.
		for file, want := range map[string]map[string]string{
			"Organization-acme-lab.json": {"name": "Acme Labs", "identifier.0.value": "1144221847", "identifier.1.value": "12D4567890",
				"telecom.0.value": "(+1) 734-677-7777", "telecom.1.value": "hq@acme.org", "address.0.country": "USA"},
			"Organization-example-organization-2.json": {"name": "Acme Clinic", "identifier.0.value": "1407071236",
				"telecom.1.value": "customer-service@acme-clinic.org", "address.0.line.0": "3300 Washtenaw Avenue, Suite 227"},
			"Organization-holy-healthcare.json": {"name": "Holy Healthcare", "identifier.0.value": "1234567893", "address.0.city": "Amherst"},
			"Organization-saint-luke-w-endpoint.json": {"name": "Saint Luke's Hospital of Kansas City", "identifier.0.value": "1063494177",
				"telecom.0.value": "(816)932-2000", "telecom.1.value": "http://www.saintlukeshealthsystem.org/locations/saint-lukes-hospital-kansas-city",
				"address.0.line.0": "4401 Wornall Rd,", "address.0.postalCode": "64111"},
		} {
			r := e.DoHeader("POST", "/fhir/Organization", e.Admin, usCoreExample(t, file, ""), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Organization/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			want["type.0.coding.0.code"], want["active"], want["identifier.0.system"] = "prov", "true", "http://hl7.org/fhir/sid/us-npi"
			checkPaths(t, r, want)
		}

		// Synthea's hospitals, found by name.
		for name, s := range syntheaHospitals {
			r := e.DoHeader("POST", "/fhir/Organization", e.Admin, s, fhirJSONHeader...).Want(t, 201)
			ids, _ := fhirSearch(t, e, e.Admin, "Organization?name="+strings.ReplaceAll(name, " ", "%20"))
			if len(ids) != 1 || ids[0] != r.Str("id") || r.Str("address", 0, "city") == "" {
				t.Errorf("Synthea hospital %s: found %v; %s", name, ids, r.Body)
			}
		}
	})
}
