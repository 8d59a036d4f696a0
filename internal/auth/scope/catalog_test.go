package scope

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		raw     string
		system  bool
		wantErr string // "" when the scope must validate
	}{
		{"patient/Observation.rs", false, ""},
		{"user/Patient.crus", false, ""},
		{"user/Patient.cu", false, ""},
		{"user/Patient.*", false, ""},
		{"user/allergy.cruds", false, ""},
		{"patient/patient.s", false, ""},
		{"user/insurance.$swap-insurance", false, ""},
		{"patient/*.rs", false, ""},
		{"user/*.read", false, ""},
		{"user/*.cu", false, ""},
		{"user/*.write", false, ""},
		{"system/*.rs", true, ""},
		{"system/*.$export", true, ""},
		{labScope, false, ""},
		{"patient/Observation.rs?category=laboratory", false, ""},
		{"patient/Observation.read?category=vital-signs", false, ""},
		{"user/Observation.rs?category=social-history&category=survey", false, ""},
		{"patient/Observation.rs?category=http://hl7.org/fhir/us/core/CodeSystem/us-core-category|sdoh", false, ""},
		{"user/Condition.rs?category=http://hl7.org/fhir/us/core/CodeSystem/condition-category|health-concern", false, ""},
		{"patient/Condition.rs?category=encounter-diagnosis", false, ""},
		{"system/DocumentReference.rs?category=clinical-note", true, ""},

		{"user/Patient.d", false, `offers only "crus"`},
		{"user/Patient.cruds", false, "offers only"},
		{"patient/Patient.c", false, "offers only"},
		{"patient/Patient.write", false, "offers only"},
		{"patient/patient.r", false, `offers only "s"`},
		{"patient/Foo.read", false, "no patient scopes for Foo"},
		{"user/patient_data.read", false, "no user scopes"},
		{"patient/allergy.read", false, "no patient scopes"},
		{"system/Patient.read", false, "no system scopes"},
		{"system/*.$export", false, "no system scopes"},
		{"system/*.rs", false, "no permissions"},
		{"patient/*.write", false, ""}, // a patient may record its own allergies and conditions
		{"user/*.d", false, "offers only"},
		{"patient/*.$export", true, "no patient scopes"},
		{"system/*.$docref", true, "operation $docref is not offered"},
		{"system/Observation.$export", true, "operation $export is not offered"},
		{"user/insurance.$export", false, "operation $export is not offered"},
		{"user/DocumentReference.$everything", false, "not offered"},
		{"patient/Observation.rs?category=bogus|x", false, `category "bogus|x"`},
		{"patient/Observation.rs?category=health-concern", false, "category"},
		{"patient/Observation.rs?category=http://terminology.hl7.org//CodeSystem-observation-category|social-history", false, "category"},
		{"patient/Observation.rs?category=laboratory&category=bogus", false, "bogus"},
		{"patient/Patient.rs?category=laboratory", false, "offers no category scopes"},
		{"user/allergy.rs?category=x", false, "offers no category scopes"},
		{"patient/*.rs?category=laboratory", false, "named resource"},
	}
	for _, tt := range tests {
		err := DefaultCatalog(CatalogOptions{System: tt.system}).Validate(mustParse(t, tt.raw))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("Validate(%q, system=%v): %v", tt.raw, tt.system, err)
		case tt.wantErr != "" && err == nil:
			t.Errorf("Validate(%q, system=%v) succeeded; want error mentioning %q", tt.raw, tt.system, tt.wantErr)
		case err != nil && (!errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("Validate(%q, system=%v) = %q; want ErrUnsupported mentioning %q", tt.raw, tt.system, err, tt.wantErr)
		}
	}
}

func TestValidateBuiltScopes(t *testing.T) {
	catalog := DefaultCatalog(CatalogOptions{})
	for _, s := range []Scope{
		{Raw: "not_a_scope"},
		{Context: "user", Resource: "Patient"}, // no permissions at all
	} {
		if err := catalog.Validate(s); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Validate(%#v) = %v; want ErrUnsupported", s, err)
		}
	}
}

func TestRestrict(t *testing.T) {
	catalog := DefaultCatalog(CatalogOptions{System: true})
	tests := []struct {
		raw  string
		want Perm
	}{
		{"user/Patient.write", C | U},
		{"user/Patient.*", C | R | U | S},
		{"user/Patient.read", R | S},
		{"user/allergy.write", C | U | D},
		{"user/message.read", V1Read}, // message offers no r or s: refused, so unchanged
		{"user/list.read", R},
		{"patient/patient.read", S},
		{"user/transaction.write", C | U | D},
		{"user/insurance.write", C | U},
		{"user/*.write", C | U},
		{"patient/*.*", C | R | U | S},
		{"user/Patient.rs", R | S},  // v2 is never changed
		{"user/Patient.d", D},       // ... even when not offered
		{"patient/Foo.read", R | S}, // unknown: unchanged
		{"system/Patient.$export", 0},
	}
	for _, tt := range tests {
		s := mustParse(t, tt.raw)
		got := catalog.Restrict(s)
		if got.Perms != tt.want {
			t.Errorf("Restrict(%q).Perms = %q; want %q", tt.raw, got.Perms, tt.want)
		}
		if got.Raw != s.Raw || got.V1 != s.V1 {
			t.Errorf("Restrict(%q) changed Raw or V1: %#v", tt.raw, got)
		}
	}
}

func TestSupported(t *testing.T) {
	withSystem := DefaultCatalog(CatalogOptions{System: true}).Supported()
	withoutSystem := DefaultCatalog(CatalogOptions{}).Supported()
	if !slices.Equal(withSystem, DefaultCatalog(CatalogOptions{System: true}).Supported()) {
		t.Error("Supported is not deterministic")
	}
	if !slices.Equal(withSystem[:len(nonResourceScopes)], nonResourceScopes) {
		t.Errorf("Supported does not start with the non-resource scopes: %v", withSystem[:5])
	}
	for _, list := range [][]string{withSystem, withoutSystem} {
		catalog := DefaultCatalog(CatalogOptions{System: len(list) == len(withSystem)})
		seen := map[string]bool{}
		for _, raw := range list {
			if seen[raw] {
				t.Errorf("Supported lists %q twice", raw)
			}
			seen[raw] = true
			s, err := Parse(raw)
			if err != nil {
				t.Errorf("Supported lists an unparsable scope: %v", err)
				continue
			}
			if s.String() != raw {
				t.Errorf("Supported lists %q, whose canonical form is %q", raw, s.String())
			}
			if err := catalog.Validate(s); err != nil {
				t.Errorf("Supported lists a scope Validate refuses: %v", err)
			}
		}
	}
	for _, raw := range withoutSystem {
		if strings.HasPrefix(raw, "system/") {
			t.Errorf("Supported without system scopes lists %q", raw)
		}
	}
	mustList := []string{
		"openid", "launch/patient", "api:port",
		"patient/Patient.read", "patient/Patient.rs", "user/Patient.write", "user/Patient.crus",
		"user/Organization.write", "patient/DocumentReference.$docref", "system/DocumentReference.$docref",
		"system/Patient.$export", "system/Group.$export", "system/*.$export", "system/*.$bulkdata-status",
		"user/allergy.read", "user/allergy.write", "user/allergy.cruds", "user/message.write", "user/message.cud",
		"user/insurance.$swap-insurance", "user/employer.read", "user/employer.s",
		"patient/patient.read", "patient/patient.s", "patient/encounter.rs", "patient/appointment.read",
		"patient/Condition.crus?category=http://hl7.org/fhir/us/core/CodeSystem/condition-category|health-concern",
		"user/Condition.crus?category=http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis",
		"patient/Condition.crus?category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item",
		"patient/Observation.crus?category=http://hl7.org/fhir/us/core/CodeSystem/us-core-category|sdoh",
		"patient/Observation.crus?category=http://terminology.hl7.org/CodeSystem/observation-category|social-history",
		"patient/Observation.crus?category=" + labCategory,
		"patient/Observation.crus?category=http://terminology.hl7.org/CodeSystem/observation-category|survey",
		"patient/Observation.crus?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
		"system/DocumentReference.rs?category=http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category|clinical-note",
	}
	for _, raw := range mustList {
		if !slices.Contains(withSystem, raw) {
			t.Errorf("Supported does not list %q", raw)
		}
	}
	for _, raw := range []string{"patient/patient.write", "user/message.read", "user/list.s", "patient/*.rs", "user/Patient.d"} {
		if slices.Contains(withSystem, raw) {
			t.Errorf("Supported lists %q", raw)
		}
	}
}
