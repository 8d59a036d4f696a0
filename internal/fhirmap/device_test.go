package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestDeviceToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "4", "pat-uuid")
	parsed := `{"standard_elements":{"udi":"(01)08600000522100(11)111104(17)161104(10)S111495(21)ST4308535","issuingAgency":"GS1",
		"di":"08600000522100","manufacturingDate":"2011-11-04","expirationDate":"2016-11-04","lotNumber":"S111495",
		"serialNumber":"ST4308535","donationId":null},
		"gudid":{"device":{"brandName":"Stride Total Knee System","companyName":"Granite Orthopedics","versionModelNumber":"STK-5"}}}`
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"parsed UDI", emr.Record{"uuid": "d1", "pid": "4", "title": "Knee joint prosthesis", "codes": ";SNOMED-CT:109228008;",
			"udi": "(01)08600000522100(11)111104(17)161104(10)S111495(21)ST4308535", "udi_data": parsed, "status": "active",
			"last_updated": "2012-04-10 09:00:00"},
			[]string{`"udiCarrier":[{"deviceIdentifier":"08600000522100","issuer":"http://hl7.org/fhir/NamingSystem/gs1-di",` +
				`"jurisdiction":"http://hl7.org/fhir/NamingSystem/fda-udi","carrierHRF":"(01)08600000522100(11)111104(17)161104(10)S111495(21)ST4308535"}]`,
				`"status":"active"`, `"manufacturer":"Granite Orthopedics"`, `"manufactureDate":"2011-11-04"`, `"expirationDate":"2016-11-04"`,
				`"lotNumber":"S111495"`, `"serialNumber":"ST4308535"`, `"deviceName":[{"name":"Stride Total Knee System","type":"udi-label-name"}]`,
				`"modelNumber":"STK-5"`, `"system":"http://snomed.info/sct","code":"109228008"`, `"text":"Knee joint prosthesis"`,
				`"patient":{"reference":"Patient/pat-uuid"}`, "us-core-implantable-device|6.1.0", `"lastUpdated":"2012-04-10T09:00:00Z"`},
			[]string{"distinctIdentifier"}},
		{"GS1 UDI only", emr.Record{"uuid": "d2", "pid": "4", "title": "Cardiac pacemaker", "codes": ";SNOMED-CT:14106009;",
			"udi": "(01)00643169007222(17)250400(10)A123(21)PZX98765", "status": "inactive"},
			[]string{`"deviceIdentifier":"00643169007222"`, `"expirationDate":"2025-04-30"`, `"lotNumber":"A123"`,
				`"serialNumber":"PZX98765"`, `"status":"inactive"`},
			[]string{"manufactureDate", "manufacturer"}},
		{"tissue product", emr.Record{"uuid": "d3", "pid": "4", "title": "Allograft", "codes": ";",
			"udi":      "=/A9999XYZ100T0944=,000025=A99971312345600=>014032=}013032&,1000000000000XYZ123",
			"udi_data": `{"standard_elements":{"issuingAgency":"ICCBBA","di":"A9999XYZ100T0944","donationId":"A99971312345600"}}`, "status": "active"},
			[]string{`"deviceIdentifier":"A9999XYZ100T0944"`, `"issuer":"http://hl7.org/fhir/NamingSystem/iccbba-other-di"`,
				`"distinctIdentifier":"A99971312345600"`, `"text":"Allograft"`},
			nil},
		{"no UDI, no code, no patient", emr.Record{"uuid": "d4", "pid": "9", "title": "", "codes": ";;", "udi_data": "not json", "status": "active"},
			[]string{`"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`,
				`"patient":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}`},
			[]string{"udiCarrier", "lotNumber"}},
	} {
		checkFragments(t, tc.name, deviceToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestUDIDate(t *testing.T) {
	for in, want := range map[string]string{"2016-11-04": "2016-11-04", "161104": "2016-11-04", "250200": "2025-02-28", "240200": "2024-02-29", "x": "", "": ""} {
		got := udiDate(in)
		if (got == nil) != (want == "") || got != nil && *got != want {
			t.Errorf("udiDate(%q) = %v, want %q", in, got, want)
		}
	}
}
