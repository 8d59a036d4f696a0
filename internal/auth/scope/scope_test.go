package scope

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	labCategory = "http://terminology.hl7.org/CodeSystem/observation-category|laboratory"
	labScope    = "patient/Observation.rs?category=" + labCategory
)

func TestParseValid(t *testing.T) {
	tests := []struct {
		raw  string
		want Scope
	}{
		{"openid", Scope{}},
		{"launch/patient", Scope{}},
		{"launch/encounter", Scope{}},
		{"api:port", Scope{}},
		{"offline_access", Scope{}},
		{"patient/Patient.read", Scope{Context: "patient", Resource: "Patient", Perms: R | S, V1: true}},
		{"user/Patient.write", Scope{Context: "user", Resource: "Patient", Perms: C | U | D, V1: true}},
		{"system/*.*", Scope{Context: "system", Resource: "*", Perms: All, V1: true}},
		{"user/allergy.cruds", Scope{Context: "user", Resource: "allergy", Perms: All}},
		{"user/soap_note.crus", Scope{Context: "user", Resource: "soap_note", Perms: C | R | U | S}},
		{"patient/Observation.rs", Scope{Context: "patient", Resource: "Observation", Perms: R | S}},
		{"patient/Observation.c", Scope{Context: "patient", Resource: "Observation", Perms: C}},
		{"user/*.s", Scope{Context: "user", Resource: "*", Perms: S}},
		{"system/Patient.$export", Scope{Context: "system", Resource: "Patient", Operation: "$export"}},
		{"system/*.$bulkdata-status", Scope{Context: "system", Resource: "*", Operation: "$bulkdata-status"}},
		{"user/insurance.$swap-insurance", Scope{Context: "user", Resource: "insurance", Operation: "$swap-insurance"}},
		{labScope, Scope{Context: "patient", Resource: "Observation", Perms: R | S,
			Constraints: url.Values{"category": {labCategory}}}},
		{"patient/Condition.read?category=problem-list-item", Scope{Context: "patient", Resource: "Condition",
			Perms: R | S, V1: true, Constraints: url.Values{"category": {"problem-list-item"}}}},
		{"user/Observation.s?category=a&category=b", Scope{Context: "user", Resource: "Observation", Perms: S,
			Constraints: url.Values{"category": {"a", "b"}}}},
		{"user/Observation.s?category=a%7Cb", Scope{Context: "user", Resource: "Observation", Perms: S,
			Constraints: url.Values{"category": {"a|b"}}}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.raw)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.raw, err)
			continue
		}
		tt.want.Raw = tt.raw
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.raw, diff)
		}
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct{ raw, wantErr string }{
		{"", "empty scope"},
		{"foo", "unknown scope"},
		{"OpenID", "unknown scope"},
		{"launch/location", "unknown scope"},
		{"patient/Patient read", "not allowed"},
		{"patient/Patient.réad", "not allowed"},
		{`patient/Patient."read"`, "not allowed"},
		{"admin/Patient.read", `unknown context "admin"`},
		{"Patient/Patient.read", "unknown context"},
		{"/Patient.read", "unknown context"},
		{"patient/.read", `resource ""`},
		{"patient/Patient", "missing"},
		{"patient/Pat1ent.read", "resource"},
		{"patient/_x.read", "resource"},
		{"patient/Patient/x.read", "resource"},
		{"patient/**.read", "resource"},
		{"patient/Patient.", "empty permissions"},
		{"patient/Patient.sr", "out of order"},
		{"patient/Patient.rr", "repeated"},
		{"patient/Patient.x", "not one of"},
		{"patient/Patient.READ", "not one of"},
		{"patient/Patient.read.rs", "not one of"},
		{"patient/Patient.$", "operation"},
		{"patient/Patient.$1x", "operation"},
		{"patient/Patient.$ex/port", "operation"},
		{"system/Patient.$export?category=x", "takes no query"},
		{"patient/Observation.rs?", "empty query"},
		{"patient/Observation.rs?&", "empty query"},
		{"patient/Observation.rs?code=1234-5", `unsupported constraint "code"`},
		{"patient/Observation.rs?category=lab&date=2020", `unsupported constraint "date"`},
		{"patient/Observation.rs?category=", "empty category"},
		{"patient/Observation.rs?category", "empty category"},
		{"patient/Observation.rs?category=a;b", "bad query"},
		{"patient/Observation.rs?category=%zz", "bad query"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.raw)
		if err == nil {
			t.Errorf("Parse(%q) succeeded; want error mentioning %q", tt.raw, tt.wantErr)
			continue
		}
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Parse(%q) error = %q; want ErrInvalid mentioning %q", tt.raw, err, tt.wantErr)
		}
	}
}

func TestScopeString(t *testing.T) {
	tests := map[string]string{
		"openid":                                   "openid",
		"patient/Patient.read":                     "patient/Patient.read",
		"user/Patient.write":                       "user/Patient.write",
		"system/*.*":                               "system/*.*",
		"user/allergy.cruds":                       "user/allergy.cruds",
		"system/*.$export":                         "system/*.$export",
		labScope:                                   labScope,
		"user/Observation.s?category=a%7Cb":        "user/Observation.s?category=a|b",
		"user/Observation.s?category=a+b":          "user/Observation.s?category=a%20b",
		"user/Observation.s?category=a%26b%3Dc":    "user/Observation.s?category=a%26b%3Dc",
		"user/Observation.s?category=b&category=a": "user/Observation.s?category=b&category=a",
	}
	for raw, want := range tests {
		s, err := Parse(raw)
		if err != nil {
			t.Fatalf("Parse(%q): %v", raw, err)
		}
		if got := s.String(); got != want {
			t.Errorf("Parse(%q).String() = %q; want %q", raw, got, want)
		}
	}
	// A v1 scope narrowed by Catalog.Restrict prints its narrowest v1 word.
	narrowed := Scope{Context: "patient", Resource: "patient", Perms: S, V1: true}
	if got := narrowed.String(); got != "patient/patient.read" {
		t.Errorf("narrowed v1 scope prints %q", got)
	}
}

func TestParseList(t *testing.T) {
	got, err := ParseList("  openid  patient/Patient.read offline_access patient/Patient.read openid " +
		"user/Observation.s?category=a%7Cb user/Observation.s?category=a|b ")
	if err != nil {
		t.Fatal(err)
	}
	var raws []string
	for _, s := range got {
		raws = append(raws, s.Raw)
	}
	want := []string{"openid", "patient/Patient.read", "offline_access", "user/Observation.s?category=a%7Cb"}
	if diff := cmp.Diff(want, raws); diff != "" {
		t.Errorf("ParseList mismatch (-want +got):\n%s", diff)
	}

	if got, err := ParseList("   "); err != nil || len(got) != 0 {
		t.Errorf("ParseList of blanks = %v, %v; want nothing", got, err)
	}
	if _, err := ParseList("openid admin/Patient.read"); !errors.Is(err, ErrInvalid) ||
		!strings.Contains(err.Error(), "admin/Patient.read") {
		t.Errorf("ParseList with a bad scope: error = %v", err)
	}
	if _, err := ParseList("openid\tprofile"); err == nil {
		t.Error("ParseList accepted a tab as separator; RFC 6749 separates scopes by spaces")
	}
}
