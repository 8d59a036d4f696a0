package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emrtest"
	"goemr/internal/fhirmap"
)

// TestFHIRLocation: every facility is a Location, managed by the
// Organization of the same facility.
func TestFHIRLocation(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		clinic := demo.ID("facility", 2)
		facilities := e.Do("GET", "/api/facility", e.Admin, nil).Want(t, 200).Len("data")
		all, _ := fhirSearch(t, e, e.Admin, "Location?_count=1000")
		if len(all) != facilities || facilities == 0 {
			t.Errorf("%d locations, %d facilities", len(all), facilities)
		}
		r := e.Do("GET", "/fhir/Location/"+clinic, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		for _, want := range []string{"us-core-location|6.1.0", `"status":"active"`, `"name":"Northgate Pediatrics"`,
			`"line":["25 Northgate Road"],"city":"Cambridge","state":"MA","postalCode":"02139"`, `"system":"phone","value":"617-555-0150"`} {
			if !strings.Contains(string(r.Body), want) {
				t.Errorf("Location lacks %s: %s", want, r.Body)
			}
		}
		if ref := r.Str("managingOrganization", "reference"); ref != "Organization/"+clinic {
			t.Errorf("managingOrganization %q", ref)
		}
		e.Do("GET", "/fhir/Organization/"+clinic, e.Admin, nil).Want(t, 200)

		find := func(query string, want ...string) {
			t.Helper()
			ids, _ := fhirSearch(t, e, e.Admin, query+"&_count=1000")
			if !sameIDs(ids, want) {
				t.Errorf("%s: %v, want %v", query, ids, want)
			}
		}
		find("Location?name=northgate", clinic)
		find("Location?name:contains=PEDIATRICS", clinic)
		find("Location?address="+q("25 Northgate"), clinic)
		find("Location?address=Cambridge", clinic)
		find("Location?address-city=Cambridge", clinic)
		find("Location?address-state=MA", demo.ID("facility", 1), clinic, demo.ID("facility", 3))
		find("Location?address-postalcode=02139", clinic)
		find("Location?name=Nowhere")

		phil := e.Token("patient", "openid patient/Location.rs")
		e.Do("GET", "/fhir/Location/"+clinic, phil, nil).Want(t, 200)
		if r := e.Do("GET", "/fhir/Location/00000000-0000-0000-0000-000000000000", e.Admin, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown location: %d %s", r.Status, r.Body)
		}
	})
}

// TestFHIRPlacesAndPeopleParams: every search parameter of Encounter,
// Practitioner, PractitionerRole, Organization and Location runs on both
// engines with :missing, and sorts where it is not a reference.
func TestFHIRPlacesAndPeopleParams(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		for _, m := range []*fhirmap.Mapping{fhirmap.Encounter, fhirmap.Practitioner, fhirmap.PractitionerRole, fhirmap.Organization, fhirmap.Location} {
			params := append(slices.Clone(m.Params), fhirmap.Param{Code: "_lastUpdated", Type: fhirmap.Date})
			for _, p := range params {
				queries := []string{p.Code + ":missing=true", p.Code + ":missing=false"}
				switch p.Type {
				case fhirmap.Reference:
				case fhirmap.Date:
					queries = append(queries, "_sort=-"+p.Code, p.Code+"=gt2000-01-01", p.Code+"=ap2020")
				default:
					queries = append(queries, "_sort="+p.Code, "_sort=-"+p.Code)
				}
				for _, query := range queries {
					if r := e.Do("GET", "/fhir/"+m.Type+"?_count=5&"+query, e.Admin, nil); r.Status != 200 || r.Str("type") != "searchset" {
						t.Errorf("%s?%s: %d %s", m.Type, query, r.Status, r.Body)
					}
				}
			}
		}
	})
}
