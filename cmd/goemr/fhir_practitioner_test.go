package main

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emrtest"
)

// TestFHIRPractitioner: read and the US Core and OpenEMR Practitioner
// searches, over the demo practitioners and one written through the
// Standard API with an address.
func TestFHIRPractitioner(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		doc := demo.ID("practitioner", 1)
		r := e.Do("GET", "/fhir/Practitioner/"+doc, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		npi := r.Str("identifier", 0, "value")
		if r.Str("identifier", 0, "system") != "http://hl7.org/fhir/sid/us-npi" || len(npi) != 10 || r.Str("name", 0, "family") == "" ||
			!strings.Contains(string(r.Body), "us-core-practitioner|6.1.0") {
			t.Fatalf("Practitioner: %s", r.Body)
		}
		family, given := r.Str("name", 0, "family"), r.Str("name", 0, "given", 0)

		// The Standard API's practitioners are FHIR's.
		std := e.Do("GET", "/api/practitioner", e.Admin, nil).Want(t, 200)
		all, _ := fhirSearch(t, e, e.Admin, "Practitioner?_count=1000")
		if len(all) != std.Len("data") || len(all) < 2 {
			t.Errorf("%d practitioners, the Standard API lists %d", len(all), std.Len("data"))
		}

		p := e.Do("POST", "/api/practitioner", e.Admin, map[string]any{"fname": "Olive", "lname": "Quimby", "npi": "1245319599",
			"street": "12 Elm Street", "city": "Springfield", "state": "IL", "zip": "62701", "phonecell": "217-555-0199",
			"email": "olive.quimby@example.org"}).Want(t, 201)
		olive := p.Str("data", "uuid")
		one := func(query string, want string) {
			t.Helper()
			ids, body := fhirSearch(t, e, e.Admin, query)
			if !slices.Contains(ids, want) {
				t.Errorf("%s: %s not among %v\n%s", query, want, ids, body.Body)
			}
			for _, id := range ids {
				if id == olive && want != olive || id == doc && want != doc {
					t.Errorf("%s: also found %s", query, id)
				}
			}
		}
		one("Practitioner?_id="+doc, doc)
		one("Practitioner?identifier="+npi, doc)
		one("Practitioner?identifier="+q("http://hl7.org/fhir/sid/us-npi|"+npi), doc)
		one("Practitioner?name="+q(strings.ToLower(family)), doc)
		one("Practitioner?name="+q(given), doc)
		one("Practitioner?family="+q(family)+"&given="+q(given), doc)
		one("Practitioner?address="+q("12 elm"), olive)
		one("Practitioner?address:contains=Elm", olive)
		one("Practitioner?address-city=springfield", olive)
		one("Practitioner?address-state=IL", olive)
		one("Practitioner?address-postalcode=62701", olive)
		one("Practitioner?phone=217-555-0199", olive)
		one("Practitioner?telecom=olive.quimby@example.org", olive)
		one("Practitioner?email=olive.quimby@example.org&active=true", olive)
		if ids, _ := fhirSearch(t, e, e.Admin, "Practitioner?identifier="+q("urn:other|"+npi)); len(ids) != 0 {
			t.Errorf("identifier of another system: %v", ids)
		}
		if ids, _ := fhirSearch(t, e, e.Admin, "Practitioner?active=false"); len(ids) != 0 {
			t.Errorf("active=false: %v", ids)
		}
		o := e.Do("GET", "/fhir/Practitioner/"+olive, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, o.Body)
		if o.Str("address", 0, "city") != "Springfield" || o.Str("address", 0, "line", 0) != "12 Elm Street" || o.Str("telecom", 0, "use") != "mobile" {
			t.Errorf("written practitioner: %s", o.Body)
		}

		// A patient's general practitioner is a Practitioner to search by.
		std1 := e.Do("GET", "/api/practitioner/"+doc, e.Admin, nil).Want(t, 200)
		pat := e.Do("GET", "/api/patient/"+demoPatient(1), e.Admin, nil).Want(t, 200)
		e.Do("PUT", "/api/patient/"+demoPatient(1), e.Admin, map[string]any{"fname": pat.Str("data", "fname"), "lname": pat.Str("data", "lname"),
			"DOB": pat.Str("data", "DOB"), "sex": pat.Str("data", "sex"), "providerID": std1.Str("data", "id")}).Want(t, 200)
		pcp := e.Do("GET", "/fhir/Patient/"+demoPatient(1), e.Admin, nil).Want(t, 200).Str("generalPractitioner", 0, "reference")
		if pcp != "Practitioner/"+doc {
			t.Errorf("generalPractitioner %q, want Practitioner/%s", pcp, doc)
		}
		// Every patient found has that practitioner, patient 1 among them
		// (the demo gives other patients the same one).
		ids, _ := fhirSearch(t, e, e.Admin, "Patient?general-practitioner="+pcp+"&_count=1000")
		found := false
		for _, id := range ids {
			found = found || id == demoPatient(1)
			if got := e.Do("GET", "/fhir/Patient/"+id, e.Admin, nil).Want(t, 200).Str("generalPractitioner", 0, "reference"); got != pcp {
				t.Errorf("Patient?general-practitioner=%s found %s, whose is %q", pcp, id, got)
			}
		}
		if !found {
			t.Errorf("Patient?general-practitioner=%s: %v lacks patient 1", pcp, ids)
		}

		// Outside every compartment: a patient token reads any practitioner.
		phil := e.Token("patient", "openid patient/Practitioner.rs")
		e.Do("GET", "/fhir/Practitioner/"+olive, phil, nil).Want(t, 200)
		if ids, _ := fhirSearch(t, e, phil, "Practitioner?_count=1000"); len(ids) != len(all)+1 {
			t.Errorf("patient token: %d practitioners, want %d", len(ids), len(all)+1)
		}
		// A user without an NPI is no practitioner.
		if r := e.Do("GET", "/fhir/Practitioner/00000000-0000-0000-0000-000000000000", e.Admin, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("unknown practitioner: %d %s", r.Status, r.Body)
		}
	})
}
