package main

import (
	"context"
	"strings"
	"testing"

	"goemr/internal/resource"
)

// x12Partner stores a clearing house for the company's default partner.
var x12Partner = &resource.Def{Name: "x12_partner", Table: "x12_partners", ID: "id", Key: "id",
	Fields: []resource.Field{resource.Col("id", resource.As(resource.Int)), resource.Col("name")}}

// Insurance types and companies (§3.12, scenario 29). OpenEMR 8.x answers
// 500 on the company routes; goemr serves their intended shape.
func TestAPIInsuranceCompany(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		r := e.Do("GET", "/api/insurance_type", e.Admin, nil).Want(t, 200)
		if r.Len() != 26 || r.Str("1") != "Other HCFA" || r.Str("26") != "Mutually Defined" ||
			!strings.HasPrefix(string(r.Body), `{"1":"Other HCFA","2":"Medicare Part B","3":`) {
			t.Errorf("insurance types: %s", r.Body)
		}
		e.Do("GET", "/api/insurance_company/999999999", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/insurance_company/abc", e.Admin, nil).Want(t, 400)
		if r = e.Do("GET", "/api/insurance_company", e.Admin, nil).Want(t, 200); r.Len() != 0 {
			t.Errorf("empty list: %s", r.Body)
		}

		// Every rule family, in one body: all named, nothing stored.
		bad := map[string]any{"name": "A", "attn": "x", "cms_id": "0123456789abcdef", "alt_cms_id": "x",
			"ins_type_code": "abc", "x12_receiver_id": "x", "x12_default_partner_id": "zz", "line1": "x", "line2": "y",
			"city": "z", "state": strings.Repeat("s", 36), "zip": "1", "plus_four": "12345", "country": "c", "phone": "12"}
		r = e.Do("POST", "/api/insurance_company", e.Admin, bad).Want(t, 400)
		for k := range bad {
			if r.Get(k) == nil {
				t.Errorf("bad %s not reported: %s", k, r.Body)
			}
		}
		r = e.Do("POST", "/api/insurance_company", e.Admin, map[string]any{"attn": "Claims"}).Want(t, 400)
		if r.Get("name", "Required::NON_EXISTENT_KEY") == nil {
			t.Errorf("missing name: %s", r.Body)
		}
		if r = e.Do("GET", "/api/insurance_company", e.Admin, nil).Want(t, 200); r.Len() != 0 {
			t.Errorf("a failed create wrote: %s", r.Body)
		}

		var partner int64
		err := e.Store.Write(context.Background(), func(w resource.Writer) error {
			rec, err := w.Insert(context.Background(), x12Partner, map[string]any{"name": "Test Clearinghouse"})
			partner, _ = rec["id"].(int64)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		company := map[string]any{"name": "Blue Shield of Testing", "attn": "Claims", "cms_id": "BS123", "ins_type_code": "6",
			"x12_receiver_id": "RCV01", "x12_default_partner_id": partner, "alt_cms_id": "ALT9",
			"line1": "1 Payer Way", "line2": "Suite 2", "city": "Boston", "state": "MA", "zip": "02110", "plus_four": "1234",
			"country": "USA", "phone": "(617) 555-0100", "fax": "617-555-0199"}
		r = e.Do("POST", "/api/insurance_company", e.Admin, company).Want(t, 201)
		iidNum, ok := r.Get("iid").(float64)
		if !ok || iidNum <= 0 || r.Len() != 1 {
			t.Fatalf("create: %s", r.Body)
		}
		iid := r.Str("iid")
		r = e.Do("GET", "/api/insurance_company/"+iid, e.Admin, nil).Want(t, 200)
		want := map[string]string{"id": iid, "name": "Blue Shield of Testing", "cms_id": "BS123", "ins_type_code": "6",
			"x12_default_partner_name": "Test Clearinghouse", "inactive": "0", "work_number": "+16175550100",
			"fax_number": "+16175550199", "line1": "1 Payer Way", "line2": "Suite 2", "city": "Boston", "state": "MA",
			"zip": "02110", "plus_four": "1234", "country": "USA"}
		for k, v := range want {
			if r.Get(k) != v {
				t.Errorf("read %s = %v, want %q", k, r.Get(k), v)
			}
		}
		if len(r.Str("uuid")) != 36 || r.Str("date_created") == "" {
			t.Errorf("read: %s", r.Body)
		}

		// A bare company, then the list and its filters.
		r = e.Do("POST", "/api/insurance_company", e.Admin, map[string]any{"name": "Plain Payer"}).Want(t, 201)
		plain := r.Str("iid")
		if r = e.Do("GET", "/api/insurance_company", e.Admin, nil).Want(t, 200); r.Len() != 2 || r.Str(1, "line1") != "" || r.Get(1, "work_number") != nil {
			t.Errorf("list: %s", r.Body)
		}
		if r = e.Do("GET", "/api/insurance_company?name=Plain%20Payer", e.Admin, nil).Want(t, 200); r.Len() != 1 || r.Str(0, "id") != plain {
			t.Errorf("filter: %s", r.Body)
		}

		// Updates change only what they name; parts missing are added.
		r = e.Do("PUT", "/api/insurance_company/"+iid, e.Admin, map[string]any{"attn": "Claims Dept", "city": "Salem", "phone": "978-555-0111"}).Want(t, 200)
		if r.Get("iid") != iid || r.Len() != 1 {
			t.Errorf("update reply: %s", r.Body)
		}
		r = e.Do("GET", "/api/insurance_company/"+iid, e.Admin, nil).Want(t, 200)
		if r.Str("attn") != "Claims Dept" || r.Str("city") != "Salem" || r.Str("line1") != "1 Payer Way" ||
			r.Str("work_number") != "+19785550111" || r.Str("fax_number") != "+16175550199" || r.Str("name") != "Blue Shield of Testing" {
			t.Errorf("after update: %s", r.Body)
		}
		e.Do("PUT", "/api/insurance_company/"+plain, e.Admin, map[string]any{"line1": "9 Side St", "fax": "508 555 0123"}).Want(t, 200)
		r = e.Do("GET", "/api/insurance_company/"+plain, e.Admin, nil).Want(t, 200)
		if r.Str("line1") != "9 Side St" || r.Str("fax_number") != "+15085550123" || r.Get("work_number") != nil {
			t.Errorf("parts added: %s", r.Body)
		}
		e.Do("PUT", "/api/insurance_company/999999999", e.Admin, map[string]any{"attn": "Nobody"}).Want(t, 404)
		e.Do("PUT", "/api/insurance_company/abc", e.Admin, map[string]any{"attn": "Nobody"}).Want(t, 400)
		r = e.Do("PUT", "/api/insurance_company/"+iid, e.Admin, map[string]any{"name": "X", "zip": "1"}).Want(t, 400)
		if r.Get("name", "LengthBetween::TOO_SHORT") == nil || r.Get("zip") == nil {
			t.Errorf("bad update: %s", r.Body)
		}
		if r = e.Do("PUT", "/api/insurance_company/"+iid, e.Admin, map[string]any{}).Want(t, 400); r.Get() != "Invalid Data" {
			t.Errorf("empty update: %s", r.Body)
		}
	})
}
