package main

import (
	"fmt"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// The lab and compendium rows an order refers to, as a lab interface
// leaves them.
var (
	procedureLab = &resource.Def{
		Name: "procedure_providers", Table: "procedure_providers", ID: "ppid",
		Fields: []resource.Field{resource.Col("uuid", resource.Set(resource.AutoUUID)), resource.Col("name"), resource.Col("npi")},
	}
	procedureCompendium = &resource.Def{
		Name: "procedure_type", Table: "procedure_type", ID: "procedure_type_id",
		Fields: resource.Cols("name", "procedure_code", "standard_code"),
	}
)

// Procedure orders (§3.18): one item per active order with its first code,
// the objects it refers to and its reports with their results; pages of
// orders cost a fixed number of queries.
func TestAPIProcedure(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		doc := storeInsert(t, e, resource.Practitioner, map[string]any{"fname": "Ann", "lname": "Order", "npi": "1234567893"})
		lab := storeInsert(t, e, procedureLab, map[string]any{"name": "Quest", "npi": "1999999992"})
		storeInsert(t, e, procedureCompendium, map[string]any{"name": "CBC", "procedure_code": "CBC1", "standard_code": "LOINC:58410-2"})
		enc := storeInsert(t, e, resource.Encounter, map[string]any{"pid": "1", "date": "2024-05-01 08:00:00", "pc_catid": "5", "class_code": "AMB"})
		order := storeInsert(t, e, resource.Procedure, map[string]any{
			"patient_id": "1", "provider_id": recStr(doc, "id"), "encounter_id": recStr(enc, "encounter"), "lab_id": recStr(lab, "ppid"),
			"date_ordered": "2024-05-01 08:30:00", "order_status": "complete", "order_priority": "normal",
			"order_intent": "order", "clinical_hx": "fatigue", "order_diagnosis": "ICD10:R53.83",
		})
		oid := recStr(order, "procedure_order_id")
		storeInsert(t, e, resource.ProcedureCode, map[string]any{"procedure_order_id": oid, "procedure_order_seq": "1", "procedure_code": "CBC1", "procedure_name": "Complete blood count"})
		storeInsert(t, e, resource.ProcedureCode, map[string]any{"procedure_order_id": oid, "procedure_order_seq": "2", "procedure_code": "BMP1", "procedure_name": "Basic metabolic panel"})
		rep := storeInsert(t, e, resource.ProcedureReport, map[string]any{"procedure_order_id": oid, "procedure_order_seq": "1", "date_report": "2024-05-02 09:00:00", "report_notes": "ok"})
		storeInsert(t, e, resource.ProcedureResult, map[string]any{"procedure_report_id": recStr(rep, "procedure_report_id"), "result_code": "718-7", "result_text": "Hemoglobin", "result": "13.5", "units": "g/dL", "range": "12-16", "result_status": "final"})
		storeInsert(t, e, resource.ProcedureResult, map[string]any{"procedure_report_id": recStr(rep, "procedure_report_id"), "result_code": "777-3", "result_text": "Platelets", "result": "DNR"})
		bare := storeInsert(t, e, resource.Procedure, map[string]any{"patient_id": "2", "date_ordered": "2024-06-01 08:00:00"})
		storeInsert(t, e, resource.Procedure, map[string]any{"patient_id": "2", "activity": "0"})

		r := e.Do("GET", "/api/procedure", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 2 || r.Get("links", "first") == nil {
			t.Fatalf("list: %s", r.Body)
		}
		p := medFind(r, "order_uuid", recStr(order, "uuid"), "data")
		want := map[string]string{
			"uuid": recStr(order, "uuid"), "procedure_order_id": oid, "procedure_code": "CBC1", "name": "Complete blood count",
			"standard_code": "LOINC:58410-2", "order_status": "complete", "order_intent": "order", "clinical_hx": "fatigue",
			"order_diagnosis": "ICD10:R53.83", "activity": "1",
		}
		for k, v := range want {
			if fmt.Sprint(p[k]) != v {
				t.Errorf("%s = %v, want %s", k, p[k], v)
			}
		}
		objs := map[string]map[string]string{
			"patient":   {"pid": "1", "uuid": demo.ID("patient", 1)},
			"provider":  {"uuid": recStr(doc, "uuid"), "npi": "1234567893", "lname": "Order"},
			"lab":       {"uuid": recStr(lab, "uuid"), "name": "Quest"},
			"encounter": {"uuid": recStr(enc, "uuid"), "id": recStr(enc, "encounter")},
		}
		for obj, fields := range objs {
			m, _ := p[obj].(map[string]any)
			for k, v := range fields {
				if fmt.Sprint(m[k]) != v {
					t.Errorf("%s.%s = %v, want %s", obj, k, m[k], v)
				}
			}
		}
		reports, _ := p["reports"].([]any)
		if len(reports) != 1 {
			t.Fatalf("reports: %v", p["reports"])
		}
		report := reports[0].(map[string]any)
		results, _ := report["results"].([]any)
		if report["uuid"] != recStr(rep, "uuid") || report["notes"] != "ok" || len(results) != 1 {
			t.Fatalf("report (DNR result left out): %v", report)
		}
		if res := results[0].(map[string]any); res["code"] != "718-7" || res["result"] != "13.5" || res["range"] != "12-16" || res["status"] != "final" {
			t.Errorf("result: %v", res)
		}
		b := medFind(r, "order_uuid", recStr(bare, "uuid"), "data")
		if reps, ok := b["reports"].([]any); !ok || len(reps) != 0 || b["provider"] != nil || b["lab"] != nil || b["code"] != nil {
			t.Errorf("order without codes or reports: %v", b)
		}

		r = e.Do("GET", "/api/procedure?_limit=1", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Get("links", "next") == nil || r.Str("data", 0, "order_uuid") != recStr(order, "uuid") {
			t.Errorf("page 1: %s", r.Body)
		}
		r = e.Do("GET", "/api/procedure?_limit=1&_offset=1", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Get("links", "next") != nil || r.Str("data", 0, "order_uuid") != recStr(bare, "uuid") {
			t.Errorf("page 2: %s", r.Body)
		}

		r = e.Do("GET", "/api/procedure/"+recStr(order, "uuid"), e.Admin, nil).Want(t, 200)
		if r.Str("data", "order_uuid") != recStr(order, "uuid") || r.Len("data", "reports") != 1 || r.Str("data", "lab", "npi") != "1999999992" {
			t.Errorf("get one: %s", r.Body)
		}
		inactive, err := e.Store.Get(t.Context(), &resource.Def{Name: "procedure", Table: "procedure_order", Key: "uuid",
			Fields: resource.Cols("uuid", "activity")}, emr.Eq("activity", "0"))
		if err != nil {
			t.Fatal(err)
		}
		e.Do("GET", "/api/procedure/"+recStr(inactive, "uuid"), e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/procedure/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/procedure/not-a-uuid", e.Admin, nil).Want(t, 400)
	})
}
