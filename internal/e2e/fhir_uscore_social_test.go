package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"goemr/internal/demo"
)

// socialProfiles are the US Core profiles of the social history and
// screening Observations (history_data, form_observation, employer_data).
var socialProfiles = []string{
	"us-core-smokingstatus", "us-core-observation-occupation", "us-core-observation-pregnancystatus",
	"us-core-observation-pregnancyintent", "us-core-observation-sexual-orientation",
	"us-core-observation-screening-assessment", "us-core-simple-observation",
}

// TestFHIRUSCoreSocialObservations validates every social history and
// screening Observation of every named demo patient (TestFHIRUSCoreValidation
// reads only the first few patients: the older patients' cognitive status
// notes and the quit smokers' histories are elsewhere), and checks that
// each profile has at least one.
func TestFHIRUSCoreSocialObservations(t *testing.T) {
	requireNPM(t)
	ForEachBackend(t, func(t *testing.T, b Backend) {
		s := Start(t, b, "")
		c := fhirClient(t, s)
		var all []json.RawMessage
		var names []string
		claimed := map[string]int{}
		for n := range demo.Patients {
			query := "Observation?patient=" + demo.ID("patient", n+1) + "&category=social-history,survey,activity,exam&_count=100"
			for _, e := range c.search(query) {
				all, names = append(all, e.raw), append(names, e.typ+"/"+e.id)
				for _, p := range socialProfiles {
					if strings.Contains(string(e.raw), "/StructureDefinition/"+p+"|6.1.0") {
						claimed[p]++
					}
				}
			}
		}
		for _, p := range socialProfiles {
			if claimed[p] == 0 {
				t.Errorf("no named demo patient has an Observation claiming %s", p)
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
		t.Logf("validated %d resources: %v", len(all), claimed)
	})
}
