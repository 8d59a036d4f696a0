package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestSocialObservationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("encounter", "5", "enc-uuid")
	c.SetRef("performer", "7", "doc-uuid")
	row := func(source string, kv ...string) emr.Record {
		r := emr.Record{"id": "o1", "pid": "1", "source": source, "status": "final", "date": "2025-03-04 10:11:12",
			"last_updated": "2025-03-04 10:12:00"}
		for i := 0; i+1 < len(kv); i += 2 {
			r[kv[i]] = kv[i+1]
		}
		return r
	}
	form := func(kv ...string) emr.Record {
		return row("form_observation", append([]string{"encounter", "5", "performer", "7", "code_type", "LOINC"}, kv...)...)
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"smoking status", row("history_data", "category", "social-history", "code", "72166-2",
			"value", "SNOMED-CT:449868002", "value_display", "Current every day smoker", "value2", "About a pack a day|currenttobacco||1"),
			[]string{"us-core-smokingstatus|6.1.0", `"code":"social-history"`, `"code":"72166-2"`,
				`"valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"449868002","display":"Current every day smoker"}]`,
				`"effectiveDateTime":"2025-03-04T10:11:12Z"`, `"note":[{"text":"About a pack a day"}]`, `"status":"final"`},
			[]string{"performer", "us-core-simple"}},
		{"smoking status without a listed option", row("history_data", "category", "social-history", "code", "72166-2",
			"value2", "|quittobacco|2019-01-01|"),
			[]string{`"code":"8517006","display":"Former smoker"`}, []string{`"note"`}},
		{"smoking status nothing can be read of", row("history_data", "code", "72166-2", "value2", "smokes sometimes"),
			[]string{`"code":"266927001"`, `"note":[{"text":"smokes sometimes"}]`}, nil},
		{"occupation", row("employer_data", "code", "11341-5", "date", "2010-05-01", "end_date", "2015-06-30",
			"value", "31-1014.00.007136", "value_display", "Certified Nursing Assistant (CNA)", "value2", "ODH:621610.008495", "value3", "Home nursing services"),
			[]string{"us-core-observation-occupation|6.1.0", `"effectivePeriod":{"start":"2010-05-01","end":"2015-06-30"}`,
				`"system":"http://terminology.hl7.org/CodeSystem/PHOccupationalDataForHealthODH","code":"31-1014.00.007136"`,
				`"code":"86188-0"`, `"code":"621610.008495","display":"Home nursing services"`},
			[]string{"effectiveDateTime"}},
		{"occupation known only by its industry", row("employer_data", "code", "11341-5", "date", "", "value2", "611310.000015"),
			[]string{`"valueCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`,
				`"code":"611310.000015"`},
			[]string{"effectivePeriod", "effectiveDateTime"}},
		{"PHQ-9 panel", form("category", "survey", "code", "44249-1", "code_text", "PHQ-9 panel", "members", "i1,i2", "derived_from", "qr-uuid"),
			[]string{"us-core-observation-screening-assessment|6.1.0", `"code":"survey"`,
				`"hasMember":[{"reference":"Observation/i1"},{"reference":"Observation/i2"}]`,
				`"derivedFrom":[{"reference":"QuestionnaireResponse/qr-uuid"}]`, `"performer":[{"reference":"Practitioner/doc-uuid"}]`,
				`"reference":"Encounter/enc-uuid"`},
			[]string{"dataAbsentReason", "value", "us-core-category"}},
		{"PHQ-9 item", form("category", "survey", "code", "44250-9", "value", "LOINC:LA6570-1", "value_display", "More than half the days"),
			[]string{`"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA6570-1","display":"More than half the days"}]`,
				"us-core-observation-screening-assessment|7.0.0"}, nil},
		{"PHQ-9 total score", form("category", "survey", "code", "44261-6", "value", "12", "units", "{score}"),
			[]string{`"valueQuantity":{"value":12,"unit":"{score}","system":"http://unitsofmeasure.org","code":"{score}"}`}, nil},
		{"hunger screening item", form("category", "survey", "us_core_category", "sdoh", "code", "88124-3",
			"value", "LOINC:LA19952-3", "value_display", "At risk"),
			[]string{`"code":"survey"`, `{"system":"http://hl7.org/fhir/us/core/CodeSystem/us-core-category","code":"sdoh","display":"SDOH"}`,
				"us-core-observation-screening-assessment"}, nil},
		{"a survey item not answered", form("category", "survey", "code", "88122-7"),
			[]string{`"dataAbsentReason":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`}, nil},
		{"sexual orientation", form("category", "social-history", "code", "76690-7", "value", "NullFlavor:ASKU", "value_display", "Asked but no answer"),
			[]string{"us-core-observation-sexual-orientation|6.1.0", `"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"ASKU"`}, nil},
		{"sexual orientation as text claims no orientation profile", form("category", "social-history", "code", "76690-7", "value", "straight"),
			[]string{"us-core-simple-observation", `"valueString":"straight"`}, []string{"sexual-orientation"}},
		{"pregnancy status", form("category", "social-history", "code", "82810-3", "value", "SNOMED-CT:60001007", "value_display", "Not pregnant"),
			[]string{"us-core-observation-pregnancystatus|6.1.0", `"code":"60001007"`, `"effectiveDateTime"`}, nil},
		{"pregnancy intent", form("category", "social-history", "code", "86645-9", "value", "SNOMED-CT:454391000124108", "value_display", "No desire"),
			[]string{"us-core-observation-pregnancyintent|6.1.0"}, nil},
		{"pregnancy status without a time", form("category", "social-history", "code", "82810-3", "date", "",
			"value", "SNOMED-CT:77386006", "value_display", "Pregnant"),
			[]string{"us-core-simple-observation"}, []string{"pregnancystatus"}},
		{"cognitive status over a period", form("category", "exam", "us_core_category", "cognitive-status", "code", "11332-4",
			"value", "Alert and oriented", "end_date", "2025-03-04 11:00:00"),
			[]string{"us-core-simple-observation|6.1.0", `"code":"exam","display":"Exam"`, `"code":"cognitive-status"`,
				`"valueString":"Alert and oriented"`, `"effectivePeriod":{"start":"2025-03-04T10:11:12Z","end":"2025-03-04T11:00:00Z"}`},
			[]string{"effectiveDateTime"}},
		{"a category of another US Core version is left out", form("category", "survey", "us_core_category", "care-experience-preference",
			"code", "95541-9", "value", "Quiet room"),
			[]string{`"valueString":"Quiet room"`}, []string{"us-core-category"}},
		{"a local code", form("category", "exam", "code", "BALANCE", "code_type", "LOCAL", "code_text", "Balance test", "value", "steady"),
			[]string{`"code":{"text":"Balance test"}`}, []string{"loinc.org"}},
	} {
		checkFragments(t, tc.name, observationToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestObservationCategoryTokens(t *testing.T) {
	for _, tc := range []struct {
		sys, code string
		has       bool
		want      []string // fields compared
	}{
		{"", "sdoh", false, []string{"category", "us_core_category"}},
		{systemObservationCategory, "social-history", true, []string{"category"}},
		{systemUSCoreCategory, "sdoh", true, []string{"us_core_category"}},
		{"", "survey", true, nil},
		{"urn:x", "sdoh", true, nil},
	} {
		got := observationCategory(tc.sys, tc.code, tc.has)
		if len(got) != len(tc.want) {
			t.Errorf("%s|%s: %v", tc.sys, tc.code, got)
			continue
		}
		for i, cond := range got {
			if cond.Field != tc.want[i] || cond.Value != tc.code {
				t.Errorf("%s|%s: %v", tc.sys, tc.code, got)
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range Observation.Profiles {
		seen[p] = true
	}
	for _, p := range socialProfiles {
		if !seen[p] {
			t.Errorf("the CapabilityStatement lacks %s", p)
		}
	}
}
