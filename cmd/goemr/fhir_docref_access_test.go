package main

import (
	"net/url"
	"strings"
	"testing"
)

// TestFHIRDocRefAccess: tokens, scopes and parameters of $docref.
func TestFHIRDocRefAccess(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		op := "/fhir/DocumentReference/$docref"
		me, other := demoPatient(1), demoPatient(2)
		if r := e.Do("GET", op+"?patient="+me, "", nil); r.Status != 401 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("no token: %d %s", r.Status, r.Body)
		}
		for _, q := range []string{"?patient=" + me + "&type=" + url.QueryEscape("http://loinc.org|18842-5"), "?patient=" + me + "&type=11506-3",
			"?patient=" + me + "&on-demand=yes", "?patient=" + me + "&start=2022-01-01&end=2021-01-01", "?patient=" + me + "&start=today",
			"", "?patient=" + me + "&color=blue"} {
			if r := e.Do("GET", op+q, e.Admin, nil); r.Status != 400 || r.Str("resourceType") != "OperationOutcome" {
				t.Errorf("%s: %d %s", q, r.Status, r.Body)
			}
		}
		if r := e.DoHeader("POST", op, e.Admin, `{"resourceType":"Patient"}`, fhirJSONHeader...); r.Status != 400 {
			t.Errorf("a Patient body: %d %s", r.Status, r.Body)
		}
		if r := e.Do("PUT", op+"?patient="+me, e.Admin, nil); r.Status != 405 {
			t.Errorf("PUT: %d", r.Status)
		}

		// A patient's token: its own CCD, asked for or not; no other's.
		phil := tokenWith(e, "patient", "openid api:port patient/DocumentReference.$docref")
		if r := e.Do("GET", op+"?patient="+other, phil, nil); r.Status != 403 || r.Str("resourceType") != "OperationOutcome" {
			t.Errorf("another patient: %d %s", r.Status, r.Body)
		}
		r := e.Do("POST", op, phil, nil).Want(t, 200)
		docrefRef(t, e, r, me)
		r = e.Do("GET", op+"?patient=Patient/"+me, phil, nil).Want(t, 200)
		docrefRef(t, e, r, me)

		// The operation scope alone grants the whole summary; a
		// DocumentReference read scope alone only what it may read.
		xml := func(r *Resp) string {
			_, binary := docrefRef(t, e, r, other)
			return string(e.DoHeader("GET", strings.TrimPrefix(binary, e.URL), e.Admin, nil, "Accept", "application/xml").Want(t, 200).Body)
		}
		full := xml(e.Do("GET", op+"?on-demand=true&patient="+other, tokenWith(e, "users", "openid user/DocumentReference.$docref"), nil).Want(t, 200))
		if !strings.Contains(full, `<substanceAdministration classCode="SBADM" moodCode="EVN" negationInd="false">`) {
			t.Error("the $docref scope's CCD lacks the immunizations")
		}
		narrow := xml(e.Do("GET", op+"?on-demand=true&patient="+other, tokenWith(e, "users", "openid user/DocumentReference.rs"), nil).Want(t, 200))
		if strings.Contains(narrow, `negationInd="false"`) || !strings.Contains(narrow, "<section nullFlavor=\"NI\">") {
			t.Error("a DocumentReference read scope's CCD shows immunizations it may not read")
		}
		if r := e.Do("GET", op+"?patient="+other, tokenWith(e, "users", "openid user/Patient.rs"), nil); r.Status != 403 {
			t.Errorf("no DocumentReference scope: %d %s", r.Status, r.Body)
		}

		// The CapabilityStatement lists the operation on DocumentReference.
		meta := string(e.Do("GET", "/fhir/metadata", "", nil).Want(t, 200).Body)
		if !strings.Contains(meta, `"operation":[{"name":"docref","definition":"http://hl7.org/fhir/us/core/OperationDefinition/docref"`) {
			t.Error("the CapabilityStatement does not list $docref")
		}
	})
}
