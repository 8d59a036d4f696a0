package fhirmap

import (
	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// vitalSign is how one vital of form_vitals is shown: the name of its
// LOINC code, the US Core profile for it, and the UCUM unit of OpenEMR's
// stored value (OpenEMR keeps vitals in US units: lb, in, °F). Components
// are the parts the row's value2 and value3 columns hold.
type vitalSign struct {
	display, profile string
	unit             ucumUnit
	components       []vitalComponent
}

type ucumUnit struct{ code, display string }

// vitalComponent is a component of a vital: its LOINC code and unit.
type vitalComponent struct {
	code, display string
	unit          ucumUnit
}

var (
	unitMmHg    = ucumUnit{"mm[Hg]", "mmHg"}
	unitPerMin  = ucumUnit{"/min", "/min"}
	unitPercent = ucumUnit{"%", "%"}
	unitInch    = ucumUnit{"[in_i]", "in"}
)

// vitalSigns are the vitals fhir_observations unpivots, by the LOINC code
// it stores (migration 0015 lists the same codes). Units and codes are
// those the profiles fix (value[x]:valueQuantity.code, UCUM).
var vitalSigns = map[string]*vitalSign{
	"85354-9": {"Blood pressure panel with all children optional", "us-core-blood-pressure", ucumUnit{}, []vitalComponent{
		{"8480-6", "Systolic blood pressure", unitMmHg},
		{"8462-4", "Diastolic blood pressure", unitMmHg},
	}},
	"8867-4":  {"Heart rate", "us-core-heart-rate", unitPerMin, nil},
	"9279-1":  {"Respiratory rate", "us-core-respiratory-rate", unitPerMin, nil},
	"8310-5":  {"Body temperature", "us-core-body-temperature", ucumUnit{"[degF]", "degF"}, nil},
	"8302-2":  {"Body height", "us-core-body-height", unitInch, nil},
	"29463-7": {"Body weight", "us-core-body-weight", ucumUnit{"[lb_av]", "lb"}, nil},
	"39156-5": {"Body mass index (BMI) [Ratio]", "us-core-bmi", ucumUnit{"kg/m2", "kg/m2"}, nil},
	"59408-5": {"Oxygen saturation in Arterial blood by Pulse oximetry", "us-core-pulse-oximetry", unitPercent, []vitalComponent{
		{"3151-8", "Inhaled oxygen flow rate", ucumUnit{"L/min", "L/min"}},
		{"3150-0", "Inhaled oxygen concentration", unitPercent},
	}},
	"9843-4":  {"Head Occipital-frontal circumference", "us-core-head-circumference", unitInch, nil},
	"59576-9": {"Body mass index (BMI) [Percentile] Per age and sex", "pediatric-bmi-for-age", unitPercent, nil},
	"77606-2": {"Weight-for-length Per age and sex", "pediatric-weight-for-height", unitPercent, nil},
	"8289-1":  {"Head Occipital-frontal circumference Percentile", "head-occipital-frontal-circumference-percentile", unitPercent, nil},
}

// vitalProfiles are the profiles each vital claims: its own and US Core
// Vital Signs, which it specializes.
var vitalProfiles = func() map[string][]string {
	out := map[string][]string{}
	for code, v := range vitalSigns {
		out[code] = profiles(v.profile, "us-core-vital-signs")
	}
	return out
}()

// vitalCodeAliases are second codes of a vital, to the code it is stored
// under: US Core Pulse Oximetry codes it 59408-5 and 2708-6.
var vitalCodeAliases = map[string]string{"2708-6": "59408-5"}

const displayO2Sat = "Oxygen saturation in Arterial blood"

// vitalToFHIR fills o as the vital sign the row is: its profile, code,
// value in the profile's unit and components.
func vitalToFHIR(o *r4.Observation, rec emr.Record) {
	code := rec.Str("code")
	v, claims := vitalSigns[code], vitalProfiles[code]
	if v == nil { // a code the view has and this table lacks
		v, claims = &vitalSign{display: code}, profiles("us-core-vital-signs")
	}
	o.Meta = meta(claims, rec.Str("last_updated"))
	o.Category = observationCategoryConcept(categoryVitalSigns, "Vital Signs")
	o.Code = concept(systemLOINC, code, v.display)
	if code == "59408-5" {
		o.Code.Coding = append(o.Code.Coding, coding(systemLOINC, "2708-6", displayO2Sat))
	}
	if m := text(rec.Str("method")); m != nil {
		o.Method = &r4.CodeableConcept{Text: m}
	}
	if i := text(rec.Str("interpretation")); i != nil {
		o.Interpretation = []r4.CodeableConcept{{Text: i}}
	}
	values := []string{rec.Str("value"), rec.Str("value2"), rec.Str("value3")}
	if v.components == nil || v.unit.code != "" {
		if q := vitalQuantity(values[0], v.unit); q != nil {
			o.ValueQuantity = q
		} else {
			// Only the components were measured (a pulse oximetry's
			// oxygen flow without the saturation).
			o.DataAbsentReason = concept(systemAbsent, "unknown", "Unknown")
		}
		values = values[1:]
	}
	for i, comp := range v.components {
		oc := r4.ObservationComponent{Code: concept(systemLOINC, comp.code, comp.display)}
		if oc.ValueQuantity = vitalQuantity(values[i], comp.unit); oc.ValueQuantity == nil {
			if o.ValueQuantity != nil || o.DataAbsentReason != nil {
				continue // an optional component (oxygen flow) not measured
			}
			// Both pressures are required (US Core Blood Pressure).
			oc.DataAbsentReason = concept(systemAbsent, "unknown", "Unknown")
		}
		o.Component = append(o.Component, oc)
	}
}

// vitalQuantity is a stored vital as a UCUM Quantity, or nil when it is
// empty, not a number, or OpenEMR's 0 for "not taken".
func vitalQuantity(stored string, u ucumUnit) *r4.Quantity {
	n := decimalValue(stored)
	if n == nil || isZero(*n) {
		return nil
	}
	q := &r4.Quantity{Value: n}
	if u.code != "" {
		q.Unit, q.System, q.Code = ptr(u.display), ptr(systemUCUMUnits), ptr(u.code)
	}
	return q
}
