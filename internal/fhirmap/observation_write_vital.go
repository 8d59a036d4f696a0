package fhirmap

import (
	"strconv"
	"strings"

	"goemr/internal/fhir/r4"
)

// vitalFromFHIR maps a US Core vital sign
// (https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-vital-signs.html)
// onto the columns of its vital in a form_vitals row, the inverse of
// vitalToFHIR: its value and components in the stored units (the unit
// written kept beside a converted value), a temperature's method and a
// BMI's interpretation. Every column of the vital is set, so that an
// update also clears what the new version leaves out.
func vitalFromFHIR(o *r4.Observation, code string, v map[string]any) error {
	vc := vitalStorage[code]
	v["kind"], v["vital"] = "vital", vc.short
	for _, col := range vc.ownColumns() {
		v[col] = ""
	}
	if s := deref(o.Status); s != "final" {
		return invalid("Observation.status", "%q cannot be stored: OpenEMR's vitals are final measurements", s)
	}
	if o.ValueCodeableConcept != nil || o.ValueString != nil || o.ValueBoolean != nil || o.ValueInteger != nil ||
		o.ValueRange != nil || o.ValueRatio != nil || o.ValueSampledData != nil || o.ValueTime != nil ||
		o.ValueDateTime != nil || o.ValuePeriod != nil {
		return invalid("Observation.value[x]", "a vital sign is a valueQuantity")
	}
	switch {
	case o.ValueQuantity != nil && vc.column == "":
		return invalid("Observation.valueQuantity", "a blood pressure has its values in its components")
	case o.ValueQuantity != nil:
		if err := vitalQuantityFrom("Observation.valueQuantity", o.ValueQuantity, code, vc.column, vc, v); err != nil {
			return err
		}
	}
	for i, comp := range o.Component {
		path := "Observation.component[" + strconv.Itoa(i) + "]"
		part, ok := vitalPart{}, false
		for _, p := range vc.components {
			if conceptCode(comp.Code, systemLOINC) == p.code {
				part, ok = p, true
			}
		}
		switch {
		case !ok:
			return invalid(path+".code", "is not a component of %s OpenEMR keeps", vitalSigns[code].display)
		case comp.ValueQuantity != nil:
			if err := vitalQuantityFrom(path+".valueQuantity", comp.ValueQuantity, part.code, part.column, vc, v); err != nil {
				return err
			}
		case comp.DataAbsentReason == nil:
			return invalid(path, "needs a valueQuantity or a dataAbsentReason")
		}
	}
	measured := false
	for _, col := range vc.valueColumns() {
		measured = measured || v[col] != ""
	}
	if !measured {
		return invalid("Observation.value[x]", "nothing measured: OpenEMR keeps a vital only with a value")
	}
	if vc.short == "temp" && o.Method != nil {
		v["temp_method"] = conceptText(o.Method)
	}
	if vc.short == "bmi" && len(o.Interpretation) > 0 {
		v["BMI_status"] = conceptText(&o.Interpretation[0])
	}
	return nil
}

// vitalQuantityFrom stores q, the value of vital code (or of its component
// code) in column: a plain number in the column's unit, converted when the
// column takes several.
func vitalQuantityFrom(path string, q *r4.Quantity, code, column string, vc vitalColumns, v map[string]any) error {
	unit := deref(q.Code)
	if unit == "" {
		unit = deref(q.Unit)
	}
	if sys := deref(q.System); sys != "" && sys != systemUCUMUnits {
		return invalid(path+".system", "units must be UCUM (%s)", systemUCUMUnits)
	}
	if q.Value == nil || q.Comparator != nil || decimalValue(q.Value.String()) == nil || strings.ContainsAny(q.Value.String(), "eE") {
		return invalid(path+".value", "must be a measured number (no comparator, no exponent)")
	}
	if isZero(*q.Value) {
		return invalid(path+".value", "0 cannot be stored: OpenEMR's vitals keep 0 for not measured")
	}
	n := *decimalValue(q.Value.String())
	if column == vc.column && vc.kind != "" {
		u, ok := findUnit(vc.kind, unit)
		if !ok {
			return invalid(path+".code", "%q is not a unit OpenEMR can convert (%s)", unit, unitCodes(vc.kind))
		}
		stored, ok := u.toStored(n)
		if !ok {
			return invalid(path+".value", "is not a number")
		}
		v[column] = stored
		if u.a != 1 || u.b != 0 {
			v[vc.unitCol] = u.code
		}
		return nil
	}
	want := vitalSigns[vitalByShort(vc.short)].unit.code
	for _, comp := range vitalSigns[vitalByShort(vc.short)].components {
		if comp.code == code {
			want = comp.unit.code
		}
	}
	if unit != "" && unit != want {
		return invalid(path+".code", "must be %q, the unit OpenEMR keeps", want)
	}
	v[column] = n.String()
	return nil
}

// conceptText is what a concept says in words: its text, else its first
// coding's display, else that coding's code.
func conceptText(cc *r4.CodeableConcept) string {
	if t := strings.TrimSpace(deref(cc.Text)); t != "" {
		return t
	}
	for _, c := range cc.Coding {
		if d := strings.TrimSpace(deref(c.Display)); d != "" {
			return d
		}
		if k := strings.TrimSpace(deref(c.Code)); k != "" {
			return k
		}
	}
	return ""
}
