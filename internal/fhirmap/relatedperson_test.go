package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestRelatedPersonToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "14", "pat-uuid")
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"guardian mother", emr.Record{"uuid": "r1", "pid": "14", "active": "1", "role": "guardian", "relationship": "MTH",
			"relationship_title": "Mother", "emergency_contact": "1", "title": "Mrs.", "first_name": "Amelia", "last_name": "Osei",
			"gender": "Female", "birth_date": "1975-11-08", "phone": "617-555-0114", "phone_use": "home", "email": "amelia@example.org",
			"address_use": "home", "line1": "15 Garden Terrace", "city": "Quincy", "state": "MA", "postal_code": "02169", "country": "USA",
			"start_date": "2019-03-01", "last_updated": "2019-03-01 09:00:00"},
			[]string{`"active":true`, `"patient":{"reference":"Patient/pat-uuid"}`,
				`{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RoleCode","code":"MTH","display":"Mother"}],"text":"Mother"}`,
				`{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0131","code":"C","display":"Emergency Contact"}]}`,
				`{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-RoleCode","code":"GUARD","display":"guardian"}]}`,
				`"name":[{"family":"Osei","given":["Amelia"],"prefix":["Mrs."]}]`,
				`"telecom":[{"system":"phone","value":"617-555-0114","use":"home"},{"system":"email","value":"amelia@example.org","use":"home"}]`,
				`"gender":"female"`, `"birthDate":"1975-11-08"`,
				`"address":[{"use":"home","line":["15 Garden Terrace"],"city":"Quincy","state":"MA","postalCode":"02169","country":"USA"}]`,
				`"period":{"start":"2019-03-01"}`, "us-core-relatedperson|6.1.0"},
			nil},
		{"former spouse", emr.Record{"uuid": "r2", "pid": "14", "active": "0", "relationship": "SPS", "first_name": "Mark", "last_name": "Lee",
			"phone": "617-555-0101", "phone_use": "cell", "end_date": "2024-05-01"},
			[]string{`"active":false`, `"code":"SPS"`, `"telecom":[{"system":"phone","value":"617-555-0101"}]`, `"period":{"end":"2024-05-01"}`},
			[]string{"Emergency", "address", "gender"}},
		{"nameless, unrelated", emr.Record{"uuid": "r3", "pid": "99", "active": "1"},
			[]string{`"relationship":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/data-absent-reason","code":"unknown"`,
				`"patient":{"extension"`},
			[]string{`"name"`}},
	} {
		checkFragments(t, tc.name, relatedPersonToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
