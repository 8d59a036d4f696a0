package main

import (
	"bytes"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// docrefRef is the one DocumentReference a $docref Bundle holds, checked
// as US Core 6.1.0 asks: a searchset whose entry is the CCD, its
// attachment the absolute Binary URL of the XML.
func docrefRef(t *testing.T, e *apiEnv, r *Resp, puuid string) (id, binary string) {
	t.Helper()
	if r.Str("resourceType") != "Bundle" || r.Str("type") != "searchset" || r.Len("entry") != 1 {
		t.Fatalf("$docref answered %s", r.Body)
	}
	emrtest.ValidateFHIR(t, r.Body)
	for path, want := range map[string]string{
		"type.coding.0.system": "http://loinc.org", "type.coding.0.code": "34133-9",
		"subject.reference": "Patient/" + puuid, "content.0.attachment.contentType": "application/xml",
		"category.0.coding.0.code": "clinical-note",
	} {
		var keys []any
		for _, k := range strings.Split(path, ".") {
			if k >= "0" && k <= "9" {
				keys = append(keys, int(k[0]-'0'))
			} else {
				keys = append(keys, k)
			}
		}
		if got := r.Str(append([]any{"entry", 0, "resource"}, keys...)...); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	id = r.Str("entry", 0, "resource", "id")
	binary = r.Str("entry", 0, "resource", "content", 0, "attachment", "url")
	if binary != e.URL+"/apis/default/fhir/Binary/"+id {
		t.Errorf("attachment url %q is not the absolute Binary URL", binary)
	}
	return id, binary
}

// tokenWith is a password-grant token of a client registered with
// exactly scopes (the scenario client holds every scope).
func tokenWith(e *apiEnv, role, scopes string) string {
	saved := e.client
	defer func() { e.client = saved }()
	e.client = e.register(scopes)
	return e.Token(role, scopes)
}

// TestFHIRDocRef: GET and POST (query string or Parameters body) return
// the patient's CCD; the stored copy is reused while current and made
// again after a change or on demand; Binary serves the XML and its FHIR
// Binary; the Standard API lists it among the patient's documents.
func TestFHIRDocRef(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		puuid := demoPatient(2)
		pid := e.Do("GET", "/api/patient/"+puuid, e.Admin, nil).Want(t, 200).Str("data", "pid")
		op := "/fhir/DocumentReference/$docref"
		r := e.Do("POST", op+"?patient="+puuid, e.Admin, nil).Want(t, 200)
		first, binary := docrefRef(t, e, r, puuid)
		r = e.Do("GET", op+"?patient="+puuid+"&type="+url.QueryEscape("http://loinc.org|34133-9"), e.Admin, nil).Want(t, 200)
		if id, _ := docrefRef(t, e, r, puuid); id != first {
			t.Errorf("nothing changed, yet a new CCD %s was made (stored %s)", id, first)
		}
		body := `{"resourceType":"Parameters","parameter":[{"name":"patient","valueId":"` + puuid + `"},
			{"name":"type","valueCoding":{"system":"http://loinc.org","code":"34133-9"}},{"name":"on-demand","valueBoolean":true}]}`
		r = e.DoHeader("POST", op, e.Admin, body, fhirJSONHeader...).Want(t, 200)
		onDemand, _ := docrefRef(t, e, r, puuid)
		if onDemand == first {
			t.Error("on-demand=true returned the stored CCD")
		}
		r = e.Do("GET", op+"?patient="+puuid, e.Admin, nil).Want(t, 200)
		if id, _ := docrefRef(t, e, r, puuid); id != onDemand {
			t.Errorf("the latest CCD %s was not reused: %s", onDemand, id)
		}

		// A change to the chart makes the stored CCD stale.
		e.DoHeader("POST", "/fhir/AllergyIntolerance", e.Admin, `{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/`+puuid+`"},
			"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
			"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed"}]},
			"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2670","display":"Codeine"}],"text":"Codeine"}}`, fhirJSONHeader...).Want(t, 201)
		r = e.Do("GET", op+"?patient="+puuid, e.Admin, nil).Want(t, 200)
		fresh, freshBinary := docrefRef(t, e, r, puuid)
		if fresh == onDemand {
			t.Error("the chart changed, yet the stored CCD was returned")
		}

		// Binary: the XML for a non-FHIR Accept, a FHIR Binary for FHIR JSON.
		x := e.DoHeader("GET", strings.TrimPrefix(freshBinary, e.URL), e.Admin, nil, "Accept", "application/xml").Want(t, 200)
		if ct := x.Header.Get("Content-Type"); ct != "application/xml" || !bytes.Contains(x.Body, []byte(`<ClinicalDocument xmlns="urn:hl7-org:v3"`)) ||
			!bytes.Contains(x.Body, []byte("Codeine")) {
			t.Errorf("Binary as XML: %s %.200s", ct, x.Body)
		}
		j := e.DoHeader("GET", strings.TrimPrefix(freshBinary, e.URL), e.Admin, nil, "Accept", "application/fhir+json").Want(t, 200)
		data, err := base64.StdEncoding.DecodeString(j.Str("data"))
		if err != nil || j.Str("resourceType") != "Binary" || j.Str("contentType") != "application/xml" || !bytes.Equal(data, x.Body) {
			t.Errorf("Binary as FHIR: %v %.300s", err, j.Body)
		}
		e.DoHeader("GET", strings.TrimPrefix(binary, e.URL), e.Admin, nil, "Accept", "*/*").Want(t, 200)

		// The Standard API lists the CCDs among the patient's documents.
		docs := e.Do("GET", "/api/patient/"+pid+"/document?path=/CCDA", e.Admin, nil).Want(t, 200)
		if n := strings.Count(string(docs.Body), "CCD-"); n != 3 {
			t.Errorf("the CCDA folder lists %d CCDs, want 3: %s", n, docs.Body)
		}

		// A range makes a new CCD.
		r = e.Do("GET", op+"?patient="+puuid+"&start=2020-01-01&end=2021-12-31", e.Admin, nil).Want(t, 200)
		if id, _ := docrefRef(t, e, r, puuid); id == fresh {
			t.Error("a ranged $docref returned the stored CCD")
		}
		e.Do("GET", op+"?patient=6d3e1a2b-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 200)
		if r := e.Do("GET", op+"?patient=6d3e1a2b-0000-4000-8000-000000000000", e.Admin, nil); r.Len("entry") > 0 || r.Str("total") != "0" {
			t.Errorf("unknown patient: %s", r.Body)
		}
	})
}
