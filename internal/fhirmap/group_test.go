package fhirmap

import (
	"errors"
	"slices"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
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
		{"stored group", emr.Record{"uuid": "g-uuid", "kind": "stored", "group_id": "7", "name": "Registry", "active": "0",
			"members": "p1,p2", "joined": "2025-01-02 03:04:05,", "last_updated": "2025-02-03 04:05:06"}, []string{
			`"versionId":"1"`, `"active":false`, `"quantity":2`,
			`"member":[{"entity":{"reference":"Patient/p1"},"period":{"start":"2025-01-02T03:04:05Z"}},{"entity":{"reference":"Patient/p2"}}]`,
		}, []string{"managingEntity"}},
	} {
		checkFragments(t, tc.name, groupToFHIR(tc.rec, c), tc.want, tc.not)
	}
}

// TestGroupFromFHIR: a stored group's name, active flag and members (with
// when they joined, in UTC) are read from a Group; what a stored group
// cannot be is refused at the element that says it.
func TestGroupFromFHIR(t *testing.T) {
	body := `{"resourceType":"Group","type":"person","actual":true,"name":" Registry ","active":false,"member":[` +
		`{"entity":{"reference":"Patient/p1"}},{"entity":{"reference":"https://x.example/fhir/Patient/p2"},"period":{"start":"2025-06-01T10:00:00-04:00"}},` +
		`{"entity":{"reference":"Patient/p3"},"period":{"start":"2025-06-02"}}]}`
	res, err := r4.Decode([]byte(body), true)
	if err != nil {
		t.Fatal(err)
	}
	v, err := groupFromFHIR(res, nil)
	want := []groupMemberRef{{id: "p1"}, {id: "p2", since: "2025-06-01 14:00:00"}, {id: "p3", since: "2025-06-02 00:00:00"}}
	if err != nil || v["name"] != "Registry" || v["active"] != "0" || !slices.Equal(v["members"].([]groupMemberRef), want) {
		t.Errorf("groupFromFHIR: %v, %v", v, err)
	}
	for path, bad := range map[string]string{
		"Group.type":                   `{"resourceType":"Group","type":"device","actual":true,"name":"x"}`,
		"Group.actual":                 `{"resourceType":"Group","type":"person","name":"x"}`,
		"Group.name":                   `{"resourceType":"Group","type":"person","actual":true}`,
		"Group.member[0].entity":       `{"resourceType":"Group","type":"person","actual":true,"name":"x","member":[{"entity":{"reference":"Device/d1"}}]}`,
		"Group.member[0].inactive":     `{"resourceType":"Group","type":"person","actual":true,"name":"x","member":[{"entity":{"reference":"Patient/p1"},"inactive":true}]}`,
		"Group.member[0].period.start": `{"resourceType":"Group","type":"person","actual":true,"name":"x","member":[{"entity":{"reference":"Patient/p1"},"period":{"start":"2025"}}]}`,
	} {
		res, err := r4.Decode([]byte(bad), true)
		if err != nil {
			t.Fatal(err)
		}
		_, err = groupFromFHIR(res, nil)
		var e *emr.Error
		if !errors.As(err, &e) || e.Field != path {
			t.Errorf("%s: %v", path, err)
		}
	}
}
