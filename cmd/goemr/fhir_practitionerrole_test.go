package main

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emrtest"
)

// TestFHIRPractitionerRole: one role per demo practitioner at their
// facility, found by NUCC specialty and by practitioner, with the
// practitioner included on request.
func TestFHIRPractitionerRole(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		levin := demo.ID("practitioner", 6) // a pediatrician at the second facility
		ids, r := fhirSearch(t, e, e.Admin, "PractitionerRole?practitioner=Practitioner/"+levin)
		if len(ids) != 1 {
			t.Fatalf("roles of one practitioner: %v\n%s", ids, r.Body)
		}
		role := e.Do("GET", "/fhir/PractitionerRole/"+ids[0], e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, role.Body)
		body := string(role.Body)
		for _, want := range []string{"us-core-practitionerrole|6.1.0", `"practitioner":{"reference":"Practitioner/` + levin + `"}`,
			`"organization":{"reference":"Organization/` + demo.ID("facility", 2) + `"}`, `"system":"http://nucc.org/provider-taxonomy","code":"208000000X"`, `"telecom":[`} {
			if !strings.Contains(body, want) {
				t.Errorf("PractitionerRole lacks %s: %s", want, body)
			}
		}
		for _, ref := range []string{role.Str("practitioner", "reference"), role.Str("organization", "reference"), role.Str("location", 0, "reference")} {
			emrtest.ValidateFHIR(t, e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200).Body)
		}

		// Every demo practitioner has a facility, hence a role; the admin
		// (no facility) has none.
		all, _ := fhirSearch(t, e, e.Admin, "PractitionerRole?_count=1000")
		if len(all) != 8 {
			t.Errorf("%d roles, want the 8 demo practitioners'", len(all))
		}

		// specialty: from the taxonomy (208000000X) and from the specialty
		// name (Cardiology, Internal Medicine).
		for code, want := range map[string][]string{
			"208000000X": {demo.ID("practitioner", 6), demo.ID("practitioner", 7)},
			"207RC0000X": {demo.ID("practitioner", 8)},
			"207R00000X": {demo.ID("practitioner", 3), demo.ID("practitioner", 4)},
		} {
			for _, query := range []string{"PractitionerRole?specialty=" + code, "PractitionerRole?specialty=" + q("http://nucc.org/provider-taxonomy|"+code)} {
				_, r := fhirSearch(t, e, e.Admin, query+"&_count=100")
				var got []string
				for i := 0; i < r.Len("entry"); i++ {
					if res, _ := json.Marshal(r.Get("entry", i, "resource", "specialty")); !strings.Contains(string(res), `"code":"`+code+`"`) {
						t.Errorf("%s: a role without the specialty: %s", query, res)
					}
					got = append(got, strings.TrimPrefix(r.Str("entry", i, "resource", "practitioner", "reference"), "Practitioner/"))
				}
				if !sameIDs(got, want) {
					t.Errorf("%s: practitioners %v, want %v", query, got, want)
				}
			}
		}
		if ids, _ := fhirSearch(t, e, e.Admin, "PractitionerRole?specialty="+q("urn:other|208000000X")); len(ids) != 0 {
			t.Errorf("specialty of another system: %v", ids)
		}

		// _include=PractitionerRole:practitioner adds the practitioner.
		_, r = fhirSearch(t, e, e.Admin, "PractitionerRole?practitioner="+levin+"&_include=PractitionerRole:practitioner")
		var modes []string
		for i := 0; i < r.Len("entry"); i++ {
			modes = append(modes, r.Str("entry", i, "resource", "resourceType")+":"+r.Str("entry", i, "search", "mode"))
		}
		if !slices.Equal(modes, []string{"PractitionerRole:match", "Practitioner:include"}) {
			t.Errorf("_include: %v", modes)
		}

		// Outside every compartment.
		phil := e.Token("patient", "openid patient/PractitionerRole.rs")
		if ids, _ := fhirSearch(t, e, phil, "PractitionerRole?_count=1000"); len(ids) != len(all) {
			t.Errorf("patient token: %d roles, want %d", len(ids), len(all))
		}
		if r := e.Do("GET", "/fhir/PractitionerRole/"+levin+"-999", e.Admin, nil); r.Status != 404 {
			t.Errorf("unknown role: %d", r.Status)
		}
	})
}
