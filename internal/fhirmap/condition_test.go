package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestConditionToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("encounter", "40", "enc-uuid")
	base := func(extra emr.Record) emr.Record {
		rec := emr.Record{"uuid": "c1", "list_id": "7", "pid": "1", "category": "problem-list-item", "type": "medical_problem", "title": "Essential hypertension",
			"diagnosis": "ICD10:I10;SNOMED-CT:59621000", "begdate": "2019-04-02", "date": "2019-04-03 10:00:00",
			"verification": "confirmed", "outcome": "0", "last_updated": "2020-01-01 00:00:00"}
		for k, v := range extra {
			rec[k] = v
		}
		return rec
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"active problem", base(nil),
			[]string{`"code":"problem-list-item"`, `"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I10"`,
				`"system":"http://snomed.info/sct","code":"59621000"`, `"text":"Essential hypertension"`,
				`"reference":"Patient/pat-uuid"`, `"onsetDateTime":"2019-04-02"`, `"recordedDate":"2019-04-03T10:00:00Z"`,
				`"valueDateTime":"2019-04-03T10:00:00Z"`, `"code":"active"`, `"code":"confirmed"`,
				`"lastUpdated":"2020-01-01T00:00:00Z"`, "us-core-condition-problems-health-concerns|6.1.0"},
			[]string{"abatement", "encounter"}},
		{"encounter diagnosis", base(emr.Record{"uuid": "d1", "category": "encounter-diagnosis", "encounter": "40", "enddate": "2019-05-01", "outcome": "1"}),
			[]string{`"id":"d1"`, `"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"`,
				`"encounter":{"reference":"Encounter/enc-uuid"}`, `"code":"resolved"`, `"abatementDateTime":"2019-05-01"`,
				`"code":"I10"`, "us-core-condition-encounter-diagnosis|6.1.0"},
			[]string{"problem-list-item", "us-core-condition-problems-health-concerns"}},
		{"encounter diagnosis of an unknown encounter", base(emr.Record{"category": "encounter-diagnosis", "encounter": "41"}),
			[]string{`"code":"encounter-diagnosis"`}, []string{`"encounter"`}},
		{"resolved", base(emr.Record{"enddate": "2019-05-01", "outcome": "1"}),
			[]string{`"code":"resolved"`, `"abatementDateTime":"2019-05-01"`}, []string{`"code":"active"`}},
		{"ended without outcome", base(emr.Record{"enddate": "2019-05-01"}),
			[]string{`"code":"inactive"`, `"abatementDateTime":"2019-05-01"`}, nil},
		{"ends in the future", base(emr.Record{"enddate": "2999-01-01", "outcome": "1"}),
			[]string{`"code":"active"`}, []string{"abatement"}},
		{"zero end date", base(emr.Record{"enddate": "0000-00-00"}), []string{`"code":"active"`}, []string{"abatement"}},
		{"entered in error", base(emr.Record{"verification": "entered-in-error"}),
			[]string{`"code":"entered-in-error"`}, []string{"clinicalStatus"}},
		{"health concern, no code, unknown patient", base(emr.Record{"type": "health_concern", "category": "health-concern", "diagnosis": "LOCAL:x", "title": "", "pid": "9", "verification": ""}),
			[]string{`"system":"http://hl7.org/fhir/us/core/CodeSystem/condition-category","code":"health-concern"`,
				`"code":"unknown"`, "data-absent-reason"},
			[]string{"verificationStatus", "LOCAL", `"reference"`}},
	} {
		checkFragments(t, tc.name, conditionToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestIssueClinical(t *testing.T) {
	now := "2026-06-15 12:00:00"
	for _, tc := range []struct {
		end, outcome, verification, want string
	}{
		{"", "0", "", "active"}, {"2026-06-16", "1", "", "active"}, {"2026-06-15", "1", "", "resolved"},
		{"2026-06-15 11:59:59", "0", "", "inactive"}, {"2026-06-15 12:00:01", "0", "", "active"},
		{"0000-00-00", "1", "", "active"}, {"", "", "entered-in-error", ""},
	} {
		rec := emr.Record{"enddate": tc.end, "outcome": tc.outcome, "verification": tc.verification}
		if got := issueClinical(rec, now); got != tc.want {
			t.Errorf("end %q outcome %q verification %q: %q, want %q", tc.end, tc.outcome, tc.verification, got, tc.want)
		}
	}
}

func TestConditionTokens(t *testing.T) {
	clinical := issueClinicalTokens(systemConditionClinical)
	for _, tc := range []struct {
		name  string
		conds []emr.Cond
		n     int
	}{
		{"active", clinical("", "active", false), 1},
		{"resolved in its system", clinical(systemConditionClinical, "resolved", true), 1},
		{"another system", clinical(systemAllergyClinical, "active", true), 0},
		{"unknown status", clinical("", "remission", false), 0},
		{"problem list", conditionCategoryTokens(systemConditionCategory, "problem-list-item", true), 1},
		{"health concern", conditionCategoryTokens(systemUSCoreConditionCategory, "health-concern", true), 1},
		{"encounter diagnosis", conditionCategoryTokens("", "encounter-diagnosis", false), 1},
		{"unknown category", conditionCategoryTokens(systemConditionCategory, "sdoh", true), 0},
		{"category of another system", conditionCategoryTokens("urn:x", "health-concern", true), 0},
		{"verification", conditionVerificationTokens("", "confirmed", false), 1},
		{"bad verification", conditionVerificationTokens("", "maybe", false), 0},
	} {
		if len(tc.conds) != tc.n {
			t.Errorf("%s: %v", tc.name, tc.conds)
		}
	}
	code := issueCodeTokens("codes")
	if got := code("http://snomed.info/sct", "59621000", true); len(got) != 3 || got[0].Value != ";SNOMED-CT:59621000;" {
		t.Errorf("SNOMED code: %v", got)
	}
	if got := code("", "I10", false); len(got) != 1 || got[0].Value != ":I10;" || got[0].Match != emr.Contains {
		t.Errorf("bare code: %v", got)
	}
	for _, bad := range [][]emr.Cond{code("", "I10", true), code("urn:x", "I10", true), code("", "a;b", false)} {
		if len(bad) != 0 {
			t.Errorf("want no match: %v", bad)
		}
	}
}
