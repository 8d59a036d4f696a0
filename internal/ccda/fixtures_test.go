package ccda

import (
	"slices"
	"strings"
	"testing"
	"time"

	"goemr/internal/fhir/r4"
)

// Fixtures of the unit tests: a patient, the organization keeping the
// record and a practitioner, as US Core JSON.
const (
	fxPatient = `{"resourceType":"Patient","id":"11111111-1111-4111-8111-111111111111",
		"extension":[
			{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[
				{"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2106-3","display":"White"}},
				{"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2028-9","display":"Asian"}}]},
			{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity","extension":[
				{"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2186-5","display":"Not Hispanic or Latino"}}]},
			{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex","valueCode":"F"}],
		"name":[{"use":"official","family":"Doe","given":["Jane","Q"]}],
		"telecom":[{"system":"phone","value":"(555) 555-0100","use":"home"}],
		"gender":"female","birthDate":"1980-04-02",
		"address":[{"use":"home","line":["1 Main St"],"city":"Springfield","state":"MA","postalCode":"01103"}],
		"communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"es"}]},"preferred":true}],
		"generalPractitioner":[{"reference":"Practitioner/33333333-3333-4333-8333-333333333333"}]}`
	fxCustodian = `{"resourceType":"Organization","id":"22222222-2222-4222-8222-222222222222","name":"Riverside Clinic",
		"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}],
		"telecom":[{"system":"phone","value":"555-0140","use":"work"},{"system":"fax","value":"555-0141"}],
		"address":[{"line":["100 Riverside Ave"],"city":"Boston","state":"MA","postalCode":"02101"}]}`
	fxPractitioner = `{"resourceType":"Practitioner","id":"33333333-3333-4333-8333-333333333333",
		"identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"9876543210"}],
		"name":[{"family":"Kim","given":["Laura"],"prefix":["Dr."]}],
		"qualification":[{"code":{"coding":[{"system":"http://nucc.org/provider-taxonomy","code":"207Q00000X","display":"Family Medicine"}]}}]}`
	fxPatientRef = `{"reference":"Patient/11111111-1111-4111-8111-111111111111"}`
	fxDrRef      = `{"reference":"Practitioner/33333333-3333-4333-8333-333333333333"}`
)

// decode reads a resource of the fixtures.
func decode(t testing.TB, js string) r4.Resource {
	t.Helper()
	js = strings.NewReplacer("$PATIENT", fxPatientRef, "$DR", fxDrRef).Replace(js)
	r, err := r4.Decode([]byte(js), true)
	if err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	return r
}

// fixture is an Input of the fixtures plus resources.
func fixture(t testing.TB, resources ...string) *Input {
	t.Helper()
	in := &Input{
		Patient:   decode(t, fxPatient).(*r4.Patient),
		Custodian: decode(t, fxCustodian).(*r4.Organization),
		Now:       time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC),
		ID:        "44444444-4444-4444-8444-444444444444",
	}
	in.Resources = append(in.Resources, decode(t, fxPractitioner))
	for _, js := range resources {
		in.Resources = append(in.Resources, decode(t, js))
	}
	return in
}

// build makes the CCD of in and parses it.
func build(t testing.TB, in *Input) *xnode {
	t.Helper()
	doc, err := CCD(in)
	if err != nil {
		t.Fatal(err)
	}
	x := parse(t, doc)
	if d := danglingRefs(x); d != nil {
		t.Errorf("references to no narrative ID: %v", d)
	}
	return x
}

// sectionCase is one table case of a section builder: the resources, the
// section's LOINC code, how many entries it must hold, and the checks of
// its entries and narrative.
type sectionCase struct {
	name      string
	resources []string
	section   string
	entries   int
	check     func(t *testing.T, s *xnode)
}

func runSections(t *testing.T, cases []sectionCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sectionOf(t, build(t, fixture(t, c.resources...)), c.section)
			entries := s.all("entry")
			if len(entries) != c.entries {
				t.Fatalf("%d entries, want %d: %s", len(entries), c.entries, s.deepText())
			}
			if c.entries == 0 && s.attrs["nullFlavor"] != "NI" && len(s.all("text/table")) == 0 {
				t.Errorf("an empty section is not nullFlavor NI: %v", s.attrs)
			}
			if c.check != nil {
				c.check(t, s)
			}
		})
	}
}

// want fails unless got equals want.
func want(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// hasTemplate fails unless n claims template root:ext.
func hasTemplate(t *testing.T, n *xnode, tmpl string) {
	t.Helper()
	if !slices.Contains(n.templates(), tmpl) {
		t.Errorf("%s templates %v lack %s", n.name, n.templates(), tmpl)
	}
}

// narrativeHas fails unless the section's narrative holds each text.
func narrativeHas(t *testing.T, s *xnode, texts ...string) {
	t.Helper()
	n := s.one("text").deepText()
	for _, x := range texts {
		if !strings.Contains(n, x) {
			t.Errorf("narrative lacks %q: %s", x, n)
		}
	}
}
