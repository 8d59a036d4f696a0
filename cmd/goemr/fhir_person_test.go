package main

import (
	"context"
	"net/url"
	"slices"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
)

// TestFHIRPerson: every user is a Person (a login without an NPI too),
// read and searched by OpenEMR's Person parameters; users with an NPI
// link to their Practitioner; no compartment confines a patient token.
func TestFHIRPerson(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		ctx := context.Background()
		desk := &emr.User{Username: "frontdesk", Fname: "Fran", Lname: "Deskins", Email: "fran.deskins@example.org", Active: true}
		if err := e.Store.CreateUser(ctx, desk); err != nil {
			t.Fatal(err)
		}
		p := e.Do("POST", "/api/practitioner", e.Admin, map[string]any{"fname": "Olive", "lname": "Quimby", "npi": "1245319599",
			"street": "12 Elm Street", "city": "Springfield", "state": "IL", "zip": "62701", "phonecell": "217-555-0199",
			"email": "olive.quimby@example.org"}).Want(t, 201)
		olive := p.Str("data", "uuid")

		// The Standard API's users are FHIR's Persons.
		users := e.Do("GET", "/api/user", e.Admin, nil).Want(t, 200)
		var want []string
		for i := 0; i < users.Len("data"); i++ {
			want = append(want, users.Str("data", i, "uuid"))
		}
		if !slices.Contains(want, desk.UUID) || !slices.Contains(want, olive) {
			t.Fatalf("users %v lack the new ones", want)
		}
		mrWant(t, e, e.Admin, "Person?_count=1000", want)

		r := e.Do("GET", "/fhir/Person/"+desk.UUID, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("name", 0, "family") != "Deskins" || r.Str("telecom", 0, "value") != desk.Email || r.Get("active") != true || r.Len("link") > 0 {
			t.Errorf("Person of a login: %s", r.Body)
		}
		if r := e.Do("GET", "/fhir/Practitioner/"+desk.UUID, e.Admin, nil); r.Status != 404 {
			t.Errorf("a user without an NPI as Practitioner: %d", r.Status)
		}
		doc := demo.ID("practitioner", 1)
		r = e.Do("GET", "/fhir/Person/"+doc, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("link", 0, "target", "reference") != "Practitioner/"+doc || r.Str("identifier", 0, "system") != "http://hl7.org/fhir/sid/us-npi" {
			t.Errorf("Person of a practitioner: %s", r.Body)
		}
		e.Do("GET", "/fhir/"+r.Str("link", 0, "target", "reference"), e.Admin, nil).Want(t, 200)

		for query, want := range map[string][]string{
			"Person?_id=" + desk.UUID:                          {desk.UUID},
			"Person?name=fran":                                 {desk.UUID},
			"Person?family=Deskins&given=Fran":                 {desk.UUID},
			"Person?family:exact=deskins":                      nil,
			"Person?email=" + q(desk.Email):                    {desk.UUID},
			"Person?telecom=" + q("olive.quimby@example.org"):  {olive},
			"Person?phone=217-555-0199":                        {olive},
			"Person?address=" + q("12 elm"):                    {olive},
			"Person?address-city=springfield":                  {olive},
			"Person?address-state=IL&address-postalcode=62701": {olive},
			"Person?name=olive,fran&active=true":               {olive, desk.UUID},
			"Person?name=fran,olive&active=false":              nil,
		} {
			mrWant(t, e, e.Admin, query, want)
		}
		// A user who left is still a Person, found by active=false.
		if err := e.Store.SetUserActive(ctx, desk.Username, false); err != nil {
			t.Fatal(err)
		}
		mrWant(t, e, e.Admin, "Person?active=false", []string{desk.UUID})
		mrWant(t, e, e.Admin, "Person?name=fran&active=true", nil)

		// In no compartment: a patient token with the scope reads every user.
		phil := e.Token("patient", "openid patient/Person.rs")
		e.Do("GET", "/fhir/Person/"+desk.UUID, phil, nil).Want(t, 200)
		mrWant(t, e, phil, "Person?_count=1000", want)
		if r := e.Do("GET", "/fhir/Person", e.Token("patient", "openid patient/Practitioner.rs"), nil); r.Status != 403 {
			t.Errorf("without a Person scope: %d", r.Status)
		}
		mrUnknown(t, e, "Person")
	})
}
