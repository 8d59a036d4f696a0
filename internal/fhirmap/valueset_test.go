package fhirmap

import (
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
)

func TestValueSetToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	sex := emr.Record{"id": "sex", "list_id": "sex", "name": "List_sex", "title": "Sex", "publisher": "Riverside Family Medicine",
		"last_updated": "2024-01-02 03:04:05", "concepts": `[["Female","Female"],["Male","Male"],["UNK","Unknown"]]`}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"sex", sex, []string{`"id":"sex"`, `"profile":["http://hl7.org/fhir/StructureDefinition/shareablevalueset"]`,
			`"lastUpdated":"2024-01-02T03:04:05Z"`, `"url":"https://h/apis/default/fhir/ValueSet/sex"`, `"version":"`,
			`"name":"List_sex"`, `"title":"Sex"`, `"status":"active"`, `"experimental":false`, `"date":"2024-01-02T03:04:05Z"`,
			`"publisher":"Riverside Family Medicine"`, "The options of the OpenEMR list `sex`.",
			`"compose":{"include":[{"system":"https://h/apis/default/fhir/CodeSystem/sex","concept":[{"code":"Female","display":"Female"},{"code":"Male","display":"Male"},{"code":"UNK","display":"Unknown"}]}]}`,
			`"total":3`, `{"system":"https://h/apis/default/fhir/CodeSystem/sex","code":"UNK","display":"Unknown"}`}, nil},
		// A code FHIR's syntax refuses is left out; a title-less option
		// has no display; no publisher row names goemr.
		{"odd options", emr.Record{"id": "care.team.roles", "list_id": "care_team_roles", "name": "List_care_team_roles",
			"concepts": `[[" lead","Lead"],["a  b","Two spaces"],["nurse",""]]`},
			[]string{`"concept":[{"code":"nurse"}]`, `"total":1`, `"publisher":"goemr"`, "list `care_team_roles`"},
			[]string{"lastUpdated", `"date"`, "Lead", "Two spaces"}},
		{"no concepts", emr.Record{"id": "empty", "list_id": "empty", "name": "List_empty", "concepts": "[]"},
			[]string{`"total":0`}, []string{"compose", "contains"}},
	} {
		checkFragments(t, tc.name, valueSetToFHIR(tc.rec, c), tc.want, tc.not)
	}
	// The version follows the concepts, and the expansion says when it was made.
	v1 := valueSetToFHIR(sex, c).(*r4.ValueSet)
	changed := emr.Record{}
	for k, v := range sex {
		changed[k] = v
	}
	changed["concepts"] = `[["Female","Female"],["Male","Male"]]`
	v2 := valueSetToFHIR(changed, c).(*r4.ValueSet)
	if *v1.Version == *v2.Version || *v1.Version != *valueSetToFHIR(sex, c).(*r4.ValueSet).Version {
		t.Errorf("versions %s %s", *v1.Version, *v2.Version)
	}
	if ts, err := time.Parse(time.RFC3339, *v1.Expansion.Timestamp); err != nil || time.Since(ts) > time.Minute {
		t.Errorf("expansion timestamp %s", *v1.Expansion.Timestamp)
	}
}
