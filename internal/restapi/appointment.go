package restapi

import (
	"math"
	"strconv"
	"time"

	"goemr/internal/emr"
)

func init() {
	builtin["appointment.create"] = createAppointment
}

// maxDuration bounds pc_duration: an appointment lasts at most a year.
const maxDuration = 366 * 24 * 3600

// createAppointment is POST /api/patient/:pid/appointment
// (openemr-standard-api.md §3.10): the body is validated, then the server
// sets the times OpenEMR's AppointmentService computes (start as H:i:s,
// end = start + pc_duration seconds, the end's date), the informant, and
// the event and sharing flags. It answers 201 {"id": pc_eid}.
func createAppointment(c *Call) error {
	d := c.Route.Def
	in, b, values, err := c.createValues(d)
	if err != nil {
		return err
	}
	body := emr.Record(in)
	start, end, err := appointmentSpan(body.Str("pc_eventDate"), body.Str("pc_startTime"), body.Str("pc_duration"))
	if err != nil {
		return err
	}
	values["pc_duration"] = strconv.FormatInt(int64(end.Sub(start)/time.Second), 10) // whole seconds, as OpenEMR's column holds it
	values["pc_startTime"] = start.Format("15:04:05")
	values["pc_endTime"] = end.Format("15:04:05")
	values["pc_endDate"] = end.Format("2006-01-02")
	return c.insert(d, values, b)
}

// appointmentSpan is when a validated appointment starts and ends. A
// negative or over-long duration is a validation error.
func appointmentSpan(date, startTime, duration string) (start, end time.Time, err error) {
	secs, perr := strconv.ParseFloat(duration, 64)
	switch {
	case perr != nil || math.IsNaN(secs):
		return start, end, invalid("pc_duration", "Numeric::NOT_NUMERIC", "pc_duration must be numeric")
	case secs < 0:
		return start, end, invalid("pc_duration", "Between::TOO_SMALL", "pc_duration must be 0 or more seconds")
	case secs > maxDuration:
		return start, end, invalid("pc_duration", "Between::TOO_BIG", "pc_duration must be at most "+strconv.Itoa(maxDuration)+" seconds")
	}
	start, err = time.Parse("2006-01-02 15:04", date+" "+startTime)
	if err != nil {
		return start, end, invalid("pc_startTime", "Datetime::INVALID_VALUE", "pc_startTime must be a time as HH:MM")
	}
	return start, start.Add(time.Duration(secs * float64(time.Second))), nil
}
