package ccda

import "testing"

const (
	fxLabHb = `{"resourceType":"Observation","id":"o1","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Hemoglobin"}]},"effectiveDateTime":"2023-03-01T08:00:00Z",
		"valueQuantity":{"value":13.2,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"},
		"interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"N"}]}],
		"referenceRange":[{"low":{"value":12,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"},"high":{"value":15.5,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"}}]}`
	fxLabPlt = `{"resourceType":"Observation","id":"o2","status":"preliminary","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"777-3","display":"Platelets"}]},"effectiveDateTime":"2023-03-01T08:00:00Z",
		"valueString":"pending review"}`
	fxLabAlone = `{"resourceType":"Observation","id":"o3","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"2345-7","display":"Glucose"}]},"effectiveDateTime":"2023-04-01",
		"valueQuantity":{"value":99,"unit":"mg/dL"}}`
	fxReport = `{"resourceType":"DiagnosticReport","id":"r1","status":"final","subject":$PATIENT,
		"code":{"coding":[{"system":"http://loinc.org","code":"58410-2","display":"CBC panel"}]},"effectiveDateTime":"2023-03-01T08:00:00Z",
		"result":[{"reference":"Observation/o1"},{"reference":"Observation/o2"}]}`
	fxVitalBP = `{"resourceType":"Observation","id":"v1","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"effectiveDateTime":"2023-05-02T09:00:00Z",
		"component":[
			{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6","display":"Systolic"}]},"valueQuantity":{"value":120,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
			{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4","display":"Diastolic"}]},"valueQuantity":{"value":80,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}`
	fxVitalWeight = `{"resourceType":"Observation","id":"v2","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},"effectiveDateTime":"2023-05-02T09:00:00Z",
		"valueQuantity":{"value":70.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}`
	fxVitalLater = `{"resourceType":"Observation","id":"v3","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},"effectiveDateTime":"2023-06-02",
		"valueQuantity":{"value":72,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}}`
)

func TestResultsSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "report and lone result", section: "30954-2", entries: 2, resources: []string{fxLabHb, fxLabPlt, fxLabAlone, fxReport},
			check: func(t *testing.T, s *xnode) {
				orgs := s.all("entry/organizer")
				hasTemplate(t, orgs[0], "2.16.840.1.113883.10.20.22.4.1:2015-08-01")
				want(t, "panel", orgs[0].one("code").attrs["code"], "58410-2")
				results := orgs[0].all("component/observation")
				if len(results) != 2 {
					t.Fatalf("%d results in the report", len(results))
				}
				hasTemplate(t, results[0], "2.16.840.1.113883.10.20.22.4.2:2015-08-01")
				v := results[0].one("value")
				want(t, "value", v.attrs["type"]+" "+v.attrs["value"]+" "+v.attrs["unit"], "PQ 13.2 g/dL")
				want(t, "interpretation", results[0].one("interpretationCode").attrs["code"], "N")
				want(t, "range", results[0].one("referenceRange/observationRange/value/high").attrs["value"], "15.5")
				want(t, "preliminary", results[1].one("statusCode").attrs["code"], "active")
				want(t, "string value", results[1].one("value").text, "pending review")
				want(t, "lone result", orgs[1].one("component/observation/code").attrs["code"], "2345-7")
				narrativeHas(t, s, "Hemoglobin", "13.2 g/dL", "pending review", "Glucose")
			}},
	})
}

func TestVitalSignsSection(t *testing.T) {
	runSections(t, []sectionCase{
		{name: "by time", section: "8716-3", entries: 2, resources: []string{fxVitalBP, fxVitalWeight, fxVitalLater},
			check: func(t *testing.T, s *xnode) {
				org := s.one("entry/organizer")
				hasTemplate(t, org, "2.16.840.1.113883.10.20.22.4.26:2015-08-01")
				want(t, "organizer code", org.one("code").attrs["code"]+"/"+org.one("code/translation").attrs["code"], "46680005/74728-7")
				var codes []string
				for _, o := range org.all("component/observation") {
					hasTemplate(t, o, "2.16.840.1.113883.10.20.22.4.27:2014-06-09")
					codes = append(codes, o.one("code").attrs["code"]+"="+o.one("value").attrs["value"]+o.one("value").attrs["unit"])
				}
				want(t, "vitals", join(codes), "8480-6=120mm[Hg]; 8462-4=80mm[Hg]; 29463-7=70.5kg")
				narrativeHas(t, s, "Systolic", "120 mmHg", "70.5 kg", "Heart rate")
			}},
	})
}

func TestSocialHistorySection(t *testing.T) {
	smoking := `{"resourceType":"Observation","id":"s1","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"social-history"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"72166-2"}]},"effectiveDateTime":"2022-09-10",
		"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"8517006","display":"Former smoker"}]}}`
	sdoh := `{"resourceType":"Observation","id":"s2","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"sdoh"}]}],
		"code":{"coding":[{"system":"http://snomed.info/sct","code":"160695008","display":"Transport too expensive"}]},
		"effectiveDateTime":"2022-09-10","valueBoolean":true}`
	occupation := `{"resourceType":"Observation","id":"s3","status":"final","subject":$PATIENT,
		"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"social-history"}]}],
		"code":{"coding":[{"system":"http://loinc.org","code":"11341-5","display":"History of Occupation"}]},
		"effectivePeriod":{"start":"2010-01-01","end":"2015-06-30"},"valueCodeableConcept":{"text":"Teacher"}}`
	runSections(t, []sectionCase{
		{name: "birth sex only", section: "29762-2", entries: 1, check: func(t *testing.T, s *xnode) {
			o := s.one("entry/observation")
			hasTemplate(t, o, "2.16.840.1.113883.10.20.22.4.200:2016-06-01")
			want(t, "birth sex", o.one("code").attrs["code"]+"="+o.one("value").attrs["code"], "76689-9=F")
		}},
		{name: "smoking, SDOH, occupation", section: "29762-2", entries: 4, resources: []string{smoking, sdoh, occupation},
			check: func(t *testing.T, s *xnode) {
				obs := s.all("entry/observation")
				hasTemplate(t, obs[1], "2.16.840.1.113883.10.20.22.4.78:2014-06-09")
				want(t, "smoking time", obs[1].one("effectiveTime").attrs["value"], "20220910")
				want(t, "smoking", obs[1].one("value").attrs["code"], "8517006")
				hasTemplate(t, obs[2], "2.16.840.1.113883.10.20.22.4.69")
				want(t, "boolean", obs[2].one("value").attrs["value"], "true")
				hasTemplate(t, obs[3], "2.16.840.1.113883.10.20.22.4.38:2015-08-01")
				want(t, "occupation period", obs[3].one("effectiveTime/high").attrs["value"], "20150630")
				narrativeHas(t, s, "Sex assigned at birth", "Former smoker", "Transport too expensive", "Teacher")
			}},
	})
}
