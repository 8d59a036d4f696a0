package e2e

import (
	"encoding/json"
	"strings"
)

// sectionCount is what a CCD section must hold as Medplum reads it: its
// entries, and the Observations its organizers group.
type sectionCount struct{ entries, members int }

// expectedCounts are the section counts the patient's FHIR data gives,
// for the sections @medplum/ccda 4.5.2 reads into FHIR: Allergies,
// Medications, Problems, Procedures, Results (organizers and their
// results), Vital Signs (organizers and their values), Social History,
// Immunizations, Encounters, Plan of Treatment, Goals, Care Teams,
// Functional and Mental Status. It reads no entries of Health Concerns
// (it looks for the problem under typeCode SUBJ, where C-CDA R2.1 has
// REFR), Payers, Notes and Reason for Referral (acts it leaves out) or
// Medical Equipment (supplies), so those are not counted.
func expectedCounts(c *fhirAPI, p entry) map[string]sectionCount {
	of := func(typ string) []map[string]any {
		var out []map[string]any
		for _, e := range c.search(typ + "?patient=" + p.id + "&_count=1000") {
			var m map[string]any
			if json.Unmarshal(e.raw, &m) == nil && e.typ == typ && m["status"] != "entered-in-error" {
				out = append(out, m)
			}
		}
		return out
	}
	count := func(rs []map[string]any, keep func(map[string]any) bool) int {
		n := 0
		for _, r := range rs {
			if keep(r) {
				n++
			}
		}
		return n
	}
	all := func(map[string]any) bool { return true }
	conditions, obs, meds := of("Condition"), of("Observation"), of("MedicationRequest")
	planned := map[any]bool{"draft": true, "active": true, "on-hold": true}
	out := map[string]sectionCount{
		"48765-2": {entries: count(of("AllergyIntolerance"), all)},
		"10160-0": {entries: count(meds, func(m map[string]any) bool { return m["status"] != "draft" })},
		"11450-4": {entries: count(conditions, func(m map[string]any) bool { return hasCategory(m, "problem-list-item") })},
		"47519-4": {entries: count(of("Procedure"), all)},
		"11369-6": {entries: count(of("Immunization"), all)},
		"46240-8": {entries: count(of("Encounter"), func(m map[string]any) bool { return m["status"] != "planned" })},
		"61146-7": {entries: count(of("Goal"), all)},
		"85847-2": {entries: count(of("CareTeam"), all)},
		"29762-2": {entries: count(obs, func(m map[string]any) bool { return valued(m) && hasCategory(m, "social-history", "activity", "sdoh") })},
		"10190-7": {entries: count(obs, func(m map[string]any) bool {
			return valued(m) && hasCategory(m, "survey", "cognitive-status") && !hasCategory(m, "sdoh", "functional-status", "disability-status")
		})},
		"47420-5": {entries: count(obs, func(m map[string]any) bool {
			return valued(m) && hasCategory(m, "functional-status", "disability-status")
		})},
		"18776-5": {entries: count(of("CarePlan"), func(m map[string]any) bool { return planned[m["status"]] }) +
			count(of("ServiceRequest"), func(m map[string]any) bool { return planned[m["status"]] && !hasCategory(m, "3457005") }) +
			count(meds, func(m map[string]any) bool { return m["status"] == "draft" }) +
			count(of("Appointment"), func(m map[string]any) bool {
				return m["status"] == "proposed" || m["status"] == "pending" || m["status"] == "booked" || m["status"] == "waitlist"
			})},
	}
	if strings.Contains(string(c.read("Patient/"+p.id).raw), "us-core-birthsex") {
		s := out["29762-2"]
		s.entries++
		out["29762-2"] = s
	}
	vitals := sectionCount{}
	results := sectionCount{}
	inReport := map[string]bool{}
	for _, r := range of("DiagnosticReport") {
		if r["status"] == "cancelled" {
			continue
		}
		for _, ref := range list(r["result"]) {
			inReport[strings.TrimPrefix(str(ref, "reference"), "Observation/")] = true
		}
		results.entries++
	}
	times := map[string]bool{}
	for _, m := range obs {
		switch {
		case m["status"] == "cancelled":
		case hasCategory(m, "vital-signs"):
			n := 0
			if str(m, "valueQuantity", "value") != "" {
				n++
			}
			for _, comp := range list(m["component"]) {
				if str(comp, "valueQuantity", "value") != "" {
					n++
				}
			}
			if n > 0 {
				vitals.members += n
				times[str(m, "effectiveDateTime")] = true
			}
		case hasCategory(m, "laboratory") && (inReport[str(m, "id")] || valued(m)):
			results.members++
			if !inReport[str(m, "id")] {
				results.entries++
			}
		}
	}
	vitals.entries = len(times)
	out["8716-3"], out["30954-2"] = vitals, results
	return out
}

// hasCategory reports whether a resource has a category with one of codes.
func hasCategory(m map[string]any, codes ...string) bool {
	for _, cat := range list(m["category"]) {
		for _, c := range list(cat.(map[string]any)["coding"]) {
			for _, code := range codes {
				if str(c, "code") == code {
					return true
				}
			}
		}
	}
	return false
}

// valued reports whether an observation carries a value of a type a
// CCD entry holds (quantity, concept, string, integer, boolean, range or
// dateTime).
func valued(m map[string]any) bool {
	for _, k := range []string{"valueQuantity", "valueCodeableConcept", "valueString", "valueInteger", "valueBoolean", "valueRange", "valueDateTime"} {
		if m[k] != nil {
			return true
		}
	}
	return false
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// str walks a decoded JSON object by keys to a string (numbers as JSON).
func str(v any, keys ...string) string {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	}
	raw, _ := json.Marshal(v)
	return string(raw)
}
