package fhirmap

import "testing"

func TestDeviceFromFHIR(t *testing.T) {
	const base = `"patient":{"reference":"Patient/p1"},"type":{"coding":[{"system":"http://snomed.info/sct","code":"19257004","display":"Defibrillator, device"}],"text":"Implant"}`
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"US Core udi-2", `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"99863313444316","carrierHRF":"(01)99863313444316(17)220101(10)M320(21)AC221","entryType":"rfid"}],"status":"active","manufacturer":"ACME Biomedical","expirationDate":"2022-01-01","lotNumber":"M320","serialNumber":"AC221","deviceName":[{"name":"ACME Defibrillator Analyzer","type":"udi-label-name"}],"modelNumber":"1.0",` + base + `}`,
			map[string]any{"pid": "7", "title": "Implant", "diagnosis": "SNOMED-CT:19257004", "activity": "1", "enddate": "", "verification": "",
				"udi": "(01)99863313444316(17)220101(10)M320(21)AC221", "udi_data": `{"standard_elements":{"udi":"(01)99863313444316(17)220101(10)M320(21)AC221","di":"99863313444316","expirationDate":"2022-01-01","lotNumber":"M320","serialNumber":"AC221"},"gudid":{"device":{"brandName":"ACME Defibrillator Analyzer","companyName":"ACME Biomedical","versionModelNumber":"1.0"}}}`}, ""},
		{"removed, issuer, notes", `{"resourceType":"Device","status":"inactive","udiCarrier":[{"deviceIdentifier":"1","issuer":"http://hl7.org/fhir/NamingSystem/hibcc-dI","jurisdiction":"http://hl7.org/fhir/NamingSystem/fda-udi"}],"note":[{"text":"explanted"}],` + base + `}`,
			map[string]any{"activity": "0", "comments": "explanted", "udi": "", "udi_data": `{"standard_elements":{"issuingAgency":"HIBCC","di":"1"}}`}, ""},
		{"no UDI", `{"resourceType":"Device","status":"entered-in-error",` + base + `}`, map[string]any{"verification": "entered-in-error", "udi_data": ""}, ""},
		{"no type", `{"resourceType":"Device","patient":{"reference":"Patient/p1"}}`, nil, "Device.type"},
		{"no patient", `{"resourceType":"Device","type":{"text":"x"}}`, nil, "Device.patient"},
		{"unknown status", `{"resourceType":"Device","status":"unknown",` + base + `}`, nil, "Device.status"},
		{"two UDIs", `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"1"},{"deviceIdentifier":"2"}],` + base + `}`, nil, "Device.udiCarrier"},
		{"EU UDI", `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"1","jurisdiction":"http://hl7.org/fhir/NamingSystem/eu-ec-udi"}],` + base + `}`, nil, "Device.udiCarrier.jurisdiction"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := deviceFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

// TestDeviceRoundTrip: what deviceFromFHIR stores, deviceToFHIR shows.
func TestDeviceRoundTrip(t *testing.T) {
	v, err := deviceFromFHIR(fromJSON(t, `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"09504000059118","carrierHRF":"(01)09504000059118(17)141120(10)7654321D(21)10987654d321"}],"status":"active","distinctIdentifier":"D1","manufactureDate":"2013-02-01","expirationDate":"2014-11-20","lotNumber":"7654321D","serialNumber":"10987654d321","modelNumber":"2","type":{"coding":[{"system":"http://snomed.info/sct","code":"468063009"}]},"patient":{"reference":"Patient/p1"}}`), fakeWrites)
	if err != nil {
		t.Fatal(err)
	}
	rec := map[string]any{"uuid": "d1", "pid": "7", "status": "active", "codes": ";" + v["diagnosis"].(string) + ";", "title": v["title"], "udi": v["udi"], "udi_data": v["udi_data"]}
	checkFragments(t, "round trip", deviceToFHIR(rec, NewContext("")), []string{
		`"deviceIdentifier":"09504000059118"`, `"carrierHRF":"(01)09504000059118(17)141120(10)7654321D(21)10987654d321"`,
		`"distinctIdentifier":"D1"`, `"manufactureDate":"2013-02-01"`, `"expirationDate":"2014-11-20"`, `"lotNumber":"7654321D"`,
		`"serialNumber":"10987654d321"`, `"modelNumber":"2"`, `"code":"468063009"`,
	}, nil)
}

func TestDeviceFromSynthea(t *testing.T) {
	for _, v := range acceptsSynthea(t, "Device", deviceFromFHIR) {
		if v["udi"] == "" || v["diagnosis"] == "" || v["udi_data"] == "" {
			t.Errorf("a Synthea device lost its UDI or type: %v", v)
		}
	}
}
