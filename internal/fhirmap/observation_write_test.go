package fhirmap

import (
	"testing"
)

// obsWrites knows Patient/p1 (pid 7), Encounter/e1 (number 40),
// Practitioner/dr1 (users.id 3), and the Observations lab1 (a result) and
// v1-hr (a vital).
var obsWrites = &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
	known := map[string]map[string]string{
		"Encounter/e1": {"encounter": "40"}, "Practitioner/dr1": {"id": "3"},
		"Observation/lab1": {"source": "procedure_result"}, "Observation/v1-hr": {"source": "form_vitals"},
	}
	if m, ok := known[typ+"/"+id]; ok {
		return m[key], true, nil
	}
	return fakeWrites.Resolve(typ, id, key)
}}

const (
	vitalCat = `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}]`
	labCat   = `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}]`
	obsHead  = `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-03-04T10:00:00-05:00",`
)

// loincCode is an Observation code of one LOINC coding.
func loincCode(code string) string {
	return `"code":{"coding":[{"system":"http://loinc.org","code":"` + code + `"}]}`
}

func quantity(value, code string) string {
	return `{"value":` + value + `,"unit":"` + code + `","system":"http://unitsofmeasure.org","code":"` + code + `"}`
}

func TestVitalFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"weight in kg", obsHead + vitalCat + `,` + loincCode("29463-7") + `,"encounter":{"reference":"Encounter/e1"},"performer":[{"reference":"Practitioner/dr1"}],"valueQuantity":` + quantity("20.09414", "kg") + `}`,
			map[string]any{"kind": "vital", "vital": "weight", "pid": "7", "encounter": "40", "performer": "3", "date": "2020-03-04 15:00:00",
				"weight": "44.2999956", "weight_unit": "kg"}, ""},
		{"weight in lb as written", obsHead + vitalCat + `,` + loincCode("29463-7") + `,"valueQuantity":` + quantity("150.5", "[lb_av]") + `}`,
			map[string]any{"weight": "150.5", "weight_unit": "", "encounter": ""}, ""},
		{"temperature in Cel, method", obsHead + vitalCat + `,` + loincCode("8310-5") + `,"method":{"text":"Oral"},"valueQuantity":` + quantity("36.55556", "Cel") + `}`,
			map[string]any{"vital": "temp", "temperature": "97.8000080", "temperature_unit": "Cel", "temp_method": "Oral"}, ""},
		{"height in cm", obsHead + vitalCat + `,` + loincCode("8302-2") + `,"valueQuantity":` + quantity("111.506", "cm") + `}`,
			map[string]any{"height": "43.900000", "height_unit": "cm"}, ""},
		{"blood pressure, diastolic absent", obsHead + vitalCat + `,` + loincCode("85354-9") + `,"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":` + quantity("109", "mm[Hg]") + `},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"}]}}]}`,
			map[string]any{"vital": "bp", "bps": "109", "bpd": ""}, ""},
		{"pulse oximetry by its O2Sat code, with flow", obsHead + vitalCat + `,` + loincCode("2708-6") + `,"valueQuantity":` + quantity("95", "%") + `,"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"3151-8"}]},"valueQuantity":{"value":6,"unit":"liters/min","system":"http://unitsofmeasure.org","code":"L/min"}}]}`,
			map[string]any{"vital": "spo2", "oxygen_saturation": "95", "oxygen_flow_rate": "6", "inhaled_oxygen_concentration": ""}, ""},
		{"BMI with its interpretation", obsHead + `"category":[],` + loincCode("39156-5") + `,"interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N","display":"Normal"}]}],"valueQuantity":` + quantity("16.2", "kg/m2") + `}`,
			map[string]any{"vital": "bmi", "BMI": "16.2", "BMI_status": "Normal"}, ""},
		{"a date only", `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},"effectiveDateTime":"1999-07-02",` + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("44", "/min") + `}`,
			map[string]any{"date": "1999-07-02", "pulse": "44"}, ""},
		{"no time", `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},` + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("44", "/min") + `}`, nil, "Observation.effective[x]"},
		{"preliminary", `{"resourceType":"Observation","status":"preliminary","subject":{"reference":"Patient/p1"},"effectiveDateTime":"1999-07-02",` + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("44", "/min") + `}`, nil, "Observation.status"},
		{"weight in stone", obsHead + vitalCat + `,` + loincCode("29463-7") + `,"valueQuantity":` + quantity("3", "[stone_av]") + `}`, nil, "Observation.valueQuantity.code"},
		{"heart rate in Hz", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("1", "Hz") + `}`, nil, "Observation.valueQuantity.code"},
		{"zero", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("0", "/min") + `}`, nil, "Observation.valueQuantity.value"},
		{"comparator", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":{"value":40,"comparator":"<","code":"/min"}}`, nil, "Observation.valueQuantity.value"},
		{"nothing measured", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"dataAbsentReason":{"text":"refused"}}`, nil, "Observation.value[x]"},
		{"string value", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"valueString":"fast"}`, nil, "Observation.value[x]"},
		{"unknown component", obsHead + vitalCat + `,` + loincCode("85354-9") + `,"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8478-0"}]},"valueQuantity":` + quantity("80", "mm[Hg]") + `}]}`, nil, "Observation.component[0].code"},
		{"a period", `{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2020-01-01","end":"2020-01-02"},` + vitalCat + `,` + loincCode("8867-4") + `,"valueQuantity":` + quantity("44", "/min") + `}`, nil, "Observation.effectivePeriod"},
		{"panel members", obsHead + vitalCat + `,` + loincCode("85354-9") + `,"hasMember":[{"reference":"Observation/x"}]}`, nil, "Observation.hasMember"},
		{"no subject", `{"resourceType":"Observation","status":"final",` + vitalCat + `,` + loincCode("8867-4") + `}`, nil, "Observation.subject"},
		{"unknown encounter", obsHead + vitalCat + `,` + loincCode("8867-4") + `,"encounter":{"reference":"Encounter/e9"},"valueQuantity":` + quantity("44", "/min") + `}`, nil, "Observation.encounter"},
		{"a heart rate of an exam is an Observation form row", obsHead + `"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"exam"}]}],` + loincCode("8867-4") + `,"valueQuantity":` + quantity("44", "/min") + `}`,
			map[string]any{"kind": "form", "ob_type": "exam", "ob_value": "44", "ob_unit": "/min"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := observationFromFHIR(fromJSON(t, tc.body), obsWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

func TestLabFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string
	}{
		{"quantity with range, flag, specimen", obsHead + labCat + `,"code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Hemoglobin [Mass/volume] in Blood"}],"text":"Hemoglobin"},"issued":"2020-03-05T08:00:00Z","valueQuantity":{"value":17,"unit":"g/dL","system":"http://unitsofmeasure.org"},"interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"H"}]}],"referenceRange":[{"low":{"value":13.5},"high":{"value":17.5}}],"specimen":{"reference":"Specimen/s","display":"Blood","identifier":{"value":"S123"}},"note":[{"text":"hemolyzed"}]}`,
			map[string]any{"kind": "lab", "pid": "7", "result_code": "718-7", "result_text": "Hemoglobin", "result": "17", "units": "g/dL",
				"result_data_type": "N", "date_collected": "2020-03-04 15:00:00", "date": "2020-03-05 08:00:00", "range": "13.5-17.5",
				"abnormal": "high", "specimen_type": "Blood", "specimen_num": "S123", "comments": "hemolyzed", "result_status": "final"}, ""},
		{"comparator, high bound", obsHead + labCat + `,` + loincCode("2857-1") + `,"valueQuantity":{"value":0.5,"comparator":"<","code":"ng/mL","system":"http://unitsofmeasure.org"},"referenceRange":[{"high":{"value":4}}]}`,
			map[string]any{"result": "<0.5", "units": "ng/mL", "range": "<=4", "result_text": ""}, ""},
		{"coded value", obsHead + labCat + `,` + loincCode("5802-4") + `,"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"167328003","display":"Urine nitrite negative"}],"text":"Negative"}}`,
			map[string]any{"result": "Negative", "value_codes": "SNOMED-CT:167328003", "result_data_type": "S"}, ""},
		{"text value, preliminary", `{"resourceType":"Observation","status":"preliminary","subject":{"reference":"Patient/p1"},` + labCat + `,` + loincCode("5778-6") + `,"valueString":"5"}`,
			map[string]any{"result": "5", "result_data_type": "S", "result_status": "prelim", "date_collected": ""}, ""},
		{"text interpretation", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueString":"amber","interpretation":[{"text":"Unusual"}]}`,
			map[string]any{"abnormal": "Unusual"}, ""},
		{"range as printed", obsHead + labCat + `,` + loincCode("2093-3") + `,"valueQuantity":` + quantity("180", "mg/dL") + `,"referenceRange":[{"text":"<200","high":{"value":200}}]}`,
			map[string]any{"range": "<200"}, ""},
		{"a local code", obsHead + labCat + `,"code":{"coding":[{"system":"urn:local","code":"HGB"}]},"valueString":"x"}`, nil, "Observation.code"},
		{"a boolean", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueBoolean":true}`, nil, "Observation.value[x]"},
		{"two ranges", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueString":"x","referenceRange":[{"text":"a"},{"text":"b"}]}`, nil, "Observation.referenceRange"},
		{"a range by age", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueString":"x","referenceRange":[{"text":"a","age":{"low":{"value":1}}}]}`, nil, "Observation.referenceRange"},
		{"two flags", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueString":"x","interpretation":[{"text":"a"},{"text":"b"}]}`, nil, "Observation.interpretation"},
		{"value codes of an unknown system", obsHead + labCat + `,` + loincCode("5778-6") + `,"valueCodeableConcept":{"coding":[{"system":"urn:x","code":"y"}]}}`, nil, "Observation.valueCodeableConcept.coding"},
		{"absent for a reason", obsHead + labCat + `,` + loincCode("5778-6") + `,"dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"error"}]}}`, nil, "Observation.dataAbsentReason"},
		{"absent, unknown", obsHead + labCat + `,` + loincCode("5778-6") + `,"dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"}]}}`,
			map[string]any{"result": "", "result_data_type": "S"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := observationFromFHIR(fromJSON(t, tc.body), obsWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}
