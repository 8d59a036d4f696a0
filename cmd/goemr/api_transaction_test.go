package main

import (
	"testing"
)

// referralFixture is an LBTref transaction body (scenario 33, the
// swagger example) referred by the demo admin to practitioner npi.
func referralFixture(npi string) map[string]any {
	return map[string]any{"type": "LBTref", "groupname": "Default", "body": "Please see", "referralDate": "2022-01-01",
		"referDiagnosis": "Diag 1", "referByNpi": "1234567893", "referToNpi": npi, "riskLevel": "Low",
		"includeVitals": "1", "authorization": "Auth_123", "visits": "1", "validFrom": "2022-01-02", "validThrough": "2022-01-03"}
}

// wantEnvelopeError fails unless an enveloped 400 names field.
func wantEnvelopeError(t *testing.T, r *Resp, field string) {
	t.Helper()
	r.Want(t, 400)
	if r.Get("validationErrors", field) == nil || r.Len("data") != 0 {
		t.Errorf("want validation error on %s: %s", field, r.Body)
	}
}

// Patient transactions (scenario 33).
func TestAPITransaction(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		admin := e.Do("GET", "/api/user", e.Admin, nil).Want(t, 200).Str("data", 0, "id")
		pr := e.Do("POST", "/api/practitioner", e.Admin, map[string]any{"fname": "Rita", "lname": "Referee", "npi": "0123456789"}).Want(t, 201)
		to := pr.Str("data", "id")

		r := e.Do("POST", "/api/patient/1/transaction", e.Admin, referralFixture("0123456789")).Want(t, 201)
		id, ok := r.Get("data", 0, "id").(float64)
		if !ok || r.Len("data") != 1 || r.Get("data", 0, "form_id") != id {
			t.Fatalf("create: %s", r.Body)
		}
		tid := r.Str("data", 0, "id")

		for _, c := range []struct {
			field string
			edit  func(m map[string]any)
		}{
			{"type", func(m map[string]any) { delete(m, "type") }},
			{"type", func(m map[string]any) { m["type"] = "LBTnope" }},
			{"referralDate", func(m map[string]any) { delete(m, "referralDate") }},
			{"referralDate", func(m map[string]any) { m["referralDate"] = "01/01/2022" }},
			{"body", func(m map[string]any) { m["body"] = "x" }},
			{"body", func(m map[string]any) { delete(m, "body") }},
			{"groupname", func(m map[string]any) { delete(m, "groupname") }},
			{"referByNpi", func(m map[string]any) { delete(m, "referByNpi") }},
			{"referByNpi", func(m map[string]any) { m["referByNpi"] = "9999999999" }},
			{"referToNpi", func(m map[string]any) { m["referToNpi"] = "9999999999" }},
			{"validThrough", func(m map[string]any) { m["validThrough"] = "soon" }},
		} {
			bad := referralFixture("0123456789")
			c.edit(bad)
			wantEnvelopeError(t, e.Do("POST", "/api/patient/1/transaction", e.Admin, bad), c.field)
		}
		wantEnvelopeError(t, e.Do("POST", "/api/patient/999/transaction", e.Admin, referralFixture("")), "pid")
		wantEnvelopeError(t, e.Do("POST", "/api/patient/abc/transaction", e.Admin, referralFixture("")), "pid")

		// Nothing was written by the failed posts.
		r = e.Do("GET", "/api/patient/1/transaction", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 1 || r.Len("data", 0) != 1 {
			t.Fatalf("list: %s", r.Body)
		}
		for k, want := range map[string]string{
			"form_id": tid, "title": "LBTref", "groupname": "Default", "authorized": "1", "body": "Please see",
			"refer_date": "2022-01-01", "refer_diag": "Diag 1", "refer_from": admin, "refer_to": to,
			"refer_risk_level": "low", "refer_vitals": "1", "refer_authorization": "Auth_123", "refer_visits": "1",
			"refer_validFrom": "2022-01-02", "refer_validThrough": "2022-01-03",
		} {
			if got := r.Str("data", 0, 0, k); got != want {
				t.Errorf("%s = %q, want %q", k, got, want)
			}
		}
		if r.Get("links", "first") == nil {
			t.Errorf("list links: %s", r.Body)
		}

		// Other types need only a known type.
		r = e.Do("POST", "/api/patient/1/transaction", e.Admin, map[string]any{"type": "LBTptreq"}).Want(t, 201)
		other := r.Str("data", 0, "id")
		r = e.Do("GET", "/api/patient/1/transaction", e.Admin, nil).Want(t, 200)
		if r.Len("data", 0) != 2 || r.Str("data", 0, 1, "form_id") != other || r.Str("data", 0, 1, "body") != "" {
			t.Errorf("list of two: %s", r.Body)
		}
		r = e.Do("GET", "/api/patient/2/transaction", e.Admin, nil).Want(t, 200)
		if r.Len("data") != 0 || r.Len("validationErrors") != 0 {
			t.Errorf("empty list: %s", r.Body)
		}
		e.Do("GET", "/api/patient/999/transaction", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/patient/abc/transaction", e.Admin, nil).Want(t, 400)

		r = e.Do("PUT", "/api/transaction/"+tid, e.Admin, map[string]any{"body": "Seen, thanks", "riskLevel": "High", "referToNpi": "1234567893"}).Want(t, 200)
		if r.Len("data") != 1 || r.Str("data", 0, "form_id") != tid || r.Str("data", 0, "body") != "Seen, thanks" ||
			r.Str("data", 0, "refer_risk_level") != "high" || r.Str("data", 0, "refer_to") != admin || r.Str("data", 0, "refer_date") != "2022-01-01" {
			t.Errorf("update: %s", r.Body)
		}
		r = e.Do("PUT", "/api/transaction/"+other, e.Admin, map[string]any{"body": "Copy of records"}).Want(t, 200)
		if r.Str("data", 0, "body") != "Copy of records" || r.Str("data", 0, "title") != "LBTptreq" {
			t.Errorf("update other: %s", r.Body)
		}
		wantEnvelopeError(t, e.Do("PUT", "/api/transaction/"+tid, e.Admin, map[string]any{"referralDate": "tomorrow"}), "referralDate")
		wantEnvelopeError(t, e.Do("PUT", "/api/transaction/"+tid, e.Admin, map[string]any{"referByNpi": "9999999999"}), "referByNpi")
		wantEnvelopeError(t, e.Do("PUT", "/api/transaction/"+tid, e.Admin, map[string]any{"body": "x"}), "body")
		r = e.Do("PUT", "/api/transaction/"+tid, e.Admin, map[string]any{"type": "LBTbill"}).Want(t, 400)
		if r.Get("validationErrors") != "Invalid Data" {
			t.Errorf("nothing to update: %s", r.Body)
		}
		e.Do("PUT", "/api/transaction/999999", e.Admin, map[string]any{"body": "Seen"}).Want(t, 404)
		e.Do("PUT", "/api/transaction/abc", e.Admin, map[string]any{"body": "Seen"}).Want(t, 400)
		e.Do("GET", "/api/patient/1/transaction", e.Phil, nil).Want(t, 403)
	})
}
