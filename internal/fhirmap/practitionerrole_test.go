package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestPractitionerRoleToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	role := func(extra emr.Record) emr.Record {
		r := emr.Record{"id": "u1-2", "user_uuid": "u1", "facility_uuid": "f2", "active": "1", "last_updated": "2025-01-01 00:00:00",
			"facility_phone": "617-555-0150"}
		for k, v := range extra {
			r[k] = v
		}
		return r
	}
	for _, tc := range []struct {
		name      string
		rec       emr.Record
		want, not []string
	}{
		{"taxonomy and its specialty", role(emr.Record{"taxonomy": "208000000X", "specialty": "Pediatrics", "email": "r@c.org"}),
			[]string{`"practitioner":{"reference":"Practitioner/u1"}`, `"organization":{"reference":"Organization/f2"}`,
				`"location":[{"reference":"Location/f2"}]`, `"code":[{"coding":[{"system":"http://nucc.org/provider-taxonomy","code":"208000000X","display":"Pediatrics Physician"}]`,
				`"specialty":[{"coding":[{"system":"http://nucc.org/provider-taxonomy","code":"208000000X","display":"Pediatrics Physician"}],"text":"Pediatrics"}]`,
				`"telecom":[{"system":"email","value":"r@c.org","use":"work"}]`, `"active":true`},
			[]string{"617-555-0150"}},
		{"taxonomy and another specialty", role(emr.Record{"taxonomy": "207Q00000X", "specialty": "Internal Medicine"}),
			[]string{`"code":"207Q00000X"`, `"code":"207R00000X","display":"Internal Medicine Physician"}],"text":"Internal Medicine"`,
				`"telecom":[{"system":"phone","value":"617-555-0150","use":"work"}]`}, nil},
		{"no taxonomy, a specialty of no code", role(emr.Record{"taxonomy": "", "specialty": "Sleep Studies", "active": "0"}),
			[]string{`"specialty":[{"text":"Sleep Studies"}]`, `"active":false`}, []string{`"code"`}},
		{"malformed taxonomy", role(emr.Record{"taxonomy": "family doc"}), nil, []string{"specialty", `"code"`}},
	} {
		checkFragments(t, tc.name, practitionerRoleToFHIR(tc.rec, c), tc.want, tc.not)
	}
	got := practitionerRoleSpecialty(systemNUCC, "207Q00000X", true)
	if len(got) != 2 || got[0].Field != "taxonomy" || got[1].Field != "specialty" {
		t.Errorf("specialty 207Q00000X: %v", got)
	}
	if got := practitionerRoleSpecialty("urn:x", "207Q00000X", true); got != nil {
		t.Errorf("specialty of another system: %v", got)
	}
	for name, code := range specialtyCodes {
		if nuccDisplays[code] == "" || !nuccCode.MatchString(code) {
			t.Errorf("specialty %s: code %s has no display or is malformed", name, code)
		}
	}
}
