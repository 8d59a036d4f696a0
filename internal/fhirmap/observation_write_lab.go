package fhirmap

import (
	"strings"

	"goemr/internal/fhir/r4"
)

// labFromFHIR maps a US Core Laboratory Result Observation
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-observation-lab.html)
// onto procedure_result columns, the inverse of labToFHIR: the LOINC code
// and its name, the value (a number with its UCUM unit, text, or codes
// and their name), reference range, abnormal flag, status, issued time
// and notes; the collection time (date_collected) and specimen also key
// the report and order that hold the result (storeLab).
func labFromFHIR(o *r4.Observation, v map[string]any) error {
	v["kind"] = "lab"
	code := conceptCode(o.Code, systemLOINC)
	if code == "" && len(o.Code.Coding) > 0 {
		return invalid("Observation.code", "a laboratory result is coded in LOINC (%s)", systemLOINC)
	}
	name := strings.TrimSpace(deref(o.Code.Text))
	for _, c := range o.Code.Coding {
		if name == "" && deref(c.System) == systemLOINC {
			name = strings.TrimSpace(deref(c.Display))
		}
	}
	if code == "" && name == "" {
		return invalid("Observation.code", "must have a LOINC coding or a text")
	}
	v["result_code"], v["result_text"] = code, name
	v["date_collected"] = v["date"]
	issued, err := timeFrom("Observation.issued", o.Issued)
	if err != nil {
		return err
	}
	v["date"] = issued
	status, ok := labStatuses[deref(o.Status)]
	if !ok {
		return invalid("Observation.status", "%q is not an observation status", deref(o.Status))
	}
	v["result_status"], v["comments"] = status, notesFrom(o.Note)
	if err := labValueFrom(o, v); err != nil {
		return err
	}
	if err := labRangeFrom(o.ReferenceRange, v); err != nil {
		return err
	}
	v["abnormal"] = ""
	switch {
	case len(o.Interpretation) > 1:
		return invalid("Observation.interpretation", "OpenEMR keeps one abnormal flag")
	case len(o.Interpretation) == 1:
		v["abnormal"] = interpretationFrom(&o.Interpretation[0])
	}
	// The specimen OpenEMR keeps is its type (the order's) and the lab's
	// number for it (the report's); a reference to a Specimen is not kept.
	v["specimen_type"], v["specimen_num"] = "", ""
	if s := o.Specimen; s != nil {
		v["specimen_type"] = strings.TrimSpace(deref(s.Display))
		if s.Identifier != nil {
			v["specimen_num"] = strings.TrimSpace(deref(s.Identifier.Value))
		}
	}
	return nil
}

// labStatuses are OpenEMR's result statuses (list proc_res_status) of the
// Observation statuses; resultStatuses reads them back.
var labStatuses = map[string]string{
	"registered": "registered", "preliminary": "prelim", "final": "final", "amended": "amended",
	"corrected": "correct", "cancelled": "cancel", "entered-in-error": "error", "unknown": "",
}

// labValueFrom stores a result's value: a Quantity as a number (after its
// comparator) in its UCUM unit, a string as text, a CodeableConcept as its
// codes and name; or none, when a dataAbsentReason says why.
func labValueFrom(o *r4.Observation, v map[string]any) error {
	v["result"], v["units"], v["value_codes"], v["result_data_type"] = "", "", "", "S"
	switch {
	case o.ValueQuantity != nil:
		q := o.ValueQuantity
		if q.Value == nil || decimalValue(q.Value.String()) == nil || strings.ContainsAny(q.Value.String(), "eE") {
			return invalid("Observation.valueQuantity.value", "must be a number (no exponent)")
		}
		units := deref(q.Code)
		if units == "" || deref(q.System) != systemUCUMUnits {
			units = deref(q.Unit)
		}
		v["result"] = deref(q.Comparator) + decimalValue(q.Value.String()).String()
		v["units"], v["result_data_type"] = strings.TrimSpace(units), "N"
	case o.ValueString != nil:
		v["result"] = *o.ValueString
	case o.ValueCodeableConcept != nil:
		list, title, err := codeListFrom("Observation.valueCodeableConcept", o.ValueCodeableConcept)
		if err != nil {
			return err
		}
		v["result"], v["value_codes"] = title, list
	case o.ValueBoolean != nil || o.ValueInteger != nil || o.ValueRange != nil || o.ValueRatio != nil ||
		o.ValueSampledData != nil || o.ValueTime != nil || o.ValueDateTime != nil || o.ValuePeriod != nil:
		return invalid("Observation.value[x]", "a laboratory result is stored as a Quantity, a string or a CodeableConcept")
	case o.DataAbsentReason != nil && conceptCode(o.DataAbsentReason, systemAbsent) != "unknown":
		return invalid("Observation.dataAbsentReason", "only unknown can be stored (a result without a value)")
	}
	return nil
}

// labRangeFrom stores the one reference range OpenEMR keeps, as labs
// print it: its text, else "low-high", ">=low" or "<=high" in the
// result's units, which labRange reads back.
func labRangeFrom(ranges []r4.ObservationReferenceRange, v map[string]any) error {
	v["range"] = ""
	switch {
	case len(ranges) == 0:
		return nil
	case len(ranges) > 1:
		return invalid("Observation.referenceRange", "OpenEMR keeps one reference range")
	case ranges[0].AppliesTo != nil || ranges[0].Age != nil:
		return invalid("Observation.referenceRange", "a range for a population (appliesTo, age) cannot be stored")
	}
	rr := ranges[0]
	bound := func(q *r4.Quantity) string {
		if q == nil || q.Value == nil {
			return ""
		}
		return q.Value.String()
	}
	low, high := bound(rr.Low), bound(rr.High)
	switch {
	case strings.TrimSpace(deref(rr.Text)) != "":
		v["range"] = strings.TrimSpace(*rr.Text)
	case low != "" && high != "":
		v["range"] = low + "-" + high
	case low != "":
		v["range"] = ">=" + low
	case high != "":
		v["range"] = "<=" + high
	}
	return nil
}

// interpretationFrom is the abnormal flag of an interpretation: OpenEMR's
// option (list proc_res_abnormal) of a v3 code, else the words.
func interpretationFrom(cc *r4.CodeableConcept) string {
	code := conceptCode(cc, systemInterpretationV3)
	for flag, i := range interpretations {
		if i[0] == code {
			return flag
		}
	}
	return conceptText(cc)
}
