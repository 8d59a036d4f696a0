package fhirmap

import (
	"encoding/json"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"goemr/internal/emr"
)

// Code systems of Observation and DiagnosticReport.
const (
	systemObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
	systemUCUMUnits           = "http://unitsofmeasure.org"
	systemInterpretationV3    = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
	systemDiagnosticSection   = "http://terminology.hl7.org/CodeSystem/v2-0074"
)

// strictDecimal is a FHIR decimal as goemr writes it (R4
// datatypes.html#decimal, without an exponent).
var strictDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// decimalValue is a stored number as a FHIR decimal, its digits kept
// (98.60 stays 98.60); a number FHIR would refuse as written (".5",
// "07") is rewritten, and anything else is nil.
func decimalValue(s string) *json.Number {
	s = strings.TrimSpace(s)
	if !strictDecimal.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || strings.ContainsAny(s, "eExXpP") {
			return nil
		}
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	n := json.Number(s)
	return &n
}

func isZero(n json.Number) bool {
	f, err := n.Float64()
	return err == nil && f == 0
}

// ucumCode matches what may be a UCUM unit code (no spaces, UCUM's
// characters, annotations in braces of any printable character, as
// "mL/min/{1.73_m2}"): only such units are sent with the UCUM system, which
// US Core requires of a coded quantity unit (us-core-3).
var ucumCode = regexp.MustCompile(`^([A-Za-z0-9%\[\].*/^'+-]|\{[!-z|~]*\})+$`)

// Observation statuses of OpenEMR's result statuses (list_options
// proc_res_status); FHIR's own codes are taken as they are. A result
// without a status is "unknown", as OpenEMR's FHIR services say.
var resultStatuses = map[string]string{
	"final": "final", "prelim": "preliminary", "preliminary": "preliminary", "incomplete": "preliminary",
	"correct": "corrected", "corrected": "corrected", "amended": "amended", "registered": "registered",
	"error": "entered-in-error", "entered-in-error": "entered-in-error",
	"cancel": "cancelled", "canceled": "cancelled", "cancelled": "cancelled",
}

func observationStatus(stored string) string {
	if s, ok := resultStatuses[strings.ToLower(strings.TrimSpace(stored))]; ok {
		return s
	}
	return "unknown"
}

var observationStatusTokens = statusTokens("http://hl7.org/fhir/observation-status", resultStatuses)

// statusTokens finds records by a FHIR status: every stored status that
// means it, and for "unknown" the records without one.
func statusTokens(system string, stored map[string]string) func(string, string, bool) []emr.Cond {
	return func(sys, code string, hasSystem bool) []emr.Cond {
		if hasSystem && sys != system {
			return nil
		}
		var out []emr.Cond
		for _, k := range slices.Sorted(maps.Keys(stored)) {
			if stored[k] == code {
				out = append(out, emr.Eq("status", k))
			}
		}
		if code == "unknown" {
			out = append(out, emr.Cond{Field: "status", Match: emr.Missing, Value: true})
		}
		return out
	}
}

// interpretations are v3 ObservationInterpretation codes of OpenEMR's
// abnormal flags (list_options proc_res_abnormal).
var interpretations = map[string][2]string{
	"no": {"N", "Normal"}, "yes": {"A", "Abnormal"}, "high": {"H", "High"}, "low": {"L", "Low"},
	"vhigh": {"HH", "Critical high"}, "vlow": {"LL", "Critical low"},
}
