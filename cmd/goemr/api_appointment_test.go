package main

import (
	"strconv"
	"testing"
)

// apptFixture is scenario 25's appointment body (openemr-standard-api.md
// §7.3) at facility fac.
func apptFixture(fac string) map[string]any {
	return map[string]any{"pc_catid": "5", "pc_title": "Office Visit", "pc_duration": "900", "pc_hometext": "Test",
		"pc_apptstatus": "-", "pc_eventDate": "2030-10-19", "pc_startTime": "09:00", "pc_facility": fac, "pc_billing_location": fac}
}

// wantRawError fails unless a raw route's 400 body names field (and rule,
// when given).
func wantRawError(t *testing.T, r *Resp, field, rule string) {
	t.Helper()
	r.Want(t, 400)
	if r.Get(field) == nil || rule != "" && r.Get(field, rule) == nil {
		t.Errorf("want error on %s %s: %s", field, rule, r.Body)
	}
}

// Appointments (scenario 25) and the portal's appointment routes.
func TestAPIAppointment(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		fac := e.Do("POST", "/api/facility", e.Admin, map[string]any{"name": "Main Clinic", "facility_npi": "0123456789"}).Want(t, 201)
		facID, facUUID := fac.Str("data", "id"), fac.Str("data", "uuid")
		admin := e.Do("GET", "/api/user", e.Admin, nil).Want(t, 200).Str("data", 0, "id")

		body := apptFixture(facID)
		body["pc_aid"] = admin
		r := e.Do("POST", "/api/patient/1/appointment", e.Admin, body).Want(t, 201)
		n, ok := r.Get("id").(float64)
		if !ok || r.Len() != 1 {
			t.Fatalf("create: %s", r.Body)
		}
		id := strconv.Itoa(int(n))

		noText := apptFixture(facID)
		delete(noText, "pc_hometext")
		r = e.Do("POST", "/api/patient/1/appointment", e.Admin, noText)
		wantRawError(t, r, "pc_hometext", "Required::NON_EXISTENT_KEY")
		if r.Len() != 1 || r.Str("pc_hometext", "Required::NON_EXISTENT_KEY") != "pc_hometext must be provided, but does not exist" {
			t.Errorf("missing pc_hometext: %s", r.Body)
		}
		for _, c := range []struct{ field, value, rule string }{
			{"pc_catid", "abc", "Numeric::NOT_NUMERIC"},
			{"pc_catid", "99", ""},
			{"pc_title", "A", "LengthBetween::TOO_SHORT"},
			{"pc_duration", "soon", "Numeric::NOT_NUMERIC"},
			{"pc_duration", "-60", "Between::TOO_SMALL"},
			{"pc_hometext", "", "NotEmpty::EMPTY_VALUE"},
			{"pc_apptstatus", "Q", "ListOptionRule::INVALID_LIST_OPTION"},
			{"pc_eventDate", "10/19/2030", "Datetime::INVALID_VALUE"},
			{"pc_startTime", "9:00", "Datetime::INVALID_VALUE"},
			{"pc_startTime", "09:00:00", "Datetime::INVALID_VALUE"},
			{"pc_facility", "main", "Numeric::NOT_NUMERIC"},
			{"pc_billing_location", "main", "Numeric::NOT_NUMERIC"},
			{"pc_aid", "abc", "Numeric::NOT_NUMERIC"},
			{"pc_aid", "99999", ""},
		} {
			bad := apptFixture(facID)
			bad[c.field] = c.value
			wantRawError(t, e.Do("POST", "/api/patient/1/appointment", e.Admin, bad), c.field, c.rule)
		}
		wantRawError(t, e.Do("POST", "/api/patient/999/appointment", e.Admin, apptFixture(facID)), "pid", "")
		wantRawError(t, e.Do("POST", "/api/patient/abc/appointment", e.Admin, apptFixture(facID)), "pid", "")

		r = e.Do("GET", "/api/appointment/"+id, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 {
			t.Fatalf("get one: %s", r.Body)
		}
		for k, want := range map[string]string{
			"pc_eid": id, "pc_startTime": "09:00:00", "pc_endTime": "09:15:00", "pc_duration": "900",
			"pc_hometext": "Test", "pc_title": "Office Visit", "pc_catid": "5", "pc_apptstatus": "-",
			"pc_eventDate": "2030-10-19", "pc_pid": "1", "pid": "1", "puuid": demoPatient(1),
			"pc_aid": admin, "pce_aid_npi": "1234567893", "pce_aid_lname": "Administrator", "pc_informant": admin,
			"facility_name": "Main Clinic", "facility_uuid": facUUID, "billing_location_name": "Main Clinic",
			"billing_location_uuid": facUUID,
		} {
			if got := r.Str(0, k); got != want {
				t.Errorf("%s = %q, want %q", k, got, want)
			}
		}
		for _, k := range []string{"pc_uuid", "fname", "lname", "DOB", "pce_aid_uuid", "pc_time", "pc_room", "pc_website"} {
			if _, ok := r.Get(0).(map[string]any)[k]; !ok {
				t.Errorf("get one lacks %s", k)
			}
		}
		if r.Get(0, "uuid") != nil || len(r.Str(0, "pc_uuid")) != 36 {
			t.Errorf("uuid keys: %s", r.Body)
		}
		puuid1 := r.Str(0, "pc_uuid")
		r = e.Do("GET", "/api/patient/1/appointment/"+id, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "pc_eid") != id {
			t.Errorf("patient get one: %s", r.Body)
		}
		e.Do("GET", "/api/patient/2/appointment/"+id, e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/patient/999/appointment/"+id, e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/appointment/999999", e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/appointment/abc", e.Admin, nil).Want(t, 400)
		e.Do("GET", "/api/patient/1/appointment/abc", e.Admin, nil).Want(t, 400)

		// Patient 2 has none yet: an empty list, not a 404.
		r = e.Do("GET", "/api/patient/2/appointment", e.Admin, nil).Want(t, 200)
		if r.Len() != 0 {
			t.Errorf("patient 2 list: %s", r.Body)
		}
		late := apptFixture(facID)
		late["pc_startTime"], late["pc_duration"] = "23:30", "3600.0"
		r = e.Do("POST", "/api/patient/2/appointment", e.Admin, late).Want(t, 201)
		id2 := r.Str("id")
		r = e.Do("GET", "/api/patient/2/appointment", e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "pc_eid") != id2 || r.Str(0, "pc_endTime") != "00:30:00" || r.Str(0, "pc_duration") != "3600" || r.Str(0, "pc_aid") != "" {
			t.Errorf("patient 2 list: %s", r.Body)
		}
		puuid2 := r.Str(0, "pc_uuid")
		r = e.Do("GET", "/api/patient/1/appointment", e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "pc_eid") != id {
			t.Errorf("patient 1 list: %s", r.Body)
		}
		e.Do("GET", "/api/patient/999/appointment", e.Admin, nil).Want(t, 404)
		r = e.Do("GET", "/api/appointment", e.Admin, nil).Want(t, 200)
		if r.Len() != 2 {
			t.Errorf("all appointments: %s", r.Body)
		}

		// The portal sees the token's patient only.
		r = e.Do("GET", "/portal/patient/appointment", e.Phil, nil).Want(t, 200)
		if r.Len() != 1 || r.Str(0, "pc_uuid") != puuid1 || r.Str(0, "pc_pid") != "1" {
			t.Errorf("portal list: %s", r.Body)
		}
		r = e.Do("GET", "/portal/patient/appointment/"+puuid1, e.Phil, nil).Want(t, 200)
		if r.Str("pc_uuid") != puuid1 || r.Str("pc_eid") != id || r.Str("pc_hometext") != "Test" {
			t.Errorf("portal get one: %s", r.Body)
		}
		e.Do("GET", "/portal/patient/appointment/"+puuid2, e.Phil, nil).Want(t, 404)
		e.Do("GET", "/portal/patient/appointment/00000000-0000-4000-8000-000000000000", e.Phil, nil).Want(t, 404)
		e.Do("GET", "/portal/patient/appointment/"+id, e.Phil, nil).Want(t, 400)
		e.Do("GET", "/portal/patient/appointment", e.Admin, nil).Want(t, 403)
		e.Do("GET", "/api/appointment", e.Phil, nil).Want(t, 403)

		// Delete: only the patient's own appointment.
		e.Do("DELETE", "/api/patient/2/appointment/"+id, e.Admin, nil).Want(t, 404)
		e.Do("GET", "/api/appointment/"+id, e.Admin, nil).Want(t, 200)
		e.Do("DELETE", "/api/patient/1/appointment/abc", e.Admin, nil).Want(t, 400)
		e.Do("DELETE", "/api/patient/999/appointment/"+id, e.Admin, nil).Want(t, 404)
		r = e.Do("DELETE", "/api/patient/1/appointment/"+id, e.Admin, nil).Want(t, 200)
		if r.Len() != 1 || r.Str("message") != "record deleted" {
			t.Errorf("delete: %s", r.Body)
		}
		e.Do("GET", "/api/appointment/"+id, e.Admin, nil).Want(t, 404)
		e.Do("DELETE", "/api/patient/1/appointment/"+id, e.Admin, nil).Want(t, 404)
		r = e.Do("GET", "/portal/patient/appointment", e.Phil, nil).Want(t, 200)
		if r.Len() != 0 {
			t.Errorf("portal list after delete: %s", r.Body)
		}
	})
}
