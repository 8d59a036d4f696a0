package ccda

import (
	"strings"
	"testing"
	"time"

	"goemr/internal/fhir/r4"
)

func TestHeader(t *testing.T) {
	doc := build(t, fixture(t))
	want(t, "templates", join(doc.templates()), "2.16.840.1.113883.10.20.22.1.1; 2.16.840.1.113883.10.20.22.1.1:2015-08-01; 2.16.840.1.113883.10.20.22.1.2; 2.16.840.1.113883.10.20.22.1.2:2015-08-01")
	want(t, "code", doc.one("code").attrs["code"], "34133-9")
	want(t, "id", doc.one("id").attrs["root"], "44444444-4444-4444-8444-444444444444")
	want(t, "time", doc.one("effectiveTime").attrs["value"], "20240501093000+0000")
	p := doc.one("recordTarget/patientRole")
	want(t, "patient id", p.one("id").attrs["root"], "11111111-1111-4111-8111-111111111111")
	want(t, "city", p.one("addr/city").text, "Springfield")
	want(t, "phone", p.one("telecom").attrs["value"], "tel:(555)555-0100")
	pt := p.one("patient")
	want(t, "given", pt.all("name/given")[1].text, "Q")
	want(t, "gender", pt.one("administrativeGenderCode").attrs["code"], "F")
	want(t, "birth", pt.one("birthTime").attrs["value"], "19800402")
	want(t, "race", pt.one("raceCode").attrs["code"], "2106-3")
	want(t, "second race", pt.one("sdtc:raceCode").attrs["code"], "2028-9")
	want(t, "ethnicity", pt.one("ethnicGroupCode").attrs["code"], "2186-5")
	want(t, "language", pt.one("languageCommunication/languageCode").attrs["code"]+" "+pt.one("languageCommunication/preferenceInd").attrs["value"], "es true")
	want(t, "custodian", doc.one("custodian/assignedCustodian/representedCustodianOrganization/name").text, "Riverside Clinic")
	if n := len(doc.all("custodian/assignedCustodian/representedCustodianOrganization/telecom")); n != 1 {
		t.Errorf("the custodian has %d telecoms, CONF:1198-5525 wants exactly one", n)
	}
	device := doc.one("author/assignedAuthor/assignedAuthoringDevice/softwareName")
	want(t, "authoring device", device.text, "goemr")
	if len(doc.all("legalAuthenticator")) != 0 {
		t.Error("a document no practitioner authored has a legal authenticator")
	}
	se := doc.one("documentationOf/serviceEvent")
	want(t, "service event", se.attrs["classCode"]+" "+se.one("effectiveTime/low").attrs["value"], "PCPR 19800402")
	want(t, "PCP", se.one("performer/functionCode").attrs["code"]+" "+se.one("performer/assignedEntity/id").attrs["extension"], "PCP 9876543210")
	if got := len(doc.all("component/structuredBody/component/section")); got != len(sections) {
		t.Errorf("%d sections, want %d", got, len(sections))
	}
}

func TestHeaderAuthor(t *testing.T) {
	in := fixture(t)
	in.Author = decode(t, fxPractitioner).(*r4.Practitioner)
	doc := build(t, in)
	a := doc.one("author/assignedAuthor")
	want(t, "author", a.one("assignedPerson/name/family").text+" "+a.one("code").attrs["code"], "Kim 207Q00000X")
	want(t, "for", a.one("representedOrganization/name").text, "Riverside Clinic")
	la := doc.one("legalAuthenticator")
	want(t, "signed", la.one("signatureCode").attrs["code"]+" "+la.one("assignedEntity/id").attrs["extension"], "S 9876543210")
}

// TestRange: a range keeps the entries dated in it and leaves out undated
// ones, and is the service event's time.
func TestRange(t *testing.T) {
	imm := func(id, when string) string {
		return `{"resourceType":"Immunization","id":"` + id + `","status":"completed","patient":$PATIENT,"occurrenceDateTime":"` + when + `",
			"vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]}}`
	}
	device := `{"resourceType":"Device","id":"d1","status":"active","patient":$PATIENT,"type":{"text":"Cane"}}`
	in := fixture(t, imm("i1", "2022-11-01"), imm("i2", "2023-11-01T10:00:00Z"), imm("i3", "2023-12-31"), imm("i4", "2024-01-01"), device)
	in.Start = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	in.End = time.Date(2023, 12, 31, 23, 59, 59, 0, time.UTC)
	doc := build(t, in)
	var got []string
	for _, sa := range sectionOf(t, doc, "11369-6").all("entry/substanceAdministration") {
		got = append(got, sa.one("effectiveTime").attrs["value"])
	}
	want(t, "immunizations in 2023", join(got), "20231101100000+0000; 20231231")
	want(t, "devices", sectionOf(t, doc, "46264-8").attrs["nullFlavor"], "NI")
	et := doc.one("documentationOf/serviceEvent/effectiveTime")
	want(t, "service event", et.one("low").attrs["value"]+"-"+et.one("high").attrs["value"], "20230101-20231231")
}

func TestCCDRefusesBadInput(t *testing.T) {
	ok := func() *Input { return fixture(t) }
	cases := map[string]func(*Input) *Input{
		"nil":          func(*Input) *Input { return nil },
		"no patient":   func(in *Input) *Input { in.Patient = nil; return in },
		"no custodian": func(in *Input) *Input { in.Custodian = nil; return in },
		"bad id":       func(in *Input) *Input { in.ID = "doc-1"; return in },
		"backwards range": func(in *Input) *Input {
			in.Start, in.End = time.Now(), time.Now().Add(-time.Hour)
			return in
		},
	}
	for name, spoil := range cases {
		if _, err := CCD(spoil(ok())); err == nil || !strings.HasPrefix(err.Error(), "ccda: ") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
