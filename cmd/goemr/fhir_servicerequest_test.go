package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// srWant runs a FHIR search and checks that it matches exactly want, in
// any order.
func srWant(t *testing.T, e *apiEnv, token, query string, want []string) {
	t.Helper()
	got, r := fhirSearch(t, e, token, query)
	got, want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %v\nwant %v\n%.1500s", query, got, want, r.Body)
	}
}

// srStored lists the stored records of d matching where.
func srStored(t *testing.T, e *apiEnv, d *resource.Def, where ...emr.Cond) []emr.Record {
	t.Helper()
	recs, err := e.Store.List(context.Background(), d, emr.Query{Where: where})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// srIDs is the field k of each record, for the records keep accepts.
func srIDs(recs []emr.Record, k string, keep func(emr.Record) bool) []string {
	var out []string
	for _, r := range recs {
		if keep == nil || keep(r) {
			out = append(out, r.Str(k))
		}
	}
	return out
}

// srCompartment checks that a patient token with scope reaches only its
// own patient's resources of typ: another patient's resource (other) is
// unknown to it and never found by a search, its own (mine) is.
func srCompartment(t *testing.T, e *apiEnv, scope, typ, mine, other string) {
	t.Helper()
	phil := e.Token("patient", "openid "+scope)
	r := e.Do("GET", "/fhir/"+typ+"/"+mine, phil, nil).Want(t, 200)
	emrtest.ValidateFHIR(t, r.Body)
	if r := e.Do("GET", "/fhir/"+typ+"/"+other, phil, nil); r.Status != 404 || r.Str("resourceType") != "OperationOutcome" {
		t.Errorf("%s of another patient: %d %s", typ, r.Status, r.Body)
	}
	for _, q := range []string{typ, typ + "?patient=" + demoPatient(2), typ + "?_id=" + other, typ + "?_id=" + mine + "," + other} {
		if ids, _ := fhirSearch(t, e, phil, q); slices.Contains(ids, other) {
			t.Errorf("%s: the patient token sees %s", q, other)
		}
	}
	if ids, _ := fhirSearch(t, e, phil, typ+"?patient="+demoPatient(1)); !slices.Contains(ids, mine) {
		t.Errorf("%s?patient=me misses %s", typ, mine)
	}
}

// srUnknown checks that an id nothing has is a 404 OperationOutcome.
func srUnknown(t *testing.T, e *apiEnv, typ string) {
	t.Helper()
	r := e.Do("GET", "/fhir/"+typ+"/00000000-0000-0000-0000-000000000000", e.Admin, nil)
	if r.Status != 404 || r.Str("resourceType") != "OperationOutcome" || r.Str("issue", 0, "code") != "not-found" {
		t.Errorf("unknown %s: %d %s", typ, r.Status, r.Body)
	}
	emrtest.ValidateFHIR(t, r.Body)
}

// srOrderedTests is every ordered test of patient pid, as the view
// fhir_service_request has them.
func srOrderedTests(t *testing.T, e *apiEnv, pid string) []emr.Record {
	return srStored(t, e, resource.FHIRServiceRequest, emr.Eq("pid", pid))
}

// TestFHIRServiceRequest runs the US Core 6.1.0 ServiceRequest searches
// (_id, patient, +category, +category+authored, +code, +status,
// +code+authored) on demo patient 1's lab orders, checked against the
// stored orders and their tests.
func TestFHIRServiceRequest(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		me := demoPatient(1)
		tests := srOrderedTests(t, e, "1")
		orders := srStored(t, e, resource.Procedure, emr.Eq("patient_id", "1"))
		if len(orders) == 0 || len(tests) < len(orders) {
			t.Fatalf("demo patient 1 has %d orders, %d tests", len(orders), len(tests))
		}
		var want []string
		for _, o := range orders {
			for _, c := range srStored(t, e, resource.ProcedureCode, emr.Eq("procedure_order_id", o.Str("procedure_order_id"))) {
				want = append(want, o.Str("uuid")+"-"+c.Str("procedure_order_seq"))
			}
		}
		base := "ServiceRequest?_count=200&patient=" + me
		srWant(t, e, e.Admin, base, want)
		all := srIDs(tests, "id", nil)
		srWant(t, e, e.Admin, base+"&category="+q("http://snomed.info/sct|108252007"), all)
		srWant(t, e, e.Admin, base+"&category=108252007", all)
		srWant(t, e, e.Admin, base+"&category=363679005", nil)
		srWant(t, e, e.Admin, base+"&category="+q("http://loinc.org|108252007"), nil)
		first := tests[0]
		day := first.Str("authored_on")[:10]
		onDay := srIDs(tests, "id", func(r emr.Record) bool { return r.Str("authored_on")[:10] == day })
		srWant(t, e, e.Admin, base+"&category=108252007&authored="+day, onDay)
		srWant(t, e, e.Admin, base+"&category=108252007&authored=gt"+day,
			srIDs(tests, "id", func(r emr.Record) bool { return r.Str("authored_on")[:10] > day }))
		_, loinc, _ := strings.Cut(strings.Trim(first.Str("codes"), ";"), ":")
		withCode := srIDs(tests, "id", func(r emr.Record) bool { return strings.Contains(r.Str("codes"), ":"+loinc+";") })
		srWant(t, e, e.Admin, base+"&code="+q("http://loinc.org|"+loinc), withCode)
		srWant(t, e, e.Admin, base+"&code="+loinc, withCode)
		srWant(t, e, e.Admin, base+"&code="+q("http://www.ama-assn.org/go/cpt|"+loinc), nil)
		srWant(t, e, e.Admin, base+"&code="+q("http://loinc.org|"+loinc)+"&authored=ge"+day,
			srIDs(tests, "id", func(r emr.Record) bool {
				return strings.Contains(r.Str("codes"), ":"+loinc+";") && r.Str("authored_on")[:10] >= day
			}))
		srWant(t, e, e.Admin, base+"&status=completed", all)
		srWant(t, e, e.Admin, base+"&status=active,revoked", nil)
		srWant(t, e, e.Admin, "ServiceRequest?_id="+first.Str("id"), []string{first.Str("id")})

		// A read is the US Core request, with everything it refers to
		// readable.
		r := e.Do("GET", "/fhir/ServiceRequest/"+first.Str("id"), e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		body := string(r.Body)
		for _, w := range []string{"us-core-servicerequest|6.1.0", `"status":"completed"`, `"intent":"order"`, `"code":"108252007"`,
			`"system":"http://loinc.org","code":"` + loinc + `"`, `"subject":{"reference":"Patient/` + me + `"}`, `"authoredOn":"` + day} {
			if !strings.Contains(body, w) {
				t.Errorf("read lacks %s: %s", w, body)
			}
		}
		for _, ref := range []string{r.Str("requester", "reference"), r.Str("encounter", "reference"), r.Str("specimen", 0, "reference")} {
			if ref == "" {
				t.Errorf("read lacks a requester, encounter or specimen: %s", body)
				continue
			}
			e.Do("GET", "/fhir/"+ref, e.Admin, nil).Want(t, 200)
		}
		srUnknown(t, e, "ServiceRequest")

		// An imaging order written after the demo: pending, so active,
		// with its own category and CPT code.
		order := storeInsert(t, e, resource.Procedure, map[string]any{"patient_id": "1", "date_ordered": "2026-11-30 10:00:00",
			"order_status": "pending", "procedure_order_type": "imaging", "order_priority": "stat"})
		storeInsert(t, e, resource.ProcedureCode, map[string]any{"procedure_order_id": recStr(order, "procedure_order_id"),
			"procedure_order_seq": 1, "procedure_code": "CPT4:71046", "procedure_name": "Chest X-ray", "procedure_type": "imaging"})
		xray := recStr(order, "uuid") + "-1"
		srWant(t, e, e.Admin, base+"&status=active", []string{xray})
		srWant(t, e, e.Admin, base+"&category=363679005&authored=2026-11-30", []string{xray})
		srWant(t, e, e.Admin, base+"&code="+q("http://www.ama-assn.org/go/cpt|71046"), []string{xray})
		r = e.Do("GET", "/fhir/ServiceRequest/"+xray, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("priority") != "stat" || r.Str("category", 0, "coding", 0, "code") != "363679005" || r.Str("specimen", 0, "reference") != "" {
			t.Errorf("imaging order: %s", r.Body)
		}

		// A patient token sees its own requests only.
		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if recs := srOrderedTests(t, e, demoPID(t, e, n)); len(recs) > 0 {
				other = recs[0].Str("id")
			}
		}
		srCompartment(t, e, "patient/ServiceRequest.rs", "ServiceRequest", first.Str("id"), other)
	})
}

// demoPID is the pid of demo patient n.
func demoPID(t *testing.T, e *apiEnv, n int) string {
	t.Helper()
	return e.Do("GET", "/api/patient/"+demoPatient(n), e.Admin, nil).Want(t, 200).Str("data", "pid")
}
