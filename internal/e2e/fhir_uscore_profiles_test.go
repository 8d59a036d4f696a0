package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"goemr/internal/demo"
)

// TestFHIRUSCoreProfiles validates the profiles TestFHIRUSCoreValidation's
// first demo patients lack, each from the named patient whose history has
// it: the pediatric vital signs of a child under 2 (weight for length,
// head circumference and its percentile) and of one from 2 to 20 (BMI for
// age), pulse oximetry on supplemental oxygen (with its inhaled oxygen
// components), encounter diagnoses and health concerns. Every search must
// find resources claiming the profile, and every one must validate.
func TestFHIRUSCoreProfiles(t *testing.T) {
	requireNPM(t)
	named := func(fname string) string {
		for i, p := range demo.Patients {
			if p.Fname == fname {
				return demo.ID("patient", i+1)
			}
		}
		t.Fatalf("no demo patient %s", fname)
		return ""
	}
	lucy, samuel, grace, phil := named("Lucy"), named("Samuel"), named("Grace"), named("Phil")
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		c := fhirClient(t, s)
		var all []json.RawMessage
		var names []string
		for _, tc := range []struct{ query, profile, want string }{
			{"Observation?patient=" + lucy + "&code=77606-2", "pediatric-weight-for-height", ""},
			{"Observation?patient=" + lucy + "&code=9843-4", "us-core-head-circumference", ""},
			{"Observation?patient=" + lucy + "&code=8289-1", "head-occipital-frontal-circumference-percentile", ""},
			{"Observation?patient=" + samuel + "&code=59576-9", "pediatric-bmi-for-age", ""},
			{"Observation?patient=" + grace + "&code=59408-5", "us-core-pulse-oximetry", `"code":"3151-8"`},
			{"Condition?patient=" + phil + "&category=encounter-diagnosis", "us-core-condition-encounter-diagnosis", `"encounter":{"reference":"Encounter/`},
			{"Condition?category=health-concern&_count=50", "us-core-condition-problems-health-concerns", `"code":"health-concern"`},
		} {
			found, with := 0, 0
			for _, e := range c.search(tc.query) {
				if !strings.Contains(string(e.raw), "/StructureDefinition/"+tc.profile+"|6.1.0") {
					t.Errorf("%s: %s/%s does not claim %s", tc.query, e.typ, e.id, tc.profile)
				}
				if strings.Contains(string(e.raw), tc.want) {
					with++
				}
				all, names = append(all, e.raw), append(names, e.typ+"/"+e.id)
				found++
			}
			if found == 0 || with == 0 {
				t.Errorf("%s: %d found, %d with %s", tc.query, found, with, tc.want)
			}
		}
		for i, v := range ValidateUSCore(t, all) {
			for _, e := range v.Errors {
				t.Errorf("%s against %s: %s at %v", names[i], e.Profile, e.Text, e.Expression)
			}
			for _, u := range v.Unchecked {
				t.Errorf("%s: %s was not checked: %s", names[i], u.Profile, u.Why)
			}
		}
		t.Logf("validated %d resources", len(all))
	})
}
