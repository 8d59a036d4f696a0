package fhirmap

import (
	"testing"

	"goemr/internal/emr"
)

func TestAppointmentToFHIR(t *testing.T) {
	c := NewContext("https://h/apis/default/fhir")
	c.SetRef("patient", "1", "pat-uuid")
	c.SetRef("provider", "3", "prac-uuid")
	for _, tc := range []struct {
		name string
		rec  emr.Record
		want []string
		not  []string
	}{
		{"checked-out visit", emr.Record{"uuid": "a1", "pc_pid": "1", "pc_aid": "3", "pc_title": "Established Patient",
			"pc_hometext": "Follow-up", "pc_apptstatus": ">", "pc_duration": "900", "pc_time": "2024-01-01 09:00:00",
			"start_at": "2024-01-15 08:15:00", "end_at": "2024-01-15 08:30:00", "category_name": "Established Patient"},
			[]string{`"status":"fulfilled"`, `"start":"2024-01-15T08:15:00Z"`, `"end":"2024-01-15T08:30:00Z"`,
				`"minutesDuration":15`, `"created":"2024-01-01T09:00:00Z"`, `"comment":"Follow-up"`,
				`"description":"Established Patient"`, `"serviceType":[{"text":"Established Patient"}]`,
				`"actor":{"reference":"Patient/pat-uuid"}`, `"actor":{"reference":"Practitioner/prac-uuid"}`,
				`"code":"PART"`, `"code":"PPRF"`, `"status":"accepted"`},
			[]string{"meta"}},
		{"no end time, provider without NPI", emr.Record{"uuid": "a2", "pc_pid": "1", "pc_aid": "8", "pc_apptstatus": "-",
			"pc_duration": "1800", "start_at": "2024-02-01 10:00:00", "end_at": nil, "provider_name": "Front Desk"},
			[]string{`"status":"proposed"`, `"end":"2024-02-01T10:30:00Z"`, `"actor":{"display":"Front Desk"}`}, nil},
		{"all day", emr.Record{"uuid": "a3", "pc_pid": "1", "pc_apptstatus": "zz", "pc_duration": "0", "pc_alldayevent": "1",
			"start_at": "2024-03-01 00:00:00"},
			[]string{`"status":"pending"`, `"start":"2024-03-01T00:00:00Z","end":"2024-03-02T00:00:00Z"`}, []string{"minutesDuration", "PPRF"}},
		{"no date", emr.Record{"uuid": "a4", "pc_pid": "1", "pc_apptstatus": "x"},
			[]string{`"status":"cancelled"`}, []string{`"start"`, `"end"`}},
	} {
		checkFragments(t, tc.name, appointmentToFHIR(tc.rec, c), tc.want, tc.not)
	}
}
