package main

import (
	"strings"
	"testing"

	"goemr/internal/emrtest"
)

// stdAppointment is one of a patient's appointments as the Standard API
// lists it.
type stdAppointment struct{ uuid, date, start, status string }

func stdAppointments(t *testing.T, e *apiEnv, puuid string) []stdAppointment {
	t.Helper()
	pid := e.Do("GET", "/api/patient/"+puuid, e.Admin, nil).Want(t, 200).Str("data", "pid")
	r := e.Do("GET", "/api/patient/"+pid+"/appointment", e.Admin, nil).Want(t, 200)
	var out []stdAppointment
	for i := 0; i < r.Len(); i++ {
		out = append(out, stdAppointment{r.Str(i, "pc_uuid"), r.Str(i, "pc_eventDate"), r.Str(i, "pc_startTime"), r.Str(i, "pc_apptstatus")})
	}
	return out
}

func apptIDs(rows []stdAppointment, keep func(stdAppointment) bool) []string {
	var out []string
	for _, a := range rows {
		if keep == nil || keep(a) {
			out = append(out, a.uuid)
		}
	}
	return out
}

// TestFHIRAppointment: the calendar as base FHIR Appointment, searched by
// patient and date as OpenEMR does.
func TestFHIRAppointment(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		me := demoPatient(1)
		rows := stdAppointments(t, e, me)
		if len(rows) == 0 {
			t.Fatal("demo patient 1 has no appointments")
		}
		base := "Appointment?_count=1000&patient=" + me
		mrWant(t, e, e.Admin, base, apptIDs(rows, nil))
		day := rows[0].date
		mrWant(t, e, e.Admin, base+"&date="+day, apptIDs(rows, func(a stdAppointment) bool { return a.date == day }))
		mrWant(t, e, e.Admin, base+"&date=gt"+day, apptIDs(rows, func(a stdAppointment) bool { return a.date > day }))
		mrWant(t, e, e.Admin, base+"&date=le"+day, apptIDs(rows, func(a stdAppointment) bool { return a.date <= day }))
		at := day + "T" + rows[0].start[:5]
		mrWant(t, e, e.Admin, base+"&date="+at, apptIDs(rows[:1], nil))
		mrWant(t, e, e.Admin, "Appointment?date="+at+"&patient=Patient/"+me, apptIDs(rows[:1], nil))

		r := e.Do("GET", "/fhir/Appointment/"+rows[0].uuid, e.Admin, nil).Want(t, 200)
		emrtest.ValidateFHIR(t, r.Body)
		if r.Str("start") != day+"T"+rows[0].start+"Z" || r.Str("end") == "" || r.Str("status") == "" ||
			r.Str("participant", 0, "actor", "reference") != "Patient/"+me || !strings.HasPrefix(r.Str("participant", 1, "actor", "reference"), "Practitioner/") {
			t.Errorf("Appointment: %s", r.Body)
		}
		want := map[string]string{">": "fulfilled", "-": "proposed", "*": "booked"}[rows[0].status]
		if want != "" && r.Str("status") != want {
			t.Errorf("status %q from %q", r.Str("status"), rows[0].status)
		}
		e.Do("GET", "/fhir/"+r.Str("participant", 1, "actor", "reference"), e.Admin, nil).Want(t, 200)
		mrUnknown(t, e, "Appointment")

		var other string
		for n := 2; n <= 22 && other == ""; n++ {
			if rows := stdAppointments(t, e, demoPatient(n)); len(rows) > 0 {
				other = rows[0].uuid
			}
		}
		mrCompartment(t, e, "patient/Appointment.rs", "Appointment", rows[0].uuid, other)
	})
}
