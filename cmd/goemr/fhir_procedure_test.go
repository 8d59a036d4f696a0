package main

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/emrtest"
	"goemr/internal/resource"
)

// TestFHIRProcedure: surgeries and reported non-laboratory orders as US
// Core Procedure, searched by patient, patient+date, patient+code+date and
// patient+status (US Core 6.1.0 matrix); the demo's laboratory orders are
// not procedures.
func TestFHIRProcedure(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		q := url.QueryEscape
		var surgeries []emr.Record
		for n := 1; n <= len(demo.Patients); n++ {
			// The Standard API's surgery list is raw: an array, no envelope.
			std := e.Do("GET", fmt.Sprintf("/api/patient/%d/surgery", n), e.Admin, nil).Want(t, 200)
			var want []string
			for i := 0; i < std.Len(); i++ {
				want = append(want, std.Str(i, "uuid"))
			}
			clinicalWant(t, e, e.Admin, "Procedure?patient="+demoPatient(n)+"&_count=200", want)
			recs, err := e.Store.List(context.Background(), resource.Surgery, emr.Query{Where: []emr.Cond{emr.Eq("pid", n)}})
			if err != nil {
				t.Fatal(err)
			}
			surgeries = append(surgeries, recs...)
		}
		if len(surgeries) == 0 {
			t.Fatal("no demo patient has a surgery")
		}
		for _, s := range surgeries {
			id := s.Str("uuid")
			n, _ := strconv.Atoi(s.Str("pid"))
			pat := "Procedure?patient=" + demoPatient(n)
			when := s.Str("begdate")
			_, code, _ := strings.Cut(s.Str("diagnosis"), ":")
			clinicalWant(t, e, e.Admin, pat+"&date="+when[:10], []string{id})
			clinicalWant(t, e, e.Admin, pat+"&date=gt"+when[:10], nil)
			clinicalWant(t, e, e.Admin, pat+"&code="+q("http://snomed.info/sct|"+code)+"&date=ge"+when[:4], []string{id})
			clinicalWant(t, e, e.Admin, pat+"&code="+q("http://www.ama-assn.org/go/cpt|"+code)+"&date=ge"+when[:4], nil)
			clinicalWant(t, e, e.Admin, pat+"&status=completed", []string{id})
			clinicalWant(t, e, e.Admin, pat+"&status=in-progress", nil)
			r := e.Do("GET", "/fhir/Procedure/"+id, e.Admin, nil).Want(t, 200)
			emrtest.ValidateFHIR(t, r.Body)
			if r.Str("status") != "completed" || r.Str("code", "coding", 0, "code") != code || r.Str("code", "text") != s.Str("title") ||
				!strings.HasPrefix(r.Str("performedDateTime"), when[:10]) || !strings.Contains(string(r.Body), "us-core-procedure|6.1.0") {
				t.Errorf("read %s: %s", id, r.Body)
			}
		}

		// An imaging order of patient 2 with a final and a preliminary
		// report: two procedures, with the order's encounter, provider and
		// diagnosis, coded by the order and the compendium.
		doc := storeInsert(t, e, resource.Practitioner, map[string]any{"fname": "Ray", "lname": "Imager", "npi": "1234567893"})
		enc := storeInsert(t, e, resource.Encounter, map[string]any{"pid": "2", "date": "2024-05-01 08:00:00", "pc_catid": "5", "class_code": "AMB"})
		storeInsert(t, e, procedureCompendium, map[string]any{"name": "Chest X-ray", "procedure_code": "CPT4:71046", "standard_code": "36643-5"})
		order := storeInsert(t, e, resource.Procedure, map[string]any{
			"patient_id": "2", "provider_id": recStr(doc, "id"), "encounter_id": recStr(enc, "encounter"), "date_ordered": "2024-05-01 08:30:00",
			"procedure_order_type": "imaging", "order_diagnosis": "ICD10:R05.9",
		})
		oid := recStr(order, "procedure_order_id")
		for seq, name := range []string{"Chest X-ray", "Chest X-ray, lateral"} {
			storeInsert(t, e, resource.ProcedureCode, map[string]any{"procedure_order_id": oid, "procedure_order_seq": seq + 1,
				"procedure_code": "CPT4:71046", "procedure_name": name, "procedure_type": "imaging"})
		}
		report := func(seq int, status string) string {
			rep := storeInsert(t, e, resource.ProcedureReport, map[string]any{"procedure_order_id": oid, "procedure_order_seq": seq,
				"date_collected": "2024-05-01 09:00:00", "date_report": "2024-05-01 11:00:00", "report_status": status, "report_notes": "No acute findings"})
			return recStr(rep, "uuid")
		}
		final, prelim := report(1, "final"), report(2, "prelim")
		pat := "Procedure?patient=" + demoPatient(2)
		clinicalWant(t, e, e.Admin, pat+"&date=2024-05-01", []string{final, prelim})
		clinicalWant(t, e, e.Admin, pat+"&date=2024-05-01T09:00:00Z", []string{final, prelim})
		clinicalWant(t, e, e.Admin, pat+"&code="+q("http://loinc.org|36643-5")+"&date=2024", []string{final, prelim})
		clinicalWant(t, e, e.Admin, pat+"&code=71046&date=2024-05", []string{final, prelim})
		clinicalWant(t, e, e.Admin, pat+"&status=in-progress", []string{prelim})
		r := e.Do("GET", "/fhir/Procedure/"+final, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		for _, want := range []string{`"reference":"Practitioner/` + recStr(doc, "uuid"), `"reference":"Encounter/` + recStr(enc, "uuid"),
			`"code":"71046"`, `"code":"36643-5"`, `"code":"R05.9"`, `"performedDateTime":"2024-05-01T09:00:00Z"`, "No acute findings"} {
			if !strings.Contains(string(r.Body), want) {
				t.Errorf("order procedure lacks %s: %s", want, r.Body)
			}
		}
		clinicalCompartment(t, e, "Procedure")
	})
}
