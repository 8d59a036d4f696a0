package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// systemNUBCDischarge is US Core's discharge disposition code system
// (us-core-discharge-disposition, preferred binding).
const systemNUBCDischarge = "http://www.nubc.org/patient-discharge"

// encounterFacilityFrom keeps the facility, which is both where the
// encounter happened (location) and who provided it (serviceProvider):
// they must name the same facility.
func encounterFacilityFrom(w *WriteContext, e *r4.Encounter, v map[string]any) error {
	v["facility_id"], v["facility"] = "", ""
	set := func(path, id, name string) error {
		if old := v["facility_id"].(string); old != "" && old != id {
			return invalid(path, "OpenEMR records one facility of an encounter: its location and service provider")
		}
		v["facility_id"], v["facility"] = id, name
		return nil
	}
	for _, l := range e.Location {
		id, err := w.reference("Encounter.location.location", l.Location, "Location", "id")
		if err != nil {
			return err
		}
		name, _, _ := w.Resolve("Location", referencedID(l.Location), "name")
		if err := set("Encounter.location", id, name); err != nil {
			return err
		}
	}
	if e.ServiceProvider != nil {
		id, err := w.reference("Encounter.serviceProvider", e.ServiceProvider, "Organization", "facility_id")
		if err != nil {
			return err
		}
		if id == "" {
			return invalid("Encounter.serviceProvider", "must be a facility (an insurer provides no encounter)")
		}
		name, _, _ := w.Resolve("Organization", referencedID(e.ServiceProvider), "name")
		return set("Encounter.serviceProvider", id, name)
	}
	return nil
}

// referencedID is the id of a literal reference, "" for none.
func referencedID(r *r4.Reference) string {
	if r == nil || r.Reference == nil {
		return ""
	}
	parts := strings.Split(*r.Reference, "/")
	return parts[len(parts)-1]
}

// dischargeFrom keeps a discharge disposition as OpenEMR's option: an HL7
// discharge-disposition code is the option itself; a NUBC patient
// discharge status code (US Core's preferred codes, two digits) is kept
// as it is, which the read shows under the NUBC system.
func dischargeFrom(cc *r4.CodeableConcept) (string, error) {
	if code := conceptCode(cc, systemDischargeDisp); code != "" {
		return code, nil
	}
	if code := conceptCode(cc, systemNUBCDischarge); nubcCode(code) {
		return code, nil
	}
	return "", invalid("Encounter.hospitalization.dischargeDisposition", "must have a NUBC or HL7 discharge-disposition coding")
}

// nubcCode reports whether s is a NUBC patient discharge status code.
func nubcCode(s string) bool {
	return len(s) == 2 && strings.Trim(s, "0123456789") == ""
}
