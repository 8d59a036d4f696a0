package scope

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"openid", "launch/patient", "patient/Patient.read", "user/Patient.write", "system/*.*",
		"user/allergy.cruds", "patient/Observation.sr", "system/*.$export", "user/insurance.$swap-insurance",
		labScope, "user/Observation.s?category=a%7Cb&category=c+d", "patient/Observation.rs?code=x",
		"admin/Patient.read", "patient/.read", "patient/Patient.$", "user/Condition.r?category=%00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s, err := Parse(raw)
		if err != nil {
			return
		}
		if s.Raw != raw {
			t.Fatalf("Parse(%q).Raw = %q", raw, s.Raw)
		}
		canonical := s.String()
		again, err := Parse(canonical)
		if err != nil {
			t.Fatalf("Parse(%q) accepted, but its canonical form %q fails: %v", raw, canonical, err)
		}
		if again.String() != canonical {
			t.Fatalf("canonical form %q is not stable: %q", canonical, again.String())
		}
		again.Raw = s.Raw
		if diff := cmp.Diff(s, again); diff != "" {
			t.Fatalf("Parse(%q) and Parse(%q) differ (-first +second):\n%s", raw, canonical, diff)
		}
		if !Set([]Scope{s}).Contains(again) {
			t.Fatalf("a scope does not contain its own canonical form: %q", raw)
		}
	})
}
