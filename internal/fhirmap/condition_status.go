package fhirmap

import (
	"time"

	"goemr/internal/emr"
)

// OpenEMR keeps no clinical status for problems and allergies; its FHIR
// services derive one from the lists row (FhirConditionTrait,
// FhirAllergyIntoleranceService): active while the row has no end date
// or its end date is still ahead, and once it has ended, resolved when
// the outcome says so (outcome '1', "Resolved") and inactive otherwise.
// An entered-in-error row has no clinical status at all (Condition con-5,
// AllergyIntolerance ait-2). The search parameters apply the same rule to
// the stored columns, so a search finds exactly the rows whose resource
// shows the status.

// issueNow is the moment statuses are judged at, in the text form lists
// dates compare with: a date-only end date ("2026-03-01") sorts before
// every time of its day, so a problem ends at the start of its end date,
// as OpenEMR's DateTime comparison has it.
func issueNow() string { return time.Now().UTC().Format("2006-01-02 15:04:05") }

// issueEnded reports whether end (Y-m-d or Y-m-d H:i:s) is past at now.
// OpenEMR's zero date "0000-00-00" is no end date.
func issueEnded(end, now string) bool { return end >= "0001" && end <= now }

// issueClinical is the clinical status code of a lists row at now, ""
// for a row entered in error.
func issueClinical(rec emr.Record, now string) string {
	switch {
	case rec.Str("verification") == "entered-in-error":
		return ""
	case !issueEnded(rec.Str("enddate"), now):
		return "active"
	case rec.Str("outcome") == "1":
		return "resolved"
	}
	return "inactive"
}

// issueClinicalTokens answers clinical-status searches in system (the
// condition-clinical or allergyintolerance-clinical code system) with the
// conditions of issueClinical on enddate, outcome and verification.
func issueClinicalTokens(system string) func(string, string, bool) []emr.Cond {
	return func(s, code string, hasSystem bool) []emr.Cond {
		if hasSystem && s != system {
			return nil
		}
		now := issueNow()
		valid := emr.Cond{Field: "verification", Match: emr.NotEq, Value: "entered-in-error"}
		ended := []emr.Cond{valid,
			{Field: "enddate", Match: emr.GreaterEq, Value: "0001"},
			{Field: "enddate", Match: emr.LessEq, Value: now}}
		switch code {
		case "active":
			return []emr.Cond{emr.And(valid, emr.Or(
				emr.Cond{Field: "enddate", Match: emr.Missing, Value: true},
				emr.Cond{Field: "enddate", Match: emr.Less, Value: "0001"},
				emr.Cond{Field: "enddate", Match: emr.Greater, Value: now}))}
		case "resolved":
			return []emr.Cond{emr.And(append(ended, emr.Eq("outcome", "1"))...)}
		case "inactive":
			return []emr.Cond{emr.And(append(ended, emr.Cond{Field: "outcome", Match: emr.NotEq, Value: "1"})...)}
		}
		return nil
	}
}

// issueStatusDisplay is the display of a clinical or verification status
// code ("entered-in-error" → "Entered in Error").
var issueStatusDisplay = map[string]string{
	"active": "Active", "inactive": "Inactive", "resolved": "Resolved",
	"unconfirmed": "Unconfirmed", "provisional": "Provisional", "differential": "Differential",
	"confirmed": "Confirmed", "refuted": "Refuted", "entered-in-error": "Entered in Error",
}
