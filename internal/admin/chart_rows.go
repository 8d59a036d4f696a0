package admin

import (
	"slices"
	"strings"
	"time"

	"goemr/internal/emr"
)

// The chart's rows: what each section shows of a record, worked out here so
// the template only lays them out.

// issueRow is a problem, medication or allergy (a lists row).
type issueRow struct {
	Title, Begin, End, Reaction, Severity string
	Codes                                 []string // "ICD10:K21.9", from the diagnosis column
	Status                                string   // Active, Resolved, Inactive, Entered in error
	Active                                bool
}

// issueRows shapes lists rows with their status as OpenEMR's FHIR services
// derive it (FhirConditionTrait): active while there is no end date or it
// is still ahead; once ended, resolved when the outcome says so (outcome
// 1). Active rows come first, then the most recently begun.
func issueRows(recs []emr.Record, now time.Time) []issueRow {
	today := now.UTC().Format("2006-01-02 15:04:05")
	out := make([]issueRow, len(recs))
	for i, rec := range recs {
		row := issueRow{
			Title: rec.Str("title"), Codes: codes(rec.Str("diagnosis")), Begin: dateOnly(rec.Str("begdate")), End: dateOnly(rec.Str("enddate")),
			Reaction: firstOf(rec.Str("reaction_title"), rec.Str("reaction")), Severity: rec.Str("severity_al"),
		}
		end := rec.Str("enddate")
		switch {
		case rec.Str("verification") == "entered-in-error":
			row.Status = "Entered in error"
		case end < "0001" || end > today:
			row.Status, row.Active = "Active", true
		case rec.Str("outcome") == "1":
			row.Status = "Resolved"
		default:
			row.Status = "Inactive"
		}
		out[i] = row
	}
	slices.SortStableFunc(out, func(a, b issueRow) int {
		if a.Active != b.Active {
			if a.Active {
				return -1
			}
			return 1
		}
		return strings.Compare(b.Begin, a.Begin)
	})
	return out
}

// vitalRow is one set of vital signs, in OpenEMR's US units.
type vitalRow struct {
	Date, BP, Pulse, Temp, Resp, SpO2, Height, Weight, BMI string
}

func vitalRows(recs []emr.Record) []vitalRow {
	out := make([]vitalRow, len(recs))
	for i, v := range recs {
		bp := ""
		if s, d := number(v.Str("bps")), number(v.Str("bpd")); s != "" || d != "" {
			bp = firstOf(s, "?") + "/" + firstOf(d, "?")
		}
		out[i] = vitalRow{
			Date: dateTime(v.Str("date")), BP: bp, Pulse: number(v.Str("pulse")), Temp: number(v.Str("temperature")),
			Resp: number(v.Str("respiration")), SpO2: number(v.Str("oxygen_saturation")),
			Height: number(v.Str("height")), Weight: number(v.Str("weight")), BMI: number(v.Str("BMI")),
		}
	}
	return out
}

// encounterRow is one visit.
type encounterRow struct {
	UUID, Date, Reason, Provider, Class, Facility string
}

// encounterRows shapes encounters; providers maps users.id to a name.
func encounterRows(recs []emr.Record, providers map[string]string) []encounterRow {
	out := make([]encounterRow, len(recs))
	for i, e := range recs {
		out[i] = encounterRow{
			UUID: e.Str("euuid"), Date: dateOnly(e.Str("date")), Reason: e.Str("reason"),
			Provider: firstOf(providers[e.Str("provider_id")], e.Str("provider_username")),
			Class:    firstOf(e.Str("class_title"), e.Str("class_code")), Facility: e.Str("facility_name"),
		}
	}
	return out
}

// dateOnly is the date part of a Y-m-d or Y-m-d H:i:s value; OpenEMR's
// zero date is no date.
func dateOnly(v string) string {
	if len(v) > 10 {
		v = v[:10]
	}
	if v < "0001" {
		return ""
	}
	return v
}

// dateTime is a Y-m-d H:i:s value to the minute.
func dateTime(v string) string {
	if dateOnly(v) == "" {
		return ""
	}
	if len(v) >= 16 && !strings.HasSuffix(v[:16], "00:00") {
		return v[:16]
	}
	return v[:min(len(v), 10)]
}

// number is a decimal column without trailing zeros; 0 is no measurement,
// as OpenEMR stores unmeasured vitals.
func number(v string) string {
	if strings.Contains(v, ".") {
		v = strings.TrimRight(strings.TrimRight(v, "0"), ".")
	}
	if v == "0" || v == "" {
		return ""
	}
	return v
}

// codes splits OpenEMR's code list ("ICD10:K21.9;SNOMED-CT:235595009").
func codes(v string) []string {
	var out []string
	for _, c := range strings.Split(v, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
