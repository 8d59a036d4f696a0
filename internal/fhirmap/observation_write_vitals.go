package fhirmap

import (
	"goemr/internal/fhir/r4"
)

// vitalColumns is where a vital sign is stored in form_vitals: its id
// suffix (the short code of fhir_observations, migration 0015), the
// column of its value, the columns of its components by LOINC code, the
// kind of unit the value takes (and the column keeping the unit written),
// and the unit of a value or component that cannot be converted.
type vitalColumns struct {
	short, column string
	components    []vitalPart
	kind, unitCol string
}

// vitalPart is a component of a vital and the column it is stored in.
type vitalPart struct{ code, column string }

// vitalStorage lists every vital fhir_observations shows, by its LOINC
// code (vitalSigns has their display, profile and fixed units).
var vitalStorage = map[string]vitalColumns{
	"85354-9": {short: "bp", components: []vitalPart{{"8480-6", "bps"}, {"8462-4", "bpd"}}},
	"8867-4":  {short: "hr", column: "pulse"},
	"9279-1":  {short: "rr", column: "respiration"},
	"8310-5":  {short: "temp", column: "temperature", kind: "temperature", unitCol: "temperature_unit"},
	"8302-2":  {short: "height", column: "height", kind: "length", unitCol: "height_unit"},
	"29463-7": {short: "weight", column: "weight", kind: "weight", unitCol: "weight_unit"},
	"39156-5": {short: "bmi", column: "BMI"},
	"59408-5": {short: "spo2", column: "oxygen_saturation",
		components: []vitalPart{{"3151-8", "oxygen_flow_rate"}, {"3150-0", "inhaled_oxygen_concentration"}}},
	"9843-4":  {short: "head", column: "head_circ", kind: "length", unitCol: "head_circ_unit"},
	"59576-9": {short: "ped-bmi", column: "ped_bmi"},
	"77606-2": {short: "ped-wfl", column: "ped_weight_height"},
	"8289-1":  {short: "ped-head", column: "ped_head_circ"},
}

// valueColumns are every column holding a measurement of the vital.
func (vc vitalColumns) valueColumns() []string {
	var out []string
	if vc.column != "" {
		out = append(out, vc.column)
	}
	for _, p := range vc.components {
		out = append(out, p.column)
	}
	return out
}

// ownColumns are the columns an update of the vital replaces: its values,
// its unit, and the method of a temperature and the status of a BMI.
func (vc vitalColumns) ownColumns() []string {
	out := vc.valueColumns()
	if vc.unitCol != "" {
		out = append(out, vc.unitCol)
	}
	switch vc.short {
	case "temp":
		out = append(out, "temp_method")
	case "bmi":
		out = append(out, "BMI_status")
	}
	return out
}

// vitalCode is the LOINC code of a US Core vital sign among the codings
// of code (a pulse oximetry may be coded 2708-6, a body length 8306-3
// beside 8302-2), "" when it names none.
func vitalCode(code *r4.CodeableConcept) string {
	if code == nil {
		return ""
	}
	for _, c := range code.Coding {
		if deref(c.System) != systemLOINC {
			continue
		}
		k := deref(c.Code)
		if alias, ok := vitalCodeAliases[k]; ok {
			k = alias
		}
		if _, ok := vitalStorage[k]; ok {
			return k
		}
	}
	return ""
}

// vitalByShort is the LOINC code of the vital with id suffix short.
func vitalByShort(short string) string {
	for code, vc := range vitalStorage {
		if vc.short == short {
			return code
		}
	}
	return ""
}
