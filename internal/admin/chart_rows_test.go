package admin

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"goemr/internal/emr"
)

func TestIssueRowsStatusAndOrder(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	recs := []emr.Record{
		{"title": "Old fracture", "begdate": "2001-05-01", "enddate": "2002-01-01", "outcome": "1"},
		{"title": "Asthma", "begdate": "1990-01-01", "enddate": nil},
		{"title": "Stopped", "begdate": "2020-01-01", "enddate": "2021-01-01 00:00:00", "outcome": "0"},
		{"title": "Typo", "begdate": "2025-01-01", "verification": "entered-in-error"},
		{"title": "Hypertension", "begdate": "2015-06-01 00:00:00", "enddate": "0000-00-00"},
		{"title": "Course", "begdate": "2026-02-01", "enddate": "2026-04-01"},
	}
	var got [][2]string
	for _, r := range issueRows(recs, now) {
		got = append(got, [2]string{r.Title, r.Status})
	}
	want := [][2]string{
		{"Course", "Active"}, {"Hypertension", "Active"}, {"Asthma", "Active"},
		{"Typo", "Entered in error"}, {"Stopped", "Inactive"}, {"Old fracture", "Resolved"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("issue rows (-want +got):\n%s", diff)
	}
}

func TestVitalRowUnits(t *testing.T) {
	got := vitalRows([]emr.Record{{
		"date": "2025-11-02 09:30:00", "bps": "128.00", "bpd": "84.00", "pulse": "72.000000", "temperature": "98.60",
		"respiration": "0.00", "oxygen_saturation": "97", "height": "", "weight": "180.50", "BMI": "26.1",
	}, {"date": "2025-10-01 00:00:00", "bpd": "80"}})
	want := []vitalRow{
		{Date: "2025-11-02 09:30", BP: "128/84", Pulse: "72", Temp: "98.6", SpO2: "97", Weight: "180.5", BMI: "26.1"},
		{Date: "2025-10-01", BP: "?/80"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("vital rows (-want +got):\n%s", diff)
	}
}

func TestFinderConds(t *testing.T) {
	for _, tc := range []struct {
		form  finderForm
		conds int
		err   string
	}{
		{finderForm{}, 0, ""},
		{finderForm{Name: " phil  belford "}, 2, ""},
		{finderForm{DOB: "1972-02-09", ID: "12"}, 2, ""},
		{finderForm{ID: "6F1C1F7E-4C1B-4C39-9A3E-7D1F4B8A2E10"}, 1, ""},
		{finderForm{DOB: "1972-02-30"}, 0, "dob"},
		{finderForm{DOB: "02/09/1972"}, 0, "dob"},
		{finderForm{ID: "-3"}, 0, "id"},
		{finderForm{ID: "Robert'); DROP"}, 0, "id"},
	} {
		conds, errs := finderConds(tc.form)
		if len(conds) != tc.conds || (tc.err == "") != (len(errs) == 0) || (tc.err != "" && errs[tc.err] == "") {
			t.Errorf("%+v: %d conditions, errors %v", tc.form, len(conds), errs)
		}
	}
}
