package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestServiceRequestToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("requester", "5", "doc-uuid")
	c.SetRef("encounter", "77", "enc-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"lab test", emr.Record{"id": "o1-2", "pid": "1", "status": "completed", "intent": "order", "category": "laboratory_test",
			"codes": ";LOINC:51990-0;", "title": "Basic metabolic panel - Blood", "authored_on": "2021-08-17 14:45:00",
			"occurrence": "2021-08-17 15:25:00", "requester_id": "5", "encounter": "77", "priority": "normal",
			"reasons": "ICD10:E11.9", "requisition": "4-17", "specimen": "sp-1", "note": "Annual physical", "last_updated": "2021-08-18 15:25:00"},
			[]string{`"id":"o1-2"`, `"status":"completed"`, `"intent":"order"`,
				`"category":[{"coding":[{"system":"http://snomed.info/sct","code":"108252007","display":"Laboratory procedure"}]`,
				`"code":{"coding":[{"system":"http://loinc.org","code":"51990-0"}],"text":"Basic metabolic panel - Blood"}`,
				`"subject":{"reference":"Patient/pat-uuid"}`, `"encounter":{"reference":"Encounter/enc-uuid"}`,
				`"occurrenceDateTime":"2021-08-17T15:25:00Z"`, `"authoredOn":"2021-08-17T14:45:00Z"`,
				`"requester":{"reference":"Practitioner/doc-uuid"}`, `"priority":"routine"`,
				`"reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9"}]}]`,
				`"requisition":{"value":"4-17"}`, `"specimen":[{"reference":"Specimen/sp-1"}]`, `"note":[{"text":"Annual physical"}]`,
				"us-core-servicerequest|6.1.0"},
			nil},
		{"scheduled imaging", emr.Record{"id": "o2-1", "pid": "1", "status": "active", "intent": "original-order", "category": "imaging",
			"codes": ";CPT4:71046;", "title": "Chest X-ray", "occurrence": "2026-12-03 09:00:00", "occurrence_end": "2026-12-03 09:30:00",
			"priority": "stat"},
			[]string{`"code":"363679005"`, `"intent":"original-order"`, `"code":"71046"`, `"priority":"stat"`,
				`"occurrencePeriod":{"start":"2026-12-03T09:00:00Z","end":"2026-12-03T09:30:00Z"}`},
			[]string{"requester", "occurrenceDateTime", "specimen"}},
		{"unknown type and intent", emr.Record{"id": "o3-1", "pid": "2", "status": "entered-in-error", "intent": "bogus", "category": "referral",
			"codes": ";", "title": ""},
			[]string{`"intent":"order"`, `"code":"386053000"`, `"status":"entered-in-error"`,
				`"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`,
				`"subject":{"extension"`},
			[]string{"priority", "authoredOn"}},
	} {
		checkFragments(t, tc.name, serviceRequestToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestServiceRequestCategoryTokens(t *testing.T) {
	for _, tc := range []struct {
		system, code string
		has          bool
		want         int
	}{
		{"http://snomed.info/sct", "108252007", true, 1},
		{"", "108252007", false, 1},
		{"", "386053000", false, 2}, // clinical tests and types outside the list
		{"http://loinc.org", "108252007", true, 0},
		{"", "laboratory_test", false, 0},
	} {
		got := serviceRequestCategoryTokens(tc.system, tc.code, tc.has)
		if len(got) != tc.want {
			t.Errorf("%s|%s: %v", tc.system, tc.code, got)
		}
	}
	other := serviceRequestCategoryTokens("", "386053000", false)[1]
	if len(other.All) != len(serviceRequestCategories) || other.All[0].Match != emr.NotEq {
		t.Errorf("other types: %+v", other)
	}
}
