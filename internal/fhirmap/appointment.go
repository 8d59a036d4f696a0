package fhirmap

import (
	"strconv"
	"time"

	"goemr/internal/emr"
	"goemr/internal/fhir/r4"
	"goemr/internal/resource"
)

// Appointment is the calendar's patient appointments as FHIR R4
// Appointment (http://hl7.org/fhir/R4/appointment.html; US Core profiles
// none), as OpenEMR's FhirAppointmentService shows them: the patient and
// the provider as participants, the status from pc_apptstatus. The
// calendar keeps the time an appointment was booked but not when it last
// changed, so there is no meta.lastUpdated.
var Appointment = &Mapping{
	Type:    "Appointment",
	Def:     resource.FHIRAppointment,
	ID:      "uuid",
	Patient: "pc_pid",
	Refs: []Ref{
		{Name: "patient", Field: "pc_pid", Def: resource.Patient, By: "pid", Take: "uuid"},
		{Name: "provider", Field: "pc_aid", Def: resource.Practitioner, By: "id", Take: "uuid"},
	},
	Params: []Param{
		{Code: "patient", Type: Reference, Fields: []string{"pc_pid"}, Target: "Patient", TargetKey: "pid"},
		{Code: "date", Type: Date, Fields: []string{"start_at"}, Doc: "When the appointment starts"},
	},
	ToFHIR: appointmentToFHIR,
}

// appointmentStatuses map OpenEMR's apptstat options to appointment
// statuses, as OpenEMR does; any other is pending.
var appointmentStatuses = map[string]string{
	"-": "proposed", "#": "pending", "^": "pending",
	">": "fulfilled", "$": "fulfilled",
	"AVM": "booked", "SMS": "booked", "EMAIL": "booked", "*": "booked",
	"%": "cancelled", "!": "cancelled", "x": "cancelled",
	"?": "noshow", "~": "arrived", "@": "arrived",
	"<": "checked-in", "+": "checked-in", "CALL": "waitlist",
}

const systemParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"

func appointmentToFHIR(rec emr.Record, c *Context) r4.Resource {
	status, ok := appointmentStatuses[rec.Str("pc_apptstatus")]
	if !ok {
		status = "pending"
	}
	a := &r4.Appointment{
		ID:          text(rec.Str("uuid")),
		Status:      ptr(status),
		Description: text(rec.Str("pc_title")),
		Comment:     text(rec.Str("pc_hometext")),
		Created:     dateTime(rec.Str("pc_time")),
	}
	if cat := text(rec.Str("category_name")); cat != nil {
		a.ServiceType = []r4.CodeableConcept{{Text: cat}}
	}
	seconds, _ := strconv.Atoi(rec.Str("pc_duration"))
	if seconds >= 60 {
		a.MinutesDuration = ptr(int64(seconds / 60))
	}
	a.Start, a.End = appointmentTimes(rec.Str("start_at"), rec.Str("end_at"), seconds, rec.Str("pc_alldayevent") == "1")
	patient := r4.AppointmentParticipant{
		Type:   []r4.CodeableConcept{*concept(systemParticipationType, "PART", "Participation")},
		Actor:  &r4.Reference{Extension: absent("unknown")},
		Status: ptr("accepted"),
	}
	if id, ok := c.Ref("patient", rec.Str("pc_pid")); ok {
		patient.Actor = reference("Patient", id)
	}
	a.Participant = []r4.AppointmentParticipant{patient}
	provider := r4.AppointmentParticipant{
		Type:   []r4.CodeableConcept{*concept(systemParticipationType, "PPRF", "primary performer")},
		Status: ptr("accepted"),
	}
	if id, ok := c.Ref("provider", rec.Str("pc_aid")); ok {
		provider.Actor = reference("Practitioner", id)
	} else if name := text(rec.Str("provider_name")); name != nil {
		// A user without an NPI is no Practitioner: named only.
		provider.Actor = &r4.Reference{Display: name}
	}
	if provider.Actor != nil {
		a.Participant = append(a.Participant, provider)
	}
	return a
}

// appointmentTimes are the start and end instants. FHIR wants both or
// neither (app-2), and both unless the appointment is proposed or
// cancelled (app-3): an all-day event lasts its day, and an event without
// an end time ends after its duration.
func appointmentTimes(start, end string, seconds int, allDay bool) (*string, *string) {
	s, e := instant(start), instant(end)
	if s == nil {
		return nil, nil
	}
	t, _ := time.Parse(time.RFC3339, *s)
	if allDay {
		day := t.Truncate(24 * time.Hour)
		return ptr(day.Format(time.RFC3339)), ptr(day.AddDate(0, 0, 1).Format(time.RFC3339))
	}
	if e == nil {
		e = ptr(t.Add(time.Duration(seconds) * time.Second).Format(time.RFC3339))
	}
	return s, e
}
