package main

import (
	"context"
	"fmt"
	"testing"

	"goemr/internal/demo"
	"goemr/internal/emr"
	"goemr/internal/resource"
)

// storeInsert writes one row of d straight to the store, as data another
// part of OpenEMR (a lab interface, the immunization form) would leave.
func storeInsert(t *testing.T, e *apiEnv, d *resource.Def, values map[string]any) emr.Record {
	t.Helper()
	var rec emr.Record
	err := e.Store.Write(context.Background(), func(w resource.Writer) error {
		var err error
		rec, err = w.Insert(context.Background(), d, values)
		return err
	})
	if err != nil {
		t.Fatalf("insert %s: %v", d.Name, err)
	}
	return rec
}

// recStr is a stored value as the text the API sends.
func recStr(rec emr.Record, k string) string { return fmt.Sprint(rec[k]) }

// findIn returns the element of the list at path whose key equals value.
func medFind(r *Resp, key, value string, path ...any) map[string]any {
	list, _ := r.Get(path...).([]any)
	for _, x := range list {
		if m, ok := x.(map[string]any); ok && fmt.Sprint(m[key]) == value {
			return m
		}
	}
	return nil
}

// Scenario 32 of openemr-standard-api.md §7.3 (PrescriptionApiTest), with
// goemr's 404 for unknown uuids, plus the medication list entries the list
// also returns and its exact-match filters.
func TestAPIPrescription(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		body := map[string]any{"patient_id": 1, "drug": "Test Medication", "dosage": "100mg", "quantity": "30", "provider_id": 1}
		r := e.Do("POST", "/api/prescription", e.Admin, body).Want(t, 201)
		if _, isNum := r.Get("data", "id").(float64); !isNum || len(r.Str("data", "uuid")) != 36 {
			t.Fatalf("create: %s", r.Body)
		}
		uuid := r.Str("data", "uuid")
		r = e.Do("GET", "/api/prescription/"+uuid, e.Admin, nil).Want(t, 200)
		if r.Str("data", "drug") != "Test Medication" || r.Str("data", "dosage") != "100mg" || r.Str("data", "status") != "active" ||
			r.Str("data", "source_table") != "prescriptions" || r.Str("data", "puuid") != demo.ID("patient", 1) ||
			r.Str("data", "intent") != "order" || r.Str("data", "category_title") != "Home/Community" || r.Get("data", "patient_id") != nil {
			t.Errorf("get one: %s", r.Body)
		}
		e.Do("GET", "/api/prescription/00000000-0000-0000-0000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/prescription/not-a-uuid", e.Admin, nil).Want(t, 400)

		second := withKey(body, "drug", "Second Medication")
		second["rxnorm_drugcode"], second["route"], second["interval"] = "197361", "1", "1"
		uuid2 := e.Do("POST", "/api/prescription", e.Admin, second).Want(t, 201).Str("data", "uuid")
		r = e.Do("GET", "/api/prescription", e.Admin, nil).Want(t, 200)
		if medFind(r, "uuid", uuid, "data") == nil || medFind(r, "uuid", uuid2, "data") == nil || r.Get("links", "first") == nil {
			t.Errorf("list: %s", r.Body)
		}
		rx := medFind(r, "uuid", uuid2, "data")
		code, _ := rx["drugcode"].(map[string]any)["197361"].(map[string]any)
		if code["code_type"] != "RXCUI" || code["description"] != "Second Medication" || rx["route_title"] != "Per Oris" || rx["interval_title"] != "b.i.d." {
			t.Errorf("codes and list options: %v", rx)
		}
		for _, c := range []struct {
			query string
			want  int
		}{
			{"drug=Second%20Medication", 1}, {"drug=Second", 0}, {"patient_id=1&dosage=100mg", 2},
			{"puuid=" + demo.ID("patient", 2), 0}, {"patient_id=abc", 0}, {"no_such_column=1", 2},
			{"status=active&source_table=prescriptions", 2},
		} {
			if got := e.Do("GET", "/api/prescription?"+c.query, e.Admin, nil).Want(t, 200).Len("data"); got != c.want {
				t.Errorf("?%s: %d rows, want %d", c.query, got, c.want)
			}
		}
		r = e.Do("GET", "/api/prescription?_limit=1", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Get("links", "next") == nil {
			t.Errorf("page: %s", r.Body)
		}

		r = e.Do("DELETE", "/api/prescription/"+uuid, e.Admin, nil).Want(t, 200)
		if r.Str("data", "message") != "record deleted" {
			t.Errorf("delete: %s", r.Body)
		}
		if s := e.Do("GET", "/api/prescription/"+uuid, e.Admin, nil).Want(t, 200).Str("data", "status"); s != "stopped" {
			t.Errorf("after delete status %q", s)
		}
		e.Do("DELETE", "/api/prescription/00000000-0000-0000-0000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("DELETE", "/api/prescription/not-a-uuid", e.Admin, nil).Want(t, 400)

		for _, c := range []struct {
			body   map[string]any
			fields []string
		}{
			{map[string]any{"dosage": "100mg"}, []string{"drug", "patient_id"}},
			{map[string]any{"drug": "X", "patient_id": 999999}, []string{"patient_id"}},
			{map[string]any{"drug": "X", "patient_id": "one"}, []string{"patient_id"}},
			{map[string]any{"drug": "X", "patient_id": 1, "provider_id": "1.5", "start_date": "2024-13-01"}, []string{"provider_id", "start_date"}},
		} {
			r := e.Do("POST", "/api/prescription", e.Admin, c.body).Want(t, 400)
			if r.Len("validationErrors") != len(c.fields) {
				t.Errorf("%v: %s", c.body, r.Body)
			}
			for _, f := range c.fields {
				if r.Get("validationErrors", f) == nil {
					t.Errorf("%v: no error for %s: %s", c.body, f, r.Body)
				}
			}
		}
		if s := e.Do("POST", "/api/prescription", e.Admin, map[string]any{}).Want(t, 400).Str("validationErrors", "drug"); s != "This field is required" {
			t.Errorf("required message %q", s)
		}

		// A medication list entry is a prescription source too.
		med := storeInsert(t, e, resource.Medication, map[string]any{"title": "Norvasc", "pid": "1"})
		r = e.Do("GET", "/api/prescription?source_table=lists", e.Admin, nil).Want(t, 200)
		if m := medFind(r, "uuid", recStr(med, "uuid"), "data"); m == nil || m["drug"] != "Norvasc" || m["intent"] != "plan" || m["status"] != "active" {
			t.Errorf("list entry: %s", r.Body)
		}
		e.Do("GET", "/api/prescription/"+recStr(med, "uuid"), e.Admin, nil).Want(t, 200)
		// Discontinuing addresses prescriptions only.
		e.Do("DELETE", "/api/prescription/"+recStr(med, "uuid"), e.Admin, nil).Want(t, 404)
	})
}

// withKey is a copy of m with k set to v.
func withKey(m map[string]any, k string, v any) map[string]any {
	out := copyMap(m)
	out[k] = v
	return out
}

// Immunizations (§3.18): stored rows read back with their CVX text,
// provider, patient and encounter, filtered by any column.
func TestAPIImmunization(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		enc := storeInsert(t, e, resource.Encounter, map[string]any{"pid": "1", "date": "2021-10-01 09:00:00", "pc_catid": "5", "class_code": "AMB"})
		admin, err := e.Store.Get(context.Background(), resource.User, emr.Eq("username", "admin"))
		if err != nil {
			t.Fatal(err)
		}
		imm := storeInsert(t, e, resource.Immunization, map[string]any{
			"patient_id": "1", "cvx_code": "140", "administered_date": "2021-10-01 10:00:00", "manufacturer": "Seqirus",
			"lot_number": "L123", "amount_administered": "0.5", "amount_administered_unit": "mL",
			"information_source": "new_immunization_record", "administered_by_id": admin["id"],
			"encounter_id": recStr(enc, "encounter"), "create_date": "2021-10-01 10:05:00", "completion_status": "Completed",
		})
		storeInsert(t, e, resource.Immunization, map[string]any{"patient_id": "2", "cvx_code": "08", "administered_date": "2020-01-01 00:00:00"})

		r := e.Do("GET", "/api/immunization", e.Admin, nil).Want(t, 200)
		m := medFind(r, "uuid", recStr(imm, "uuid"), "data")
		if m == nil || r.Len("data") != 2 {
			t.Fatalf("list: %s", r.Body)
		}
		want := map[string]any{
			"puuid": demo.ID("patient", 1), "cvx_code_text": "Influenza, seasonal, injectable, preservative free",
			"primarySource": true, "amount_administered": 0.5, "administered_date": "2021-10-01T10:00:00+00:00",
			"provider_uuid": admin["uuid"], "provider_username": "admin", "euuid": enc["uuid"], "lot_number": "L123",
		}
		for k, v := range want {
			if fmt.Sprint(m[k]) != fmt.Sprint(v) {
				t.Errorf("%s = %v, want %v", k, m[k], v)
			}
		}
		for _, k := range []string{"patient_id", "information_source", "patient.uuid"} {
			if _, ok := m[k]; ok {
				t.Errorf("internal field %s sent", k)
			}
		}
		for _, c := range []struct {
			query string
			want  int
		}{
			{"cvx_code=140", 1}, {"cvx_code=999", 0}, {"puuid=" + demo.ID("patient", 2), 1},
			{"patient.uuid=" + demo.ID("patient", 1), 1}, {"patient_id=1&lot_number=L123", 1},
			{"patient_id=abc", 0}, {"information_source=new_immunization_record", 1}, {"nonsense=1", 2},
		} {
			if got := e.Do("GET", "/api/immunization?"+c.query, e.Admin, nil).Want(t, 200).Len("data"); got != c.want {
				t.Errorf("?%s: %d rows, want %d", c.query, got, c.want)
			}
		}
		r = e.Do("GET", "/api/immunization/"+recStr(imm, "uuid"), e.Admin, nil).Want(t, 200)
		if r.Str("data", "cvx_code") != "140" || r.Str("data", "manufacturer") != "Seqirus" {
			t.Errorf("get one: %s", r.Body)
		}
		e.Do("GET", "/api/immunization/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/immunization/not-a-uuid", e.Admin, nil).Want(t, 400)
	})
}

// drugInventory is a lot of a drug, as the inventory module records it.
var drugInventory = &resource.Def{
	Name: "drug_inventory", Table: "drug_inventory", ID: "inventory_id",
	Fields: resource.Cols("drug_id", "lot_number", "expiration", "manufacturer"),
}

// Drugs (§3.18): each drug once, with its first lot and its RxNorm code
// expanded.
func TestAPIDrug(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		drug := storeInsert(t, e, resource.Drug, map[string]any{"name": "Lisinopril 10 MG Oral Tablet", "drug_code": "314076", "form": "2"})
		storeInsert(t, e, drugInventory, map[string]any{"drug_id": recStr(drug, "drug_id"), "lot_number": "A1", "manufacturer": "Lupin", "expiration": "2027-01-31"})
		storeInsert(t, e, drugInventory, map[string]any{"drug_id": recStr(drug, "drug_id"), "lot_number": "B2", "manufacturer": "Lupin"})
		plain := storeInsert(t, e, resource.Drug, map[string]any{"name": "Saline"})

		r := e.Do("GET", "/api/drug", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 2 {
			t.Fatalf("list: %s", r.Body)
		}
		m := medFind(r, "uuid", recStr(drug, "uuid"), "data")
		code, _ := m["drug_code"].(map[string]any)["314076"].(map[string]any)
		if m["lot_number"] != "A1" || m["manufacturer"] != "Lupin" || m["rxnorm_drugcode"] != "314076" ||
			code["code_type"] != "RXCUI" || code["system"] != "http://www.nlm.nih.gov/research/umls/rxnorm" {
			t.Errorf("drug: %v", m)
		}
		if p := medFind(r, "uuid", recStr(plain, "uuid"), "data"); p["rxnorm_drugcode"] != "" || p["drug_code"] != nil || p["lot_number"] != nil {
			t.Errorf("drug without code or lot: %v", p)
		}
		r = e.Do("GET", "/api/drug/"+recStr(drug, "uuid"), e.Admin, nil).Want(t, 200)
		if r.Str("data", "name") != "Lisinopril 10 MG Oral Tablet" || r.Str("data", "drug_id") != recStr(drug, "drug_id") {
			t.Errorf("get one: %s", r.Body)
		}
		e.Do("GET", "/api/drug/00000000-0000-4000-8000-000000000000", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/drug/12", e.Admin, nil).Want(t, 400)
	})
}
