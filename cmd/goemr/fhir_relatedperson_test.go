package main

import (
	"net/url"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRRelatedPerson runs the US Core 6.1.0 RelatedPerson searches
// (_id, patient, name, patient+name) on the demo patients' related
// persons (contact_relation → contact → person).
func TestFHIRRelatedPerson(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me := demoPatient(1)
		stored := srStored(t, e, resource.FHIRRelatedPerson, emr.Eq("pid", "1"))
		if len(stored) == 0 {
			t.Fatal("demo patient 1 has no related person")
		}
		// Every demo patient has one or two.
		for n := 1; n <= 22; n++ {
			if k := len(srStored(t, e, resource.FHIRRelatedPerson, emr.Eq("pid", demoPID(t, e, n)))); k < 1 || k > 2 {
				t.Errorf("demo patient %d has %d related persons", n, k)
			}
		}
		relations := srStored(t, e, resource.ContactRelation, emr.Eq("target_table", "patient_data"), emr.Eq("target_id", "1"))
		srWant(t, e, e.Admin, "RelatedPerson?_count=100&patient="+me, srIDs(relations, "uuid", nil))
		rp := stored[0]
		srWant(t, e, e.Admin, "RelatedPerson?_id="+rp.Str("uuid"), []string{rp.Str("uuid")})
		srWant(t, e, e.Admin, "RelatedPerson?patient="+me+"&name="+url.QueryEscape(rp.Str("first_name")), []string{rp.Str("uuid")})
		srWant(t, e, e.Admin, "RelatedPerson?patient="+me+"&name=Zzyzx", nil)
		// name alone searches every patient's: all whose given or family
		// name starts with it.
		everyone := srStored(t, e, resource.FHIRRelatedPerson)
		prefix := strings.ToLower(rp.Str("last_name")[:3])
		srWant(t, e, e.Admin, "RelatedPerson?_count=500&name="+prefix, srIDs(everyone, "uuid", func(r emr.Record) bool {
			for _, f := range []string{"first_name", "middle_name", "last_name"} {
				if strings.HasPrefix(strings.ToLower(r.Str(f)), prefix) {
					return true
				}
			}
			return false
		}))

		r := e.Do("GET", "/fhir/RelatedPerson/"+rp.Str("uuid"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-relatedperson|6.1.0", `"active":true`, `"patient":{"reference":"Patient/` + me + `"}`,
			`"system":"http://terminology.hl7.org/CodeSystem/v3-RoleCode","code":"` + rp.Str("relationship") + `"`,
			`"family":"` + rp.Str("last_name") + `"`, `"given":["` + rp.Str("first_name") + `"]`,
			`{"system":"phone","value":"` + rp.Str("phone") + `"`} {
			if !strings.Contains(body, w) {
				t.Errorf("read lacks %s: %s", w, body)
			}
		}

		// A guardian: demo patient 14 is a child.
		child := srStored(t, e, resource.FHIRRelatedPerson, emr.Eq("pid", demoPID(t, e, 14)))
		if len(child) == 0 || child[0].Str("role") != "guardian" {
			t.Fatalf("demo patient 14's related persons: %v", child)
		}
		r = e.Do("GET", "/fhir/RelatedPerson/"+child[0].Str("uuid"), e.Admin, nil).Want(t, 200)
		if !strings.Contains(string(r.Body), `"code":"GUARD"`) || !strings.Contains(string(r.Body), `"address":[{"use":"home"`) {
			t.Errorf("guardian: %s", r.Body)
		}
		srUnknown(t, e, "RelatedPerson")
		srCompartment(t, e, "patient/RelatedPerson.rs", "RelatedPerson", rp.Str("uuid"), child[0].Str("uuid"))
	})
}
