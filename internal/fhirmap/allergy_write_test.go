package fhirmap

import (
	"errors"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

// fakeWrites resolves Patient/p1 to pid 7 and knows nothing else.
var fakeWrites = &WriteContext{Resolve: func(typ, id, key string) (string, bool, error) {
	if typ == "Patient" && id == "p1" && key == "pid" {
		return "7", true, nil
	}
	return "", false, nil
}}

// fromJSON decodes a resource for a FromFHIR test.
func fromJSON(t *testing.T, body string) r4.Resource {
	t.Helper()
	res, err := r4.Decode([]byte(body), true)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

const allergyActive = `"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]}`

func TestAllergyFromFHIR(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       map[string]any
		err        string // the FHIR path of the error, "" for none
	}{
		{"full", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},"criticality":"high","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7980"}],"text":"Penicillin"},"patient":{"reference":"Patient/p1"},"onsetDateTime":"2019-04-02T08:00:00-05:00","reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"422587007"}]}],"severity":"severe"}],"note":[{"text":"a"},{"text":"b"}]}`,
			map[string]any{"pid": "7", "type": "allergy", "title": "Penicillin", "diagnosis": "RXCUI:7980", "begdate": "2019-04-02",
				"enddate": "", "outcome": "0", "verification": "confirmed", "severity_al": "severe", "reaction": "nausea", "comments": "a\n\nb"}, ""},
		{"free-text reaction, low criticality", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"criticality":"low","code":{"text":"Cats"},"patient":{"reference":"Patient/p1"},"reaction":[{"manifestation":[{"text":"Sneezing"}],"severity":"moderate"}]}`,
			map[string]any{"title": "Cats", "diagnosis": "", "reaction": "Sneezing", "severity_al": "moderate", "verification": ""}, ""},
		{"resolved", `{"resourceType":"AllergyIntolerance","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"resolved"}]},"code":{"text":"Cats"},"patient":{"reference":"Patient/p1"}}`,
			map[string]any{"outcome": "1", "severity_al": ""}, ""},
		{"entered in error", `{"resourceType":"AllergyIntolerance","verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"entered-in-error"}]},"code":{"text":"Cats"},"patient":{"reference":"Patient/p1"}}`,
			map[string]any{"verification": "entered-in-error", "enddate": ""}, ""},
		{"no patient", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"text":"Cats"}}`, nil, "AllergyIntolerance.patient"},
		{"unknown patient", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"text":"Cats"},"patient":{"reference":"Patient/p2"}}`, nil, "AllergyIntolerance.patient"},
		{"not a patient", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"text":"Cats"},"patient":{"reference":"Group/p1"}}`, nil, "AllergyIntolerance.patient"},
		{"no code", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"patient":{"reference":"Patient/p1"}}`, nil, "AllergyIntolerance.code"},
		{"unknown code system", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"coding":[{"system":"urn:x","code":"1"}]},"patient":{"reference":"Patient/p1"}}`, nil, "AllergyIntolerance.code.coding"},
		{"no status", `{"resourceType":"AllergyIntolerance","code":{"text":"Cats"},"patient":{"reference":"Patient/p1"}}`, nil, "AllergyIntolerance.clinicalStatus"},
		{"status in error", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"entered-in-error"}]},"code":{"text":"Cats"},"patient":{"reference":"Patient/p1"}}`, nil, "AllergyIntolerance.clinicalStatus"},
		{"onset age", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"text":"Cats"},"patient":{"reference":"Patient/p1"},"onsetAge":{"value":3}}`, nil, "AllergyIntolerance.onset[x]"},
		{"two manifestations", `{"resourceType":"AllergyIntolerance",` + allergyActive + `,"code":{"text":"Cats"},"patient":{"reference":"Patient/p1"},"reaction":[{"manifestation":[{"text":"a"},{"text":"b"}]}]}`, nil, "AllergyIntolerance.reaction"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := allergyFromFHIR(fromJSON(t, tc.body), fakeWrites)
			checkFromFHIR(t, got, err, tc.want, tc.err)
		})
	}
}

// checkFromFHIR compares the wanted columns, or the path of the error.
func checkFromFHIR(t *testing.T, got map[string]any, err error, want map[string]any, errPath string) {
	t.Helper()
	if errPath != "" {
		var e *emr.Error
		if !errors.As(err, &e) || e.Field != errPath || e.Code != emr.EINVALID {
			t.Fatalf("error %v, want one about %s", err, errPath)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %#v, want %#v", k, got[k], w)
		}
	}
}
