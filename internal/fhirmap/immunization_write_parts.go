package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// immunizationDetailsFrom keeps how the dose was given: its manufacturer
// (by name, as OpenEMR records it), site and route (HL7 codes of the
// options the read knows, or text), and the amount given.
func immunizationDetailsFrom(im *r4.Immunization, v map[string]any) error {
	v["manufacturer"] = ""
	if m := im.Manufacturer; m != nil {
		if v["manufacturer"] = strings.TrimSpace(deref(m.Display)); v["manufacturer"] == "" {
			return invalid("Immunization.manufacturer", "must have a display: OpenEMR records the manufacturer's name")
		}
	}
	var err error
	if v["administration_site"], err = optionFrom("Immunization.site", im.Site, "http://terminology.hl7.org/CodeSystem/v3-ActSite", immunizationSites); err != nil {
		return err
	}
	if v["route"], err = optionFrom("Immunization.route", im.Route, "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", immunizationRoutes); err != nil {
		return err
	}
	v["amount_administered"], v["amount_administered_unit"] = "", ""
	if q := im.DoseQuantity; q != nil {
		if q.Value == nil {
			return invalid("Immunization.doseQuantity", "must have a value")
		}
		unit := strings.TrimSpace(deref(q.Code))
		if unit == "" || deref(q.System) != "http://unitsofmeasure.org" {
			unit = strings.TrimSpace(deref(q.Unit))
		}
		v["amount_administered"], v["amount_administered_unit"] = q.Value.String(), unit
	}
	return nil
}

// optionFrom is the OpenEMR option of a coded concept: the option whose
// code (in system) it has, else its text. A code of system the options do
// not have cannot be read back and is refused.
func optionFrom(path string, cc *r4.CodeableConcept, system string, options map[string]struct{ code, display string }) (string, error) {
	if cc == nil {
		return "", nil
	}
	if code := conceptCode(cc, system); code != "" {
		for opt, o := range options {
			if o.code == code {
				return opt, nil
			}
		}
		return "", invalid(path, "%s code %q is not among OpenEMR's options", system, code)
	}
	if t := strings.TrimSpace(deref(cc.Text)); t != "" && options[t].code == "" {
		return t, nil
	}
	return "", invalid(path, "must have a %s code OpenEMR offers, or a text", system)
}
