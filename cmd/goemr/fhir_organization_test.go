package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emrtest"
)

// TestFHIROrganization: the facilities and the payers are Organizations,
// read and found by the US Core and OpenEMR searches.
func TestFHIROrganization(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		clinic, payer := demo.ID("facility", 1), demo.ID("insurance_company", 1)
		facilities := e.Do("GET", "/api/facility", e.Admin, nil).Want(t, 200).Len("data")
		payers := e.Do("GET", "/api/insurance_company", e.Admin, nil).Want(t, 200).Len() // a bare array, as OpenEMR sends it
		all, _ := fhirSearch(t, e, e.Admin, "Organization?_count=1000")
		if len(all) != facilities+payers || facilities == 0 || payers == 0 {
			t.Errorf("%d organizations, want %d facilities and %d payers", len(all), facilities, payers)
		}

		c := e.Do("GET", "/fhir/Organization/"+clinic, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, c.Body)
		for _, want := range []string{"us-core-organization|6.1.0", `"active":true`, `"code":"prov"`, `"name":"Riverside Family Medicine"`,
			`"system":"http://hl7.org/fhir/sid/us-npi"`, `"city":"Boston"`, `"system":"phone","value":"617-555-0140"`} {
			if !strings.Contains(string(c.Body), want) {
				t.Errorf("facility Organization lacks %s: %s", want, c.Body)
			}
		}
		npi := c.Str("identifier", 0, "value")
		p := e.Do("GET", "/fhir/Organization/"+payer, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, p.Body)
		for _, want := range []string{`"code":"pay"`, `"name":"Medicare Part B"`, `"code":"NIIP"`, `"city":"Baltimore"`, `"value":"8005550111"`} {
			if !strings.Contains(string(p.Body), want) {
				t.Errorf("payer Organization lacks %s: %s", want, p.Body)
			}
		}

		find := func(query string, want ...string) {
			t.Helper()
			ids, _ := fhirSearch(t, e, e.Admin, query+"&_count=1000")
			if !sameIDs(ids, want) {
				t.Errorf("%s: %v, want %v", query, ids, want)
			}
		}
		find("Organization?name=riverside", clinic)
		find("Organization?name=Medicare", payer)
		find("Organization?name:exact="+q("Riverside Family Medicine"), clinic)
		find("Organization?address="+q("100 Riverside"), clinic)
		find("Organization?address-city=Cambridge", demo.ID("facility", 2))
		find("Organization?address-state=MD", payer)
		find("Organization?address-postalcode=01608", demo.ID("facility", 3))
		find("Organization?email=frontdesk@clinic1.example.org", clinic)
		find("Organization?phone=617-555-0140", clinic)
		find("Organization?telecom=8005550111", payer)
		find("Organization?identifier="+q("http://hl7.org/fhir/sid/us-npi|"+npi), clinic)
		find("Organization?identifier=MCRB1", payer)
		if ids, _ := fhirSearch(t, e, e.Admin, "Organization?type=pay&_count=1000"); len(ids) != payers || !slices.Contains(ids, payer) {
			t.Errorf("type=pay: %v", ids)
		}

		// The custodian every Provenance names is an Organization.
		prov := e.Do("GET", "/fhir/Provenance/Patient-PSK-"+demoPatient(1), e.Admin, nil).Want(t, 200)
		if ref := prov.Str("agent", 0, "who", "reference"); !strings.HasPrefix(ref, "Organization/") {
			t.Errorf("Provenance agent %q", ref)
		} else {
			e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
		}

		phil := e.Token("patient", "openid patient/Organization.rs")
		e.Do("GET", "/fhir/Organization/"+payer, phil, nil).Want(t, 200)
		if ids, _ := fhirSearch(t, e, phil, "Organization?_count=1000"); len(ids) != len(all) {
			t.Errorf("patient token: %d organizations, want %d", len(ids), len(all))
		}
		if r := e.Do("GET", "/fhir/Organization/00000000-0000-0000-0000-000000000000", e.Admin, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown organization: %d %s", r.Status, r.Body)
		}
	})
}
