package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestGoalToFHIR(t *testing.T) {
	c := careContext()
	coded := emr.Record{"code": "SNOMED-CT:2004005", "codetext": "Normal blood pressure",
		"description": "Blood pressure below 130/80 mm Hg", "date_end": "2025-09-04 00:00:00"}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"coded goal", careRow(coded), []string{
			`"lifecycleStatus":"active"`,
			`"description":{"coding":[{"system":"http://snomed.info/sct","code":"2004005","display":"Normal blood pressure"}],"text":"Blood pressure below 130/80 mm Hg"}`,
			`"subject":{"reference":"Patient/pat-uuid"}`, `"startDate":"2025-03-04"`, `"target":[{"dueDate":"2025-09-04"}]`,
			`"expressedBy":{"reference":"Practitioner/doc-uuid"}`, `"addresses":[{"reference":"Condition/cond-uuid"}]`,
			"us-core-goal|6.1.0",
		}, nil},
		{"words only, completed", careRow(emr.Record{"code": "", "codetext": "", "description": "Walk daily", "lifecycle": "completed", "date_end": ""}),
			[]string{`"description":{"text":"Walk daily"}`, `"lifecycleStatus":"completed"`}, []string{"coding", "target"}},
		{"code name only", careRow(emr.Record{"code": "", "description": ""}),
			[]string{`"description":{"text":"Lifestyle education regarding hypertension"}`}, nil},
		{"nothing", careRow(emr.Record{"code": "", "codetext": "", "description": "", "date": ""}),
			[]string{`"code":"unknown"`}, []string{"startDate"}},
		{"LOINC, no author", careRow(emr.Record{"code": "LOINC:4548-4", "codetext": "", "author_id": ""}),
			[]string{`"system":"http://loinc.org","code":"4548-4"`}, []string{"expressedBy"}},
	} {
		checkFragments(t, tc.name, goalToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
