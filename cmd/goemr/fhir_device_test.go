package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRDevice runs the US Core 6.1.0 Implantable Device searches
// (patient, patient+type, patient+status) on demo patient 4's implant and
// on patient 1's, to which a pacemaker and the generator it replaced are
// added.
func TestFHIRDevice(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		pid := demoPID(t, e, 4)
		stored := srStored(t, e, resource.FHIRDevice, emr.Eq("pid", pid))
		if len(stored) == 0 {
			t.Fatal("demo patient 4 has no implant")
		}
		base := "Device?_count=100&patient=" + demoPatient(4)
		srWant(t, e, e.Admin, base, srIDs(stored, "uuid", nil))
		d := stored[0]
		_, code, _ := strings.Cut(d.Str("diagnosis"), ":")
		srWant(t, e, e.Admin, base+"&type="+q("http://snomed.info/sct|"+code),
			srIDs(stored, "uuid", func(r emr.Record) bool { return r.Str("diagnosis") == d.Str("diagnosis") }))
		srWant(t, e, e.Admin, base+"&type="+q("http://loinc.org|"+code), nil)
		srWant(t, e, e.Admin, base+"&status=active", srIDs(stored, "uuid", func(r emr.Record) bool { return r.Str("status") == "active" }))

		r := e.Do("GET", "/fhir/Device/"+d.Str("uuid"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-implantable-device|6.1.0", `"code":"` + code + `"`, `"carrierHRF":"` + d.Str("udi") + `"`,
			`"patient":{"reference":"Patient/` + demoPatient(4) + `"}`, `"issuer":"http://hl7.org/fhir/NamingSystem/gs1-di"`} {
			if !strings.Contains(body, w) {
				t.Errorf("read lacks %s: %s", w, body)
			}
		}
		for _, k := range []string{"manufactureDate", "expirationDate", "lotNumber", "serialNumber"} {
			if r.Str(k) == "" || !strings.Contains(d.Str("udi_data"), r.Str(k)) {
				t.Errorf("%s %q is not udi_data's: %s", k, r.Str(k), d.Str("udi_data"))
			}
		}
		if di := r.Str("udiCarrier", 0, "deviceIdentifier"); len(di) != 14 || !strings.HasPrefix(d.Str("udi"), "(01)"+di) {
			t.Errorf("device identifier %q of %s", di, d.Str("udi"))
		}

		// Patient 1's pacemaker, replaced: the old generator is inactive.
		udi := func(serial string) string { return "(01)08600000410216(11)150301(17)170301(10)C150001(21)" + serial }
		mk := func(serial, begin, end string) string {
			v := map[string]any{"type": "medical_device", "pid": "1", "title": "Cardiac pacemaker", "diagnosis": "SNOMED-CT:14106009",
				"udi": udi(serial), "begdate": begin, "activity": "1", "modifydate": begin + " 10:00:00"}
			if end != "" {
				v["enddate"] = end
			}
			return recStr(storeInsert(t, e, devDeviceRow, v), "uuid")
		}
		knee := srStored(t, e, resource.FHIRDevice, emr.Eq("pid", "1")) // the demo's: active
		old, current := mk("CD1000001", "2015-06-01", "2024-06-01"), mk("CD2000002", "2024-06-01", "")
		mine := "Device?patient=" + demoPatient(1)
		srWant(t, e, e.Admin, mine, append(srIDs(knee, "uuid", nil), old, current))
		srWant(t, e, e.Admin, mine+"&status=inactive", []string{old})
		srWant(t, e, e.Admin, mine+"&status="+q("http://hl7.org/fhir/device-status|active"), append(srIDs(knee, "uuid", nil), current))
		srWant(t, e, e.Admin, mine+"&type=14106009&status=active,inactive", []string{old, current})
		r = e.Do("GET", "/fhir/Device/"+old, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("status") != "inactive" || r.Str("serialNumber") != "CD1000001" || r.Str("expirationDate") != "2017-03-01" ||
			r.Str("udiCarrier", 0, "deviceIdentifier") != "08600000410216" {
			t.Errorf("device read from its UDI alone: %s", r.Body)
		}
		srUnknown(t, e, "Device")
		srCompartment(t, e, "patient/Device.rs", "Device", current, d.Str("uuid"))
	})
}

// devDeviceRow writes a lists row of any type, as OpenEMR's device entry
// does for medical_device.
var devDeviceRow = &resource.Def{Name: "lists", Table: "lists", ID: "id",
	Fields: []resource.Field{resource.Col("id", resource.As(resource.Int)), resource.Col("uuid", resource.Set(resource.AutoUUID))}}
