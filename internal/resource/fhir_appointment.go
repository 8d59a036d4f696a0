package resource

// eventTime is the SQL of an event's date and a time column as a
// Y-m-d H:i:s datetime (the Standard API stores times as HH:MM, the
// calendar as HH:MM:SS), null without a time.
func eventTime(column string) string {
	return "t.pc_eventDate || ' ' || CASE WHEN length(t." + column + ") = 5 THEN t." + column + " || ':00' ELSE t." + column + " END"
}

// FHIRAppointment is openemr_postcalendar_events as FHIR Appointment (read
// only): the calendar's patient appointments, with start and end as
// datetimes and the names of the category and the provider.
var FHIRAppointment = &Def{
	Name: "fhir_appointment", Table: "openemr_postcalendar_events", ID: "pc_eid", Key: "uuid",
	Summary: "Patient appointments as FHIR Appointment",
	// Events without a patient are the providers' own (lunch, meetings).
	Where: "t.pc_pid IS NOT NULL AND t.pc_pid <> '' AND t.pc_pid <> '0'",
	Fields: []Field{
		Col("pc_eid", As(Int)),
		Col("uuid"),
		Col("pc_pid"),
		Col("pc_aid"),
		Col("pc_title"),
		Col("pc_hometext"),
		Col("pc_apptstatus"),
		Col("pc_duration"),
		Col("pc_time", As(DateTime)),
		Col("pc_alldayevent"),
		// An event without a start time (all day) starts with its day.
		Col("start_at", As(DateTime), Computed("COALESCE("+eventTime("pc_startTime")+", t.pc_eventDate || ' 00:00:00')")),
		Col("end_at", As(DateTime), Computed(eventTime("pc_endTime"))),
		Col("category_name", Computed("SELECT c.pc_catname FROM openemr_postcalendar_categories c WHERE CAST(c.pc_catid AS TEXT) = t.pc_catid")),
		Col("provider_name", Computed("SELECT TRIM(COALESCE(u.fname, '') || ' ' || COALESCE(u.lname, '')) FROM users u WHERE CAST(u.id AS TEXT) = t.pc_aid")),
	},
}
