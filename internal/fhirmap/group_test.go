package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestGroupToFHIR(t *testing.T) {
	c := careContext()
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"provider's patients", emr.Record{"uuid": "doc-uuid", "name": "Patients of Dr. Helen Carver", "members": "p1,p2",
			"last_updated": "2024-01-02 03:04:05"}, []string{
			`"id":"doc-uuid"`, `"lastUpdated":"2024-01-02T03:04:05Z"`, `"type":"person"`, `"actual":true`, `"active":true`,
			`"name":"Patients of Dr. Helen Carver"`, `"quantity":2`, `"managingEntity":{"reference":"Practitioner/doc-uuid"}`,
			`"member":[{"entity":{"reference":"Patient/p1"}},{"entity":{"reference":"Patient/p2"}}]`,
		}, []string{"profile"}},
		{"no members left", emr.Record{"uuid": "doc-uuid", "members": ""}, []string{`"quantity":0`}, []string{"member", `"name"`}},
	} {
		checkFragments(t, tc.name, groupToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
