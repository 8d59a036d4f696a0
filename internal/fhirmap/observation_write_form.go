package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// formFromFHIR maps an Observation that is neither a US Core vital sign
// nor a laboratory result (social history, screening and assessment
// items, exams, procedures, a vital sign US Core has no profile for such
// as pain severity) onto a row of OpenEMR's Observation form
// (form_observation), the inverse of formObservationToFHIR: categories
// (ob_type and US Core's), code and its type, status, effective time or
// period, value (a number and unit, a coded answer "TYPE:code" and its
// name, or text), the questionnaire response it was taken from, its
// items (hasMember, by uuid) and its components as items of its own.
func formFromFHIR(o *r4.Observation, w *WriteContext, v map[string]any) error {
	v["kind"] = "form"
	v["ob_type"], v["category"] = "", ""
	for _, cc := range o.Category {
		for _, c := range cc.Coding {
			switch deref(c.System) {
			case systemObservationCategory:
				if v["ob_type"] == "" {
					v["ob_type"] = deref(c.Code)
				}
			case systemUSCoreCategory:
				if v["category"] == "" {
					v["category"] = deref(c.Code)
				}
			}
		}
	}
	if err := formCodeFrom("Observation.code", o.Code, v); err != nil {
		return err
	}
	status := deref(o.Status)
	if _, ok := labStatuses[status]; !ok {
		return invalid("Observation.status", "%q is not an observation status", status)
	}
	v["ob_status"], v["date_end"] = status, ""
	if p := o.EffectivePeriod; p != nil {
		var err error
		if v["date"], err = timeFrom("Observation.effectivePeriod.start", p.Start); err != nil {
			return err
		}
		if v["date_end"], err = timeFrom("Observation.effectivePeriod.end", p.End); err != nil {
			return err
		}
	}
	switch {
	case len(o.Note) > 0:
		return invalid("Observation.note", "OpenEMR's Observation form keeps no notes")
	case len(o.Interpretation) > 0 || len(o.ReferenceRange) > 0:
		return invalid("Observation.interpretation", "OpenEMR's Observation form keeps no interpretation or reference range")
	}
	if err := formValueFrom("Observation", valueOf(o), v); err != nil {
		return err
	}
	var items []map[string]any
	for i := range o.Component {
		c := &o.Component[i]
		item := map[string]any{}
		path := "Observation.component"
		if err := formCodeFrom(path+".code", c.Code, item); err != nil {
			return err
		}
		comp := observationValue{c.ValueQuantity, c.ValueCodeableConcept, c.ValueString, c.ValueInteger, c.DataAbsentReason,
			c.ValueBoolean != nil || c.ValueRange != nil || c.ValueRatio != nil || c.ValueSampledData != nil ||
				c.ValueTime != nil || c.ValueDateTime != nil || c.ValuePeriod != nil}
		if err := formValueFrom(path, comp, item); err != nil {
			return err
		}
		items = append(items, item)
	}
	v["items"] = items
	return formLinksFrom(o, w, v)
}

// formCodeFrom stores a code as the Observation form does: "TYPE:code",
// the code and its type (the first coding of a system OpenEMR has a code
// type for), and its name.
func formCodeFrom(path string, cc *r4.CodeableConcept, v map[string]any) error {
	v["code"], v["ob_code"], v["code_type"] = "", "", ""
	name := conceptText(cc)
	for _, c := range cc.Coding {
		typ, code := valueCodeType(deref(c.System)), strings.TrimSpace(deref(c.Code))
		if typ != "" && code != "" {
			v["code"], v["ob_code"], v["code_type"] = typ+":"+code, code, typ
			if d := strings.TrimSpace(deref(c.Display)); d != "" && cc.Text == nil {
				name = d
			}
			break
		}
	}
	if v["code"] == "" && len(cc.Coding) > 0 {
		return invalid(path, "codes of system %q cannot be stored (LOINC, SNOMED CT … can)", deref(cc.Coding[0].System))
	}
	if name == "" {
		return invalid(path, "must have a coding or a text")
	}
	v["description"], v["observation"] = name, name
	return nil
}

// valueCodeType is the OpenEMR code type of a system, those of coded
// answers (null flavors, ODH) included; observationValueSystem reads it
// back.
func valueCodeType(system string) string {
	switch system {
	case systemNullFlav:
		return "NullFlavor"
	case systemODH:
		return "ODH"
	}
	return issueCodeType(system)
}
