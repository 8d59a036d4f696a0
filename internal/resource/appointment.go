package resource

// patientOfEvent selects a patient_data column of the appointment's patient:
// pc_pid is text, as in OpenEMR, so the match is on the text form of pid
// (indexed by migration 0003).
func patientOfEvent(column string) string {
	return "SELECT p." + column + " FROM patient_data p WHERE CAST(p.pid AS TEXT) = t.pc_pid"
}

// userOfEvent selects a users column of the appointment's provider (pc_aid).
func userOfEvent(column string) string {
	return "SELECT u." + column + " FROM users u WHERE CAST(u.id AS TEXT) = t.pc_aid"
}

// facilityOf selects a facility column of the facility numbered in col.
func facilityOf(column, col string) string {
	return "SELECT f." + column + " FROM facility f WHERE CAST(f.id AS TEXT) = t." + col
}

// appointmentFields are the keys OpenEMR's appointment list items carry,
// with the joined patient, provider and facilities, plus the three the
// single read adds (pc_duration, pc_room, pc_hometext), and the create
// rules of openemr-standard-api.md §3.10.
var appointmentFields = []Field{
	Col("pc_eid", As(Int)),
	Col("uuid", Set(AutoUUID), Secret),
	Col("pc_uuid", Computed("t.uuid")),
	Col("fname", Computed(patientOfEvent("fname"))),
	Col("lname", Computed(patientOfEvent("lname"))),
	Col("DOB", Computed(patientOfEvent("DOB"))),
	Col("pid", Computed(patientOfEvent("pid"))),
	Col("puuid", Computed(patientOfEvent("uuid"))),
	Col("pce_aid_uuid", Computed(userOfEvent("uuid"))),
	Col("pce_aid_fname", Computed(userOfEvent("fname"))),
	Col("pce_aid_lname", Computed(userOfEvent("lname"))),
	Col("pce_aid_npi", Computed(userOfEvent("npi"))),
	Col("pc_aid", W, Fmt(FormatNumeric), Exists("users.id")),
	Col("pc_apptstatus", W, Req, InList("apptstat")),
	Col("pc_eventDate", W, Req, As(Date), Sorted),
	Col("pc_startTime", W, Req, Fmt(FormatTime), Sorted),
	Col("pc_endTime"),
	Col("pc_time", Set(AutoNow)),
	Col("pc_facility", W, Req, Fmt(FormatNumeric)),
	Col("pc_billing_location", W, Req, Fmt(FormatNumeric)),
	Col("pc_catid", W, Req, Fmt(FormatNumeric), Exists("openemr_postcalendar_categories.pc_catid")),
	Col("pc_pid"),
	Col("pc_title", W, Req, Len(2, 150)),
	Col("pc_website", W),
	Col("pc_informant", Set(AutoUser)),
	Col("facility_name", Computed(facilityOf("name", "pc_facility"))),
	Col("facility_uuid", Computed(facilityOf("uuid", "pc_facility"))),
	Col("billing_location_name", Computed(facilityOf("name", "pc_billing_location"))),
	Col("billing_location_uuid", Computed(facilityOf("uuid", "pc_billing_location"))),
	Col("pc_duration", W, Req, Fmt(FormatNumeric)),
	Col("pc_room"),
	Col("pc_hometext", W, Req),
	// Set on create and kept from responses, as OpenEMR keeps them.
	Col("pc_endDate", Secret),
	Col("pc_eventstatus", Secret, Default("1")),
	Col("pc_sharing", Secret, Default("1")),
}

// PatientByEventPID binds the numeric patient id of /api/patient/:pid/
// appointment to the event's pc_pid column.
var PatientByEventPID = Bind{Param: "pid", Column: "pc_pid", Table: "patient_data", By: "pid", Take: "pid"}

// Appointment is openemr_postcalendar_events addressed by pc_eid (§3.10).
// Unlike OpenEMR, the per-patient routes find only that patient's events.
var Appointment = &Def{
	Name: "appointment", Table: "openemr_postcalendar_events", ID: "pc_eid", Key: "pc_eid",
	Binds:   []Bind{PatientByEventPID},
	Summary: "Calendar appointments",
	Order:   []string{"pc_eventDate", "pc_startTime"},
	Fields:  appointmentFields,
	Created: Reply{Keys: []KeyAs{{From: "pc_eid", To: "id", Int: true}}},
	Deleted: Reply{Literal: map[string]string{"message": "record deleted"}},
}

// PortalAppointment is the same table addressed by its uuid, as the portal
// route /portal/patient/appointment/:auuid does (sent as pc_uuid).
var PortalAppointment = &Def{
	Name: "appointment", Table: "openemr_postcalendar_events", ID: "pc_eid", Key: "uuid",
	Binds:   []Bind{PatientByEventPID},
	Summary: "The signed-in patient's appointments",
	Order:   []string{"pc_eventDate", "pc_startTime"},
	Fields:  appointmentFields,
}
