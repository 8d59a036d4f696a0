package fhirmap

import (
	"strings"
	"testing"

	"goemr/internal/emr"
)

func TestObservationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("encounter", "5", "enc-uuid")
	vital := func(code string, kv ...string) emr.Record {
		r := emr.Record{"id": "v1-x", "pid": "1", "category": "vital-signs", "code": code, "status": "final",
			"date": "2025-03-04 10:11:12", "encounter": "5", "last_updated": "2025-03-04 10:12:00"}
		for i := 0; i+1 < len(kv); i += 2 {
			r[kv[i]] = kv[i+1]
		}
		return r
	}
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"blood pressure", vital("85354-9", "value", "128", "value2", "82"),
			[]string{`"code":"85354-9"`, `"code":"8480-6"`, `"value":128,`, `"code":"8462-4"`, `"value":82,`, `"code":"mm[Hg]"`,
				"us-core-blood-pressure|6.1.0", "us-core-vital-signs|7.0.0", `"code":"vital-signs"`, `"reference":"Patient/pat-uuid"`,
				`"reference":"Encounter/enc-uuid"`, `"effectiveDateTime":"2025-03-04T10:11:12Z"`, `"lastUpdated":"2025-03-04T10:12:00Z"`},
			[]string{`Z","valueQuantity"`, "dataAbsentReason"}},
		{"systolic only", vital("85354-9", "value", "128", "value2", "0.00"),
			[]string{`"code":"8462-4"`, `"dataAbsentReason"`, `"value":128,`}, nil},
		{"heart rate", vital("8867-4", "value", "72"),
			[]string{`"valueQuantity":{"value":72,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}`, "us-core-heart-rate"}, []string{"component"}},
		{"temperature keeps its digits", vital("8310-5", "value", "98.60", "method", "Oral"),
			[]string{`"value":98.60,`, `"code":"[degF]"`, `"method":{"text":"Oral"}`}, nil},
		{"BMI and its status", vital("39156-5", "value", "27.4", "interpretation", "Overweight"),
			[]string{`"code":"kg/m2"`, `"interpretation":[{"text":"Overweight"}]`}, nil},
		{"pulse oximetry", vital("59408-5", "value", "97", "value2", "2", "value3", ""),
			[]string{`"code":"59408-5"`, `"code":"2708-6"`, `"code":"3151-8"`, `"code":"L/min"`, "us-core-pulse-oximetry"},
			[]string{"3150-0", "dataAbsentReason"}},
		{"oxygen flow without saturation", vital("59408-5", "value", "", "value2", "2"),
			[]string{`"dataAbsentReason"`, `"code":"3151-8"`}, []string{`"valueQuantity":{"value":97`}},
		{"weight, no time, unresolved encounter", vital("29463-7", "value", ".5", "date", "", "encounter", "9"),
			[]string{`"value":0.5,`, `"code":"[lb_av]"`, `"_effectiveDateTime":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}`},
			[]string{"Encounter/"}},
		{"a code the table lacks", vital("8478-0", "value", "93"), []string{`"valueQuantity":{"value":93}`, "us-core-vital-signs|6.1.0"}, []string{`"unit"`}},
		{"pediatric BMI percentile", vital("59576-9", "value", "85"), []string{"pediatric-bmi-for-age", `"code":"%"`}, nil},
		{"lab result", emr.Record{"id": "r1", "pid": "1", "category": "laboratory", "code": "2345-7", "code_text": "Glucose", "status": "final",
			"date": "2025-03-04 10:51:12", "issued": "2025-03-05 10:51:12", "value": "112", "units": "mg/dL", "ref_range": "70-99",
			"interpretation": "high", "specimen": "Serum", "specimen_num": "S123", "note": "fasting"},
			[]string{"us-core-observation-lab|6.1.0", `"code":"laboratory"`, `"system":"http://loinc.org","code":"2345-7","display":"Glucose"`,
				`"valueQuantity":{"value":112,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}`,
				`"low":{"value":70,`, `"high":{"value":99,`, `"text":"70-99"`, `"code":"H"`, `"issued":"2025-03-05T10:51:12Z"`,
				`"specimen":{"identifier":{"value":"S123"},"display":"Serum"}`, `"note":[{"text":"fasting"}]`},
			[]string{"Encounter/", "us-core-vital-signs"}},
		{"lab comparator and text range", emr.Record{"id": "r2", "pid": "1", "category": "laboratory", "code": "2093-3", "status": "prelim",
			"value": "<5", "units": "mg per dL", "ref_range": "<200", "interpretation": "no"},
			[]string{`"comparator":"\u003c"`, `"unit":"mg per dL"`, `"high":{"value":200,"unit":"mg per dL"}`, `"status":"preliminary"`, `"code":"N"`},
			[]string{"unitsofmeasure", `"low"`}},
		{"lab text result, local code", emr.Record{"id": "r3", "pid": "1", "category": "laboratory", "code": "GLU", "code_text": "Glucose (local)",
			"value": "see note", "interpretation": "odd"},
			[]string{`"valueString":"see note"`, `"code":{"text":"Glucose (local)"}`, `"status":"unknown"`, `"interpretation":[{"text":"odd"}]`},
			[]string{"loinc", "specimen"}},
		{"lab without value or code", emr.Record{"id": "r4", "pid": "1", "category": "laboratory", "status": "cancel"},
			[]string{`"dataAbsentReason"`, `"status":"cancelled"`, `"code":"unknown"`}, nil},
	} {
		checkFragments(t, tc.name, observationToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestObservationTokens(t *testing.T) {
	for _, tc := range []struct {
		name      string
		fn        func(string, string, bool) []emr.Cond
		sys, code string
		has       bool
		n         int
	}{
		{"code", observationCode, systemLOINC, "8867-4", true, 1},
		{"code without system", observationCode, "", "8867-4", false, 1},
		{"O2 saturation alias", observationCode, systemLOINC, "2708-6", true, 2},
		{"code of another system", observationCode, systemSNOMED, "8867-4", true, 0},
		{"category", observationCategory, systemObservationCategory, "laboratory", true, 1},
		{"category of another system", observationCategory, "urn:x", "laboratory", true, 0},
		{"status final", observationStatusTokens, "", "final", false, 1},
		{"status cancelled", observationStatusTokens, "", "cancelled", false, 3},
		{"status unknown", observationStatusTokens, "", "unknown", false, 1},
		{"status of another system", observationStatusTokens, "urn:x", "final", true, 0},
	} {
		if got := tc.fn(tc.sys, tc.code, tc.has); len(got) != tc.n {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
	for _, p := range Observation.Profiles {
		if !strings.HasPrefix(p, usCore) {
			t.Errorf("profile %s", p)
		}
	}
}

func TestDecimalValue(t *testing.T) {
	for in, want := range map[string]string{"98.60": "98.60", " 120 ": "120", ".5": "0.5", "07": "7", "-1.0": "-1.0", "1e3": "", "abc": "", "": "", "NaN": ""} {
		got := decimalValue(in)
		if (got == nil) != (want == "") || got != nil && string(*got) != want {
			t.Errorf("decimalValue(%q) = %v, want %q", in, got, want)
		}
	}
}
