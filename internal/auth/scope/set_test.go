package scope

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustSet(t *testing.T, list string) Set {
	t.Helper()
	scopes, err := ParseList(list)
	if err != nil {
		t.Fatal(err)
	}
	return Set(scopes)
}

func mustParse(t *testing.T, raw string) Scope {
	t.Helper()
	s, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSetAllows(t *testing.T) {
	set := mustSet(t, "openid patient/Patient.read user/allergy.cu patient/*.s "+
		labScope+" system/Patient.$export user/Observation.r user/Observation.s")
	tests := []struct {
		ctx, resource string
		p             Perm
		want          bool
	}{
		{"patient", "Patient", R, true},
		{"patient", "Patient", S, true},
		{"patient", "Patient", R | S, true},
		{"patient", "Patient", C, false},
		{"user", "Patient", R, false}, // wrong context
		{"user", "allergy", C, true},
		{"user", "allergy", U, true},
		{"user", "allergy", D, false},
		{"user", "allergy", R, false},
		{"patient", "Condition", S, true}, // patient/*.s covers FHIR types
		{"patient", "Condition", R, false},
		{"patient", "patient", S, false},    // ... but not OpenEMR API resources
		{"patient", "Observation", R, true}, // constrained scopes allow; Constraints filters
		{"user", "Observation", R, true},
		{"user", "Observation", R | S, false}, // one scope must grant both
		{"system", "Patient", R, false},       // an operation grants no permission
		{"patient", "Patient", 0, false},
		{"", "", S, false},
	}
	for _, tt := range tests {
		if got := set.Allows(tt.ctx, tt.resource, tt.p); got != tt.want {
			t.Errorf("Allows(%q, %q, %q) = %v; want %v", tt.ctx, tt.resource, tt.p, got, tt.want)
		}
	}
}

func TestSetAllowsOperation(t *testing.T) {
	set := mustSet(t, "system/Patient.$export system/*.$bulkdata-status user/DocumentReference.$docref system/Group.rs")
	tests := []struct {
		ctx, resource, op string
		want              bool
	}{
		{"system", "Patient", "$export", true},
		{"system", "Patient", "export", true},
		{"system", "Group", "$export", false},
		{"system", "*", "$export", false}, // system-level export needs system/*.$export
		{"system", "*", "$bulkdata-status", true},
		{"system", "Patient", "$bulkdata-status", true}, // * covers FHIR types
		{"system", "patient", "$bulkdata-status", false},
		{"user", "DocumentReference", "$docref", true},
		{"patient", "DocumentReference", "$docref", false},
		{"system", "Group", "$rs", false},
	}
	for _, tt := range tests {
		if got := set.AllowsOperation(tt.ctx, tt.resource, tt.op); got != tt.want {
			t.Errorf("AllowsOperation(%q, %q, %q) = %v; want %v", tt.ctx, tt.resource, tt.op, got, tt.want)
		}
	}
	if !mustSet(t, "system/*.$export").AllowsOperation("system", "*", "$export") {
		t.Error("system/*.$export does not allow the system-level export")
	}
}

func TestSetConstraints(t *testing.T) {
	lab := url.Values{"category": {labCategory}}
	vitals := url.Values{"category": {"vital-signs"}}
	tests := []struct {
		name, set string
		want      []url.Values
	}{
		{"no grant", "patient/Condition.rs", nil},
		{"unconstrained", "patient/Observation.rs", nil},
		{"one constraint", labScope, []url.Values{lab}},
		{"two constraints", labScope + " patient/Observation.rs?category=vital-signs", []url.Values{lab, vitals}},
		{"unconstrained wins", labScope + " patient/Observation.r", nil},
		{"wildcard is unconstrained", labScope + " patient/*.read", nil},
		{"other permission ignored", labScope + " patient/Observation.s", []url.Values{lab}},
		{"other context ignored", labScope + " user/Observation.rs", []url.Values{lab}},
	}
	for _, tt := range tests {
		got := mustSet(t, tt.set).Constraints("patient", "Observation", R)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Constraints mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	if got := mustSet(t, labScope).Constraints("patient", "Observation", 0); got != nil {
		t.Errorf("Constraints for no permission = %v; want nil", got)
	}
}

func TestSetContains(t *testing.T) {
	set := mustSet(t, "openid launch/patient patient/Patient.read user/*.rs user/allergy.cruds "+
		labScope+" user/Condition.rs?category=problem-list-item&category=health-concern system/*.$export system/Group.$export")
	tests := []struct {
		raw  string
		want bool
	}{
		{"openid", true},
		{"launch/patient", true},
		{"offline_access", false},
		{"patient/Patient.read", true},
		{"patient/Patient.rs", true},
		{"patient/Patient.r", true},
		{"patient/Patient.s", true},
		{"patient/Patient.write", false},
		{"patient/Patient.cruds", false},
		{"user/Patient.read", true}, // user/*.rs covers FHIR types
		{"user/Patient.write", false},
		{"user/Observation.rs", true},
		{"user/Observation.c", false},
		{"user/*.r", true},
		{"user/allergy.r", true},
		{"user/allergy.write", true},
		{"user/patient.s", false},                // * does not reach OpenEMR API resources
		{"user/Observation.rs?category=x", true}, // unconstrained contains constrained
		{labScope, true},
		{"patient/Observation.r?category=" + labCategory, true},
		{"patient/Observation.rs?category=laboratory", false}, // bare code is a different constraint
		{"patient/Observation.rs", false},                     // constrained does not contain unconstrained
		{"patient/Observation.rs?category=vital-signs", false},
		{"user/Condition.rs?category=health-concern&category=problem-list-item", true},
		{"user/Condition.rs?category=health-concern", true}, // user/*.rs contains it
		{"system/Patient.$export", true},
		{"system/Group.$export", true},
		{"system/*.$export", true},
		{"system/*.$bulkdata-status", false},
		{"system/Patient.rs", false},
		{"user/DocumentReference.$docref", false}, // permissions never imply operations
	}
	for _, tt := range tests {
		if got := set.Contains(mustParse(t, tt.raw)); got != tt.want {
			t.Errorf("Contains(%q) = %v; want %v", tt.raw, got, tt.want)
		}
	}
	constrained := mustSet(t, "user/Condition.rs?category=health-concern&category=problem-list-item")
	if constrained.Contains(mustParse(t, "user/Condition.rs?category=health-concern")) {
		t.Error("a constrained scope contains a different constraint")
	}
}

func TestSetHasAndString(t *testing.T) {
	set := mustSet(t, "openid offline_access patient/Patient.read user/Observation.s?category=a%7Cb")
	for raw, want := range map[string]bool{
		"openid": true, "offline_access": true, "online_access": false,
		"patient/Patient.read": false, // resource scopes go through Allows or Contains
		"":                     false,
	} {
		if got := set.Has(raw); got != want {
			t.Errorf("Has(%q) = %v; want %v", raw, got, want)
		}
	}
	if got, want := set.String(), "openid offline_access patient/Patient.read user/Observation.s?category=a%7Cb"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	built := Set{{Context: "user", Resource: "Patient", Perms: C | U}}
	if got := built.String(); got != "user/Patient.cu" {
		t.Errorf("String() of a scope built in code = %q", got)
	}
}
