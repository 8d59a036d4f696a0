package main

import (
	"regexp"
	"strings"
	"testing"
)

// anyPatient matches a reference to a patient of the US Core examples.
var anyPatient = regexp.MustCompile(`"Patient/[A-Za-z0-9.-]+"`)

const newHeartRate = `{"resourceType":"Observation","status":"final",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
 "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
 "subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2021-04-05T09:10:00Z",
 "valueQuantity":{"value":72,"unit":"beats/min","system":"http://unitsofmeasure.org","code":"/min"}}`

// vitalOf is a vital-sign Observation of PATIENT at ENCOUNTER on when.
func vitalOf(code, when, value string) string {
	return `{"resourceType":"Observation","status":"final",
 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
 "code":{"coding":[{"system":"http://loinc.org","code":"` + code + `"}]},
 "subject":{"reference":"Patient/PATIENT"},"encounter":{"reference":"Encounter/ENCOUNTER"},"effectiveDateTime":"` + when + `",` + value + `}`
}

func vitalQuantity(value, code string) string {
	return `"valueQuantity":{"value":` + value + `,"unit":"` + code + `","system":"http://unitsofmeasure.org","code":"` + code + `"}`
}

// TestFHIRObservationWriteVitals: vital signs are created and updated in
// OpenEMR's vitals forms (one form per visit and time, as the Standard
// API sees it, in US units), and read back in the units written.
func TestFHIRObservationWriteVitals(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		runWriteCase(t, e, writeCase{
			typ: "Observation", body: newHeartRate,
			check: func(t *testing.T, r *Resp) {
				sameClinicalContent(t, "heart rate", forPatient(newHeartRate, demoPatient(2)), r)
				if !strings.HasSuffix(r.Str("id"), "-hr") || r.Str("meta", "profile", 0) != "http://hl7.org/fhir/us/core/StructureDefinition/us-core-heart-rate" {
					t.Errorf("heart rate: %s", r.Body)
				}
			},
			update: [2]string{`"value":72`, `"value":80`},
			updated: func(t *testing.T, r *Resp) {
				if r.Get("valueQuantity", "value") != 80.0 {
					t.Errorf("updated heart rate: %s", r.Body)
				}
			},
			bad: map[string]string{
				"no code":       strings.Replace(newHeartRate, `"code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},`, "", 1),
				"no time":       strings.Replace(newHeartRate, `"effectiveDateTime":"2021-04-05T09:10:00Z",`, "", 1),
				"in hertz":      strings.Replace(newHeartRate, `"code":"/min"`, `"code":"Hz"`, 1),
				"a text":        strings.Replace(newHeartRate, `"valueQuantity":{"value":72,"unit":"beats/min","system":"http://unitsofmeasure.org","code":"/min"}`, `"valueString":"fast"`, 1),
				"preliminary":   strings.Replace(newHeartRate, `"status":"final"`, `"status":"preliminary"`, 1),
				"not measured":  strings.Replace(newHeartRate, `"value":72`, `"value":0`, 1),
				"unknown visit": strings.Replace(newHeartRate, `"subject"`, `"encounter":{"reference":"Encounter/nothing"},"subject"`, 1),
			},
		})

		// A visit's vitals, written one by one as Synthea writes them, are
		// one vitals form: the Standard API sees it in US units.
		euuid, eid, pid := stdEncounter(t, e, demoPatient(2))
		when := "2022-02-02T16:30:49-05:00"
		ids := map[string]string{}
		for code, value := range map[string]string{
			"29463-7": vitalQuantity("68.5", "kg"), "8302-2": vitalQuantity("172.7", "cm"), "8310-5": vitalQuantity("37.2", "Cel"),
			"8867-4": vitalQuantity("64", "/min"), "9279-1": vitalQuantity("14", "/min"),
			"85354-9": `"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},` + vitalQuantity("121", "mm[Hg]") +
				`},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},` + vitalQuantity("79", "mm[Hg]") + `}]`,
		} {
			body := strings.ReplaceAll(forPatient(vitalOf(code, when, value), demoPatient(2)), "ENCOUNTER", euuid)
			ids[code] = postFHIR(t, e, "Observation", body)
			sameClinicalContent(t, code, body, e.Do("GET", "/fhir/Observation/"+ids[code], e.Admin, nil).Want(t, 200))
		}
		form := ids["29463-7"][:36]
		for code, id := range ids {
			if id[:36] != form {
				t.Errorf("%s is in form %s, not %s with the visit's other vitals", code, id[:36], form)
			}
		}
		std := e.Do("GET", "/api/patient/"+pid+"/encounter/"+eid+"/vital", e.Admin, nil).Want(t, 200)
		checkVitalsForm(t, std, map[string]string{"weight": "151.017", "height": "67.9921", "temperature": "98.96",
			"bps": "121", "bpd": "79", "pulse": "64", "respiration": "14"})

		// An update replaces one vital; its form's other vitals stay.
		weight := strings.ReplaceAll(forPatient(vitalOf("29463-7", when, vitalQuantity("70.25", "kg")), demoPatient(2)), "ENCOUNTER", euuid)
		weight = strings.Replace(weight, `{"resourceType":"Observation",`, `{"resourceType":"Observation","id":"`+ids["29463-7"]+`",`, 1)
		e.DoHeader("PUT", "/fhir/Observation/"+ids["29463-7"], e.Admin, weight, fhirJSONHeader...).Want(t, 200)
		if r := e.Do("GET", "/fhir/Observation/"+ids["29463-7"], e.Admin, nil).Want(t, 200); r.Get("valueQuantity", "value") != 70.25 || r.Str("valueQuantity", "code") != "kg" {
			t.Errorf("updated weight: %s", r.Body)
		}
		std = e.Do("GET", "/api/patient/"+pid+"/encounter/"+eid+"/vital", e.Admin, nil).Want(t, 200)
		checkVitalsForm(t, std, map[string]string{"weight": "154.8747", "bps": "121", "pulse": "64"})
		// Its time is every vital's of the form: it cannot move alone.
		moved := strings.Replace(weight, when, "2022-02-03T08:00:00Z", 1)
		if r := e.DoHeader("PUT", "/fhir/Observation/"+ids["29463-7"], e.Admin, moved, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("moving one vital of a form: %d %s", r.Status, r.Body)
		}
		// Nor become another vital.
		other := strings.Replace(weight, `"29463-7"`, `"8302-2"`, 1)
		if r := e.DoHeader("PUT", "/fhir/Observation/"+ids["29463-7"], e.Admin, other, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a weight becoming a height: %d %s", r.Status, r.Body)
		}
		found, _ := fhirSearch(t, e, e.Admin, "Observation?patient="+demoPatient(2)+"&category=vital-signs&date=2022-02-02")
		if len(found) != len(ids) {
			t.Errorf("the visit's vital signs: %v, want %d", found, len(ids))
		}
	})
}

// checkVitalsForm checks that the Standard API's vitals of an encounter
// are one form with the given values (beginning so; "" for any).
func checkVitalsForm(t *testing.T, std *Resp, want map[string]string) {
	t.Helper()
	rows := std.Get("data")
	if rows == nil {
		rows = std.JSON
	}
	list, _ := rows.([]any)
	if len(list) != 1 {
		t.Fatalf("the encounter has %d vitals forms, want 1: %s", len(list), std.Body)
	}
	form := list[0].(map[string]any)
	for col, v := range want {
		if got, _ := form[col].(string); !strings.HasPrefix(got, v) || got == "" {
			t.Errorf("vitals %s = %v, want %s…", col, form[col], v)
		}
	}
}

// vitalExamples are US Core's vital-sign examples with the elements each
// sends that goemr does not keep (interpretation and reference range of a
// vital other than BMI, notes, an encounter named only by display).
var vitalExamples = map[string][]string{
	"blood-pressure": {"encounter"}, "bp-data-absent": {"encounter"}, "bmi": {"encounter"},
	"head-circumference": nil, "heart-rate": {"encounter"}, "height": {"encounter"}, "length": {"encounter"},
	"ofc-percentile": {"note"}, "oxygen-saturation": {"encounter"}, "pediatric-bmi-example": {"encounter", "note"},
	"pediatric-wt-example": {"encounter", "note"}, "respiratory-rate": {"encounter"},
	"satO2-fiO2": {"interpretation", "referenceRange"}, "temperature": {"encounter"}, "weight": {"encounter"},
}

// TestFHIRObservationWriteVitalExamples: every US Core vital-sign example
// round-trips, in the unit it was written in.
func TestFHIRObservationWriteVitalExamples(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		for name, skip := range vitalExamples {
			body := anyPatient.ReplaceAllString(usCoreExample(t, "Observation-"+name+".json", demoPatient(3)), `"Patient/`+demoPatient(3)+`"`)
			if name == "bp-data-absent" { // its encounter is not in the package
				body = strings.Replace(body, `"reference":"Encounter/1036"`, `"display":"GP Visit"`, 1)
			}
			id := postFHIR(t, e, "Observation", body)
			got := e.Do("GET", "/fhir/Observation/"+id, e.Admin, nil).Want(t, 200)
			sameClinicalContent(t, name, body, got, skip...)
		}
		// The examples of one day without an encounter share vitals forms,
		// each vital in one that had not measured it.
		found, _ := fhirSearch(t, e, e.Admin, "Observation?patient="+demoPatient(3)+"&category=vital-signs&_count=100")
		if len(found) != len(vitalExamples) {
			t.Errorf("%d vital signs read, %d written", len(found), len(vitalExamples))
		}
	})
}
