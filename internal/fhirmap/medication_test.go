package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestMedicationToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"coded drug with a lot", emr.Record{"uuid": "d1", "name": "lisinopril 10 MG Oral Tablet", "drug_code": "314076",
			"active": "1", "last_updated": "2024-01-02 03:04:05", "form_title": "tablet", "lot_number": "LOT1", "expiration": "2027-06-01"},
			[]string{`"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"314076"}],"text":"lisinopril 10 MG Oral Tablet"}`,
				`"status":"active"`, `"form":{"text":"tablet"}`, `"batch":{"lotNumber":"LOT1","expirationDate":"2027-06-01"}`,
				`"lastUpdated":"2024-01-02T03:04:05Z"`, "us-core-medication|6.1.0"}, nil},
		{"uncoded inactive drug", emr.Record{"uuid": "d2", "name": "house cream", "drug_code": "", "active": "0", "expiration": "0000-00-00"},
			[]string{`"code":{"text":"house cream"}`, `"status":"inactive"`}, []string{"batch", "form", "rxnorm"}},
		{"nothing known", emr.Record{"uuid": "d3"}, []string{`"code":"unknown"`}, nil},
	} {
		checkFragments(t, tc.name, medicationToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
