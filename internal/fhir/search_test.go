package fhir

import (
	"reflect"
	"testing"
	"time"

	"goemr/internal/emr"
	"goemr/internal/resource"
)

func TestSplitValues(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"a", []string{"a"}},
		{"a,b", []string{"a", "b"}},
		{`a\,b,c`, []string{`a\,b`, "c"}},
		{"", []string{""}},
		{`x\\,y`, []string{`x\\`, "y"}},
	} {
		if got := splitValues(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitValues(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCutToken(t *testing.T) {
	for _, tc := range []struct {
		in, system, code string
		has              bool
	}{
		{"male", "", "male", false},
		{"http://x|male", "http://x", "male", true},
		{"|male", "", "male", true},
		{"http://x|", "http://x", "", true},
		{`a\|b|c`, "a|b", "c", true},
	} {
		s, c, h := cutToken(tc.in)
		if s != tc.system || c != tc.code || h != tc.has {
			t.Errorf("cutToken(%q) = %q %q %v", tc.in, s, c, h)
		}
	}
}

func TestReferenceID(t *testing.T) {
	for _, tc := range []struct {
		in, id string
		ok     bool
	}{
		{"abc", "abc", true},
		{"Patient/abc", "abc", true},
		{"https://h/fhir/Patient/abc", "abc", true},
		{"Patient/abc/_history/2", "abc", true},
		{"Practitioner/abc", "abc", false},
		{"", "", false},
	} {
		id, ok := referenceID(tc.in, "Patient")
		if ok != tc.ok || ok && id != tc.id {
			t.Errorf("referenceID(%q) = %q %v", tc.in, id, ok)
		}
	}
}

func TestDateConds(t *testing.T) {
	day := &resource.Field{Name: "DOB", Kind: resource.Date}
	stamp := &resource.Field{Name: "date", Kind: resource.DateTime}
	unix := &resource.Field{Name: "last_updated", Kind: resource.Unix}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := func(f string, m emr.Match, v any) emr.Cond { return emr.Cond{Field: f, Match: m, Value: v} }
	for _, tc := range []struct {
		f     *resource.Field
		value string
		want  []emr.Cond
	}{
		{day, "2020-05-04", []emr.Cond{c("DOB", emr.GreaterEq, "2020-05-04"), c("DOB", emr.Less, "2020-05-05")}},
		{day, "2020", []emr.Cond{c("DOB", emr.GreaterEq, "2020-01-01"), c("DOB", emr.Less, "2021-01-01")}},
		{day, "2020-02", []emr.Cond{c("DOB", emr.GreaterEq, "2020-02-01"), c("DOB", emr.Less, "2020-03-01")}},
		{day, "lt2020-05-04", []emr.Cond{c("DOB", emr.Less, "2020-05-04")}},
		{day, "le2020-05-04", []emr.Cond{c("DOB", emr.Less, "2020-05-05")}},
		{day, "gt2020-05-04", []emr.Cond{c("DOB", emr.GreaterEq, "2020-05-05")}},
		{day, "ge2020-05-04", []emr.Cond{c("DOB", emr.GreaterEq, "2020-05-04")}},
		{day, "ge2020-05-04T10:00:00Z", []emr.Cond{c("DOB", emr.GreaterEq, "2020-05-04")}},
		{day, "ne2020-05-04", []emr.Cond{emr.Or(c("DOB", emr.Less, "2020-05-04"), c("DOB", emr.GreaterEq, "2020-05-05"))}},
		{stamp, "2020-05-04T10:00:00+02:00", []emr.Cond{c("date", emr.GreaterEq, "2020-05-04 08:00:00"), c("date", emr.Less, "2020-05-04 08:00:01")}},
		{stamp, "sa2020-05-04", []emr.Cond{c("date", emr.GreaterEq, "2020-05-05 00:00:00")}},
		{stamp, "eb2020-05-04", []emr.Cond{c("date", emr.Less, "2020-05-04 00:00:00")}},
		{unix, "2020-05-04", []emr.Cond{c("last_updated", emr.GreaterEq, int64(1588550400)), c("last_updated", emr.Less, int64(1588636800))}},
		{day, "ap2025-12-31", []emr.Cond{c("DOB", emr.GreaterEq, "2025-12-30"), c("DOB", emr.Less, "2026-01-02")}},
	} {
		got, err := dateConds(tc.f, tc.value, now)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("dateConds(%s, %q) = %v, %v\nwant %v", tc.f.Name, tc.value, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2020-13-01", "xx2020", "2020-05-04T25:00"} {
		if _, err := dateConds(day, bad, now); err == nil {
			t.Errorf("dateConds(%q) accepted", bad)
		}
	}
}

func TestFromAccept(t *testing.T) {
	for _, tc := range []struct {
		accept, want string
		ok           bool
	}{
		{"application/fhir+json", fhirJSON, true},
		{"application/json", plainJSON, true},
		{"*/*", fhirJSON, true},
		{"application/json, application/fhir+json", fhirJSON, true},
		{"text/html, */*;q=0.1", fhirJSON, true},
		{"application/fhir+xml", "", false},
		{"application/fhir+json;q=0, application/xml", "", false},
	} {
		got, ok := fromAccept(tc.accept)
		if got != tc.want || ok != tc.ok {
			t.Errorf("fromAccept(%q) = %q %v", tc.accept, got, ok)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	in := &cursor{Sort: "lname,-DOB", After: []any{"Smith", nil, int64(12)}}
	out, err := decodeCursor(encodeCursor(in))
	if err != nil || !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip: %+v, %v", out, err)
	}
	for _, bad := range []string{"", "!!", "e30", "W10"} {
		if _, err := decodeCursor(bad); err == nil {
			t.Errorf("decodeCursor(%q) accepted", bad)
		}
	}
}
