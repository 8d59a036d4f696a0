package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestAllergyToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"drug allergy", emr.Record{"uuid": "a1", "pid": "1", "title": "Penicillin V", "diagnosis": "RXCUI:7984",
			"begdate": "2010-03-04", "date": "2010-03-05 09:00:00", "verification": "confirmed", "severity_al": "moderate",
			"reaction": "hives", "reaction_title": "Hives", "reaction_codes": "SNOMED-CT:247472004", "comments": "Reported by patient",
			"last_updated": "2010-03-05 09:00:00"},
			[]string{`"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7984"`, `"category":["medication"]`,
				`"criticality":"low"`, `"system":"http://snomed.info/sct","code":"247472004"`, `"text":"Hives"`, `"severity":"moderate"`,
				`"code":"active"`, `"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"`,
				`"reference":"Patient/pat-uuid"`, `"onsetDateTime":"2010-03-04"`, `"text":"Reported by patient"`, "us-core-allergyintolerance|6.1.0"},
			nil},
		{"food, resolved, provisional", emr.Record{"uuid": "a2", "pid": "1", "title": "Peanuts", "diagnosis": "SNOMED-CT:91935009",
			"enddate": "2015-01-01", "outcome": "1", "verification": "provisional", "severity_al": "severe", "reaction": "unassigned"},
			[]string{`"code":"resolved"`, `"code":"unconfirmed"`, `"criticality":"high"`},
			[]string{"category", "reaction"}},
		{"uncoded, unassessed, reaction without codes", emr.Record{"uuid": "a3", "pid": "1", "title": "Adhesive tape",
			"severity_al": "unassigned", "reaction": "itch", "verification": "entered-in-error"},
			[]string{`"text":"Adhesive tape"`, `"criticality":"unable-to-assess"`, `"manifestation":[{"text":"itch"}]`, `"code":"entered-in-error"`},
			[]string{"clinicalStatus", "coding\":[{\"system\":\"http://snomed", "severity\""}},
	} {
		checkFragments(t, tc.name, allergyToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

func TestAllergyTokens(t *testing.T) {
	if got := allergyVerificationTokens("", "unconfirmed", false); len(got) != 1 || len(got[0].Value.([]string)) != 3 {
		t.Errorf("unconfirmed covers provisional and differential: %v", got)
	}
	if got := allergyVerificationTokens(systemConditionVerStatus, "confirmed", true); got != nil {
		t.Errorf("condition system taken for allergies: %v", got)
	}
	if got := issueClinicalTokens(systemAllergyClinical)(systemAllergyClinical, "inactive", true); len(got) != 1 {
		t.Errorf("inactive: %v", got)
	}
}
