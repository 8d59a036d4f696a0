package main

import (
	"strings"
	"testing"
)

const newGoal = `{"resourceType":"Goal","lifecycleStatus":"active",
 "description":{"coding":[{"system":"http://snomed.info/sct","code":"289169006","display":"Weight loss"}],"text":"Lose 5 kg"},
 "subject":{"reference":"Patient/PATIENT"},"startDate":"2024-01-15","target":[{"dueDate":"2024-07-15"}]}`

// TestFHIRGoalWrite: Goal create and update land in form_care_plan (a
// goal row of a new care plan form) with versions; the official examples
// round-trip.
func TestFHIRGoalWrite(t *testing.T) {
	eachFHIR(t, func(t *testing.T, e *apiEnv) {
		id := runWriteCase(t, e, writeCase{
			typ: "Goal", body: newGoal,
			check: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{
					"lifecycleStatus": "active", "description.coding.0.code": "289169006", "description.coding.0.display": "Weight loss",
					"description.text": "Lose 5 kg", "subject.reference": "Patient/" + demoPatient(2), "startDate": "2024-01-15",
					"target.0.dueDate": "2024-07-15",
				})
			},
			update: [2]string{`"lifecycleStatus":"active"`, `"lifecycleStatus":"completed"`},
			updated: func(t *testing.T, r *Resp) {
				checkPaths(t, r, map[string]string{"lifecycleStatus": "completed", "target.0.dueDate": "2024-07-15"})
			},
			bad: map[string]string{
				"bad status":     strings.Replace(newGoal, `"active"`, `"going"`, 1),
				"no description": strings.Replace(newGoal, `"description":{"coding":[{"system":"http://snomed.info/sct","code":"289169006","display":"Weight loss"}],"text":"Lose 5 kg"},`, "", 1),
				"target measure": strings.Replace(newGoal, `{"dueDate":"2024-07-15"}`, `{"measure":{"text":"Body weight"},"detailQuantity":{"value":80,"unit":"kg"}}`, 1),
				"partial date":   strings.Replace(newGoal, `"2024-01-15"`, `"2024-01"`, 1),
			},
		})
		// Searches see the goal by its new status and target date.
		if got := fhirIDs(e, "Goal?patient="+demoPatient(2)+"&lifecycle-status=completed&target-date=2024-07-15"); len(got) != 1 || got[0] != id {
			t.Errorf("lifecycle-status + target-date: %v", got)
		}

		for file, want := range map[string]map[string]string{
			"Goal-goal-1.json": {"description.text": "Patient is targeting a pulse oximetry of 92% and a weight of 195 lbs",
				"target.0.dueDate": "2016-04-05"},
			"Goal-goal-sdoh-2.json": {"description.coding.0.system": "http://snomed.info/sct", "description.coding.0.code": "406156006",
				"description.text": "In paid employment", "target.0.dueDate": "2022-02-01"},
		} {
			r := e.DoHeader("POST", "/fhir/Goal", e.Admin, usCoreExample(t, file, demoPatient(3)), fhirJSONHeader...).Want(t, 201)
			r = e.Do("GET", "/fhir/Goal/"+r.Str("id"), e.Admin, nil).Want(t, 200)
			want["lifecycleStatus"], want["subject.reference"] = "active", "Patient/"+demoPatient(3)
			checkPaths(t, r, want)
		}
	})
}
