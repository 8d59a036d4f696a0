package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// TestFHIRProvenance: every resource has a Provenance (US Core), read by
// id, searched by target, returned by _revinclude, and confined to the
// caller's patient like its target.
func TestFHIRProvenance(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me, other := demoPatient(1), demoPatient(2)
		_, r := fhirSearch(t, e, e.Admin, "Patient?_id="+me+"&_revinclude=Provenance:target")
		if r.Len("entry") != 2 || r.Str("entry", 1, "search", "mode") != "include" || r.Str("entry", 1, "resource", "resourceType") != "Provenance" {
			t.Fatalf("_revinclude: %s", r.Body)
		}
		if got := r.Str("entry", 1, "resource", "target", 0, "reference"); got != "Patient/"+me {
			t.Errorf("provenance target %q", got)
		}
		id := r.Str("entry", 1, "resource", "id")
		p := e.Do("GET", "/fhir/Provenance/"+id, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, p.Body)
		for _, want := range []string{`"code":"author"`, `"code":"transmitter"`, `"recorded":"`, "us-core-provenance"} {
			if !strings.Contains(string(p.Body), want) {
				t.Errorf("Provenance lacks %s: %s", want, p.Body)
			}
		}
		ids, _ := fhirSearch(t, e, e.Admin, "Provenance?target=Patient/"+me)
		if len(ids) != 1 || ids[0] != id {
			t.Errorf("Provenance?target: %v", ids)
		}
		phil := e.Token("patient", "openid patient/Patient.rs patient/Provenance.rs")
		e.Do("GET", "/fhir/Provenance/Patient-PSK-"+me, phil, nil).Want(t, 200)
		for _, path := range []string{"/fhir/Provenance/Patient-PSK-" + other, "/fhir/Provenance/Nothing-PSK-" + me, "/fhir/Provenance/" + me} {
			if r := e.Do("GET", path, phil, nil); r.Status != 404 {
				t.Errorf("%s: %d", path, r.Status)
			}
		}
		if ids, _ := fhirSearch(t, e, phil, "Provenance?target=Patient/"+other); len(ids) != 0 {
			t.Errorf("another patient's provenance by target: %v", ids)
		}
		// Without a Provenance scope _revinclude leaves it out and says so.
		_, r = fhirSearch(t, e, e.Token("patient", "openid patient/Patient.rs"), "Patient?_revinclude=Provenance:target")
		if n := r.Len("entry"); n != 2 || r.Str("entry", 1, "search", "mode") != "outcome" {
			t.Errorf("_revinclude without scope: %s", r.Body)
		}
	})
}
