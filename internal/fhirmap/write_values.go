package fhirmap

import (
	"strings"
	"time"

	"goemr/internal/fhir/r4"
)

// Values shared by the mappings that write: FHIR dates and times as the
// text OpenEMR's tables keep, and codes as OpenEMR's code lists.

// dayFrom is a FHIR date or dateTime (R4 datatypes.html#dateTime) as the
// day a date column keeps ("" for none). A partial date (a year, a month)
// names no day and is refused rather than guessed.
func dayFrom(path string, s *string) (string, error) {
	if s == nil {
		return "", nil
	}
	if len(*s) < 10 {
		return "", invalid(path, "must be a full date (YYYY-MM-DD) to be stored, not %q", *s)
	}
	if len(*s) == 10 {
		if _, err := time.Parse("2006-01-02", *s); err != nil {
			return "", invalid(path, "%q is not a date", *s)
		}
		return *s, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return "", invalid(path, "%q is not a FHIR dateTime", *s)
	}
	// The day where it happened: the stated offset, not UTC.
	return t.Format("2006-01-02"), nil
}

// timeFrom is a FHIR dateTime as a datetime column keeps it: a time in
// UTC ("Y-m-d H:i:s"), as goemr stores times; a date stays a date.
func timeFrom(path string, s *string) (string, error) {
	if s == nil || len(*s) <= 10 {
		return dayFrom(path, s)
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return "", invalid(path, "%q is not a FHIR dateTime", *s)
	}
	return t.UTC().Format("2006-01-02 15:04:05"), nil
}

// codeListFrom is a CodeableConcept as an OpenEMR code list
// ("SNOMED-CT:44054006;ICD10:E11.9", lists.diagnosis) and a title: its
// text, else its first display, else its first code. A coding of a system
// OpenEMR has no code type for cannot be stored and is refused; version
// and display of a coding are not kept.
func codeListFrom(path string, cc *r4.CodeableConcept) (list, title string, err error) {
	if cc == nil {
		return "", "", nil
	}
	var parts []string
	for i, c := range cc.Coding {
		typ := issueCodeType(deref(c.System))
		code := strings.TrimSpace(deref(c.Code))
		switch {
		case code == "":
			return "", "", invalid(path+".coding", "coding %d has no code", i+1)
		case typ == "":
			return "", "", invalid(path+".coding", "codes of system %q cannot be stored (ICD-10-CM, SNOMED CT, RxNorm, CPT, LOINC, CVX … can)", deref(c.System))
		case strings.ContainsAny(code, ";: "):
			return "", "", invalid(path+".coding", "%q is not a code", code)
		}
		parts = append(parts, typ+":"+code)
		if title == "" {
			title = deref(c.Display)
		}
		if title == "" {
			title = code
		}
	}
	if t := strings.TrimSpace(deref(cc.Text)); t != "" {
		title = t
	}
	return strings.Join(parts, ";"), title, nil
}

// issueCodeType is the OpenEMR code type of a FHIR system, the first of
// issueCodeTypes that has it.
func issueCodeType(system string) string {
	for _, t := range issueCodeTypes {
		if t.system == system {
			return t.typ
		}
	}
	return ""
}

// conceptCode is the code of concept's coding in system, "" when none.
func conceptCode(cc *r4.CodeableConcept, system string) string {
	if cc == nil {
		return ""
	}
	for _, c := range cc.Coding {
		if deref(c.System) == system {
			return deref(c.Code)
		}
	}
	return ""
}
