package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

const newDevice = `{"resourceType":"Device",
 "udiCarrier":[{"deviceIdentifier":"00643169007222","carrierHRF":"(01)00643169007222(17)300101(10)LOT7(21)SER99"}],
 "status":"active","manufacturer":"Medtronic","manufactureDate":"2023-03-01","expirationDate":"2030-01-01",
 "lotNumber":"LOT7","serialNumber":"SER99","modelNumber":"W1DR01",
 "deviceName":[{"name":"Azure XT DR MRI SureScan","type":"udi-label-name"}],
 "type":{"coding":[{"system":"http://snomed.info/sct","code":"706004007","display":"Implantable cardiac pacemaker"}],"text":"Implantable cardiac pacemaker"},
 "patient":{"reference":"Patient/PATIENT"},"note":[{"text":"MRI conditional"}]}`

// Devices as Synthea v2.5 writes them, their patient a demo one's.
var syntheaDevices = []string{
	`{"resourceType":"Device","id":"87b9cc57-7b15-4d2c-966c-01b492e336d8","udiCarrier":[{"deviceIdentifier":"55419052043921","carrierHRF":"(01)55419052043921(11)140806(17)390821(10)8755813501(21)1721908"}],"status":"active","distinctIdentifier":"55419052043921","manufactureDate":"2014-08-06T07:17:46-04:00","expirationDate":"2039-08-21T07:17:46-04:00","lotNumber":"8755813501","serialNumber":"1721908","deviceName":[{"name":"Implantable defibrillator, device (physical object)","type":"user-friendly-name"}],"type":{"coding":[{"system":"http://snomed.info/sct","code":"72506001","display":"Implantable defibrillator, device (physical object)"}],"text":"Implantable defibrillator, device (physical object)"},"patient":{"reference":"Patient/PATIENT"}}`,
	`{"resourceType":"Device","id":"e5320920-ad11-4de4-a5a7-c43b8532ced4","udiCarrier":[{"deviceIdentifier":"79127444617307","carrierHRF":"(01)79127444617307(11)960810(17)210825(10)879750934098270(21)13357462049826"}],"status":"active","distinctIdentifier":"79127444617307","manufactureDate":"1996-08-10T03:52:44-04:00","expirationDate":"2021-08-25T03:52:44-04:00","lotNumber":"879750934098270","serialNumber":"13357462049826","deviceName":[{"name":"Implantable cardiac pacemaker (physical object)","type":"user-friendly-name"}],"type":{"coding":[{"system":"http://snomed.info/sct","code":"706004007","display":"Implantable cardiac pacemaker (physical object)"}],"text":"Implantable cardiac pacemaker (physical object)"},"patient":{"reference":"Patient/PATIENT"}}`,
}

// TestFHIRDeviceWrite: implantable Device create and update land in the
// patient's list of medical devices with their UDI, with versions.
func TestFHIRDeviceWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const kind = `"type":{"text":"Implantable cardiac pacemaker"},"patient":{"reference":"Patient/PATIENT"}`
		runWriteCase(t, e, writeCase{
			typ: "Device", body: newDevice,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"udiCarrier.0.deviceIdentifier": "00643169007222", "udiCarrier.0.carrierHRF": "(01)00643169007222(17)300101(10)LOT7(21)SER99",
					"udiCarrier.0.jurisdiction": "http://hl7.org/fhir/NamingSystem/fda-udi", "status": "active",
					"manufacturer": "Medtronic", "manufactureDate": "2023-03-01", "expirationDate": "2030-01-01", "lotNumber": "LOT7",
					"serialNumber": "SER99", "modelNumber": "W1DR01", "deviceName.0.name": "Azure XT DR MRI SureScan",
					"deviceName.0.type": "udi-label-name", "type.coding.0.code": "706004007", "type.text": "Implantable cardiac pacemaker",
					"patient.reference": "Patient/" + demoPatient(2), "note.0.text": "MRI conditional",
				})
			},
			update: [2]string{`"status":"active"`, `"status":"inactive"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"status": "inactive", "serialNumber": "SER99"})
			},
			bad: map[string]string{
				"no type":        `{"resourceType":"Device","patient":{"reference":"Patient/PATIENT"}}`,
				"no patient":     `{"resourceType":"Device","type":{"text":"Implantable cardiac pacemaker"}}`,
				"unknown status": `{"resourceType":"Device","status":"unknown",` + kind + `}`,
				"two UDIs":       `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"1"},{"deviceIdentifier":"2"}],` + kind + `}`,
				"EU UDI":         `{"resourceType":"Device","udiCarrier":[{"deviceIdentifier":"1","jurisdiction":"http://hl7.org/fhir/NamingSystem/eu-ec-udi"}],` + kind + `}`,
				"bad expiry":     `{"resourceType":"Device","expirationDate":"2030-02-30",` + kind + `}`,
			},
		})

		// The official examples round-trip their UDI and its parts.
		for file, want := range map[string]map[string]string{
			"Device-udi-1.json": {"udiCarrier.0.deviceIdentifier": "09504000059118", "expirationDate": "2014-11-20", "lotNumber": "7654321D",
				"serialNumber": "10987654d321", "type.coding.0.code": "468063009"},
			"Device-udi-2.json": {"udiCarrier.0.carrierHRF": "(01)99863313444316(17)220101(10)M320(21)AC221", "manufacturer": "ACME Biomedical",
				"deviceName.0.name": "ACME Defibrillator Analyzer, with Transcutaneous Pacemaker Input", "modelNumber": "1.0", "type.text": "Implant"},
			"Device-udi-3.json": {"udiCarrier.0.deviceIdentifier": "987979879879", "manufactureDate": "2015-10-15", "expirationDate": "2022-01-01",
				"deviceName.0.name": "ACME Knee Replacement Device", "type.coding.0.code": "109228008"},
		} {
			r := e.DoHeader("POST", "/fhir/Device", e.Admin, usCoreExample(t, file, demoPatient(3)), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Device/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			want["status"], want["patient.reference"], want["meta.versionId"] = "active", "Patient/"+demoPatient(3), "1"
			checkPaths(t, r, want)
		}
		for _, s := range syntheaDevices {
			r := e.DoHeader("POST", "/fhir/Device", e.Admin, forPatient(s, demoPatient(3)), fhirJSONHeader...).Want(t, 201)
			if r.Str("udiCarrier", 0, "deviceIdentifier") == "" || r.Str("lotNumber") == "" || !strings.HasPrefix(r.Str("manufactureDate"), "19") && !strings.HasPrefix(r.Str("manufactureDate"), "20") {
				t.Errorf("Synthea device: %s", r.Body)
			}
		}
		ids, _ := fhirSearch(t, e, e.Admin, "Device?patient="+demoPatient(3)+"&type=72506001")
		if len(ids) != 1 {
			t.Errorf("Synthea's defibrillator by type: %v", ids)
		}
	})
}
